package dev.ddbkit.integration;

import java.nio.charset.StandardCharsets;

/** The fixed cursor key the suites pass to repositories that issue cursors (a key is required). */
public final class TestCursorKeys {
  private TestCursorKeys() {}

  /** 32 bytes; a fresh copy each time. */
  public static byte[] fixed() {
    return "ddbkit-integration-cursor-key-32".getBytes(StandardCharsets.US_ASCII);
  }
}
