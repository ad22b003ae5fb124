package dev.ddbkit.cli.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the CLI prints instants: always UTC with milliseconds, so that columns of them line up. */
final class Times {
  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private Times() {}

  /** {@code 2024-01-15T10:00:00.000Z}. */
  static String format(Instant instant) {
    return MILLIS.format(instant);
  }
}
