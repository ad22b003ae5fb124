package dev.ddbkit.transactions.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/** SHA-256 as lowercase hex: the one hashing helper of this module. */
public final class Sha256 {
  private Sha256() {}

  /** The SHA-256 of {@code text}'s UTF-8 bytes, as 64 lowercase hex digits. */
  public static String hex(String text) {
    return hex(d -> d.update(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The SHA-256 of whatever {@code input} feeds the digest, as 64 lowercase hex digits. */
  public static String hex(Consumer<MessageDigest> input) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
    input.accept(digest);
    return HexFormat.of().formatHex(digest.digest());
  }
}
