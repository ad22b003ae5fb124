package dev.ddbkit.core.typed.internal;

import dev.ddbkit.core.typed.CursorRejectedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Signed, query-bound cursors for any key: {@code base64url(version, query check, key attributes, HMAC-SHA256)}.
 * The MAC covers the query's fingerprint followed by everything before the MAC, so a cursor continues exactly
 * one query; the 4-byte check (CRC-32C of the fingerprint) only tells another query's cursor from an altered
 * one in the message. Key values keep their type ({@code S}, {@code N} or {@code B}).
 */
public final class Cursors {
  private static final byte VERSION = 1;
  private static final int CHECK_BYTES = 4;
  private static final int MAC_BYTES = 32;
  private static final int MAX_CURSOR_CHARS = 16_384;
  private static final String ALGORITHM = "HmacSHA256";

  private final Mac prototype;

  /** A codec signing with {@code secret} (at least 16 bytes; the caller checks). */
  public Cursors(byte[] secret) {
    try {
      prototype = Mac.getInstance(ALGORITHM);
      prototype.init(new SecretKeySpec(secret.clone(), ALGORITHM));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable.", e);
    }
  }

  /** The cursor continuing the query with {@code fingerprint} after the item whose key is {@code lastKey}. */
  public String encode(byte[] fingerprint, List<String> keyNames, Map<String, AttributeValue> lastKey) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeInt(check(fingerprint));
      out.writeByte(keyNames.size());
      for (String name : keyNames) {
        AttributeValue value = lastKey.get(name);
        if (value == null) {
          throw new IllegalStateException("The last item lacks key attribute " + name + ".");
        }
        out.writeUTF(name);
        switch (value.type()) {
          case S -> {
            out.writeByte('S');
            writeBytes(out, value.s().getBytes(StandardCharsets.UTF_8));
          }
          case N -> {
            out.writeByte('N');
            writeBytes(out, value.n().getBytes(StandardCharsets.US_ASCII));
          }
          case B -> {
            out.writeByte('B');
            writeBytes(out, value.b().asByteArrayUnsafe());
          }
          default -> throw new IllegalStateException("Key attribute " + name + " is not S, N or B.");
        }
      }
      out.write(mac(fingerprint, bytes.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
  }

  /**
   * The {@code ExclusiveStartKey} in {@code cursor}, which must have been issued for the query with
   * {@code fingerprint} and name exactly {@code keyNames}.
   *
   * @throws CursorRejectedException if it was not
   */
  public Map<String, AttributeValue> decode(byte[] fingerprint, List<String> keyNames, String cursor) {
    if (cursor.isEmpty() || cursor.length() > MAX_CURSOR_CHARS) {
      throw CursorRejectedException.of("The cursor is empty or too long to be one ddbkit issued.");
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw CursorRejectedException.of("The cursor is not URL-safe base64; pass nextCursor() back unchanged.");
    }
    if (bytes.length < 1 + CHECK_BYTES + 1 + MAC_BYTES) {
      throw CursorRejectedException.of("The cursor is truncated; pass nextCursor() back unchanged.");
    }
    byte[] body = Arrays.copyOfRange(bytes, 0, bytes.length - MAC_BYTES);
    byte[] mac = Arrays.copyOfRange(bytes, bytes.length - MAC_BYTES, bytes.length);
    if (body[0] != VERSION) {
      throw CursorRejectedException.of("The cursor has version " + body[0] + "; this table reads version "
          + VERSION + " (restart the listing).");
    }
    if (!MessageDigest.isEqual(mac, mac(fingerprint, body))) {
      if (readInt(body, 1) != check(fingerprint)) {
        throw CursorRejectedException.of("The cursor belongs to another query (another table, index, key "
            + "condition, filter, order or projection); a cursor continues only the query that produced it.");
      }
      throw CursorRejectedException.of("The cursor was altered or was issued with another cursor key.");
    }
    Map<String, AttributeValue> start = new LinkedHashMap<>();
    try (DataInputStream in = new DataInputStream(
        new ByteArrayInputStream(body, 1 + CHECK_BYTES, body.length - 1 - CHECK_BYTES))) {
      int count = in.readUnsignedByte();
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        int type = in.readUnsignedByte();
        byte[] value = new byte[in.readInt()];
        in.readFully(value);
        AttributeValue v = switch (type) {
          case 'S' -> AttributeValue.fromS(new String(value, StandardCharsets.UTF_8));
          case 'N' -> AttributeValue.fromN(new String(value, StandardCharsets.US_ASCII));
          case 'B' -> AttributeValue.fromB(SdkBytes.fromByteArray(value));
          default -> throw CursorRejectedException.of("The cursor's key is malformed.");
        };
        if (start.put(name, v) != null) {
          throw CursorRejectedException.of("The cursor's key is malformed.");
        }
      }
      if (in.available() != 0) {
        throw CursorRejectedException.of("The cursor has trailing bytes.");
      }
    } catch (IOException | NegativeArraySizeException e) {
      throw CursorRejectedException.of("The cursor's key is malformed.");
    }
    if (!start.keySet().equals(new java.util.HashSet<>(keyNames))) {
      throw CursorRejectedException.of("The cursor's key does not belong to this query.");
    }
    return start;
  }

  private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
    out.writeInt(value.length);
    out.write(value);
  }

  private static int check(byte[] fingerprint) {
    CRC32C crc = new CRC32C();
    crc.update(fingerprint);
    return (int) crc.getValue();
  }

  private static int readInt(byte[] b, int at) {
    return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
  }

  private byte[] mac(byte[] fingerprint, byte[] body) {
    Mac mac;
    try {
      mac = (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("HmacSHA256 cannot be cloned.", e);
    }
    mac.update(fingerprint);
    return mac.doFinal(body);
  }
}
