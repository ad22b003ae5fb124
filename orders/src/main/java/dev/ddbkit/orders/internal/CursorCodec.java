package dev.ddbkit.orders.internal;

import dev.ddbkit.orders.InvalidCursorException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Cursors: {@code base64url(version, query check, key attributes, HMAC-SHA256)}. The MAC covers the query's
 * {@link QuerySpec#fingerprint()} followed by everything before the MAC, so a cursor is valid for exactly one
 * query and key; the query check (CRC-32C of the fingerprint) only tells a cursor of another query from an
 * altered one in the error. Decoding checks, in order: size and alphabet, version, MAC (another query,
 * altered or foreign key), then that the key names exactly the query's key attributes with the query's
 * partition value.
 */
public final class CursorCodec {
  private static final byte VERSION = 2;
  private static final int CHECK_BYTES = 4;
  private static final int MAC_BYTES = 32;
  /** Far above any real cursor (keys are at most 2 KB + 1 KB + index keys). */
  private static final int MAX_CURSOR_CHARS = 16_384;
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  /** Initialised MAC prototype, cloned per use: cheaper than a provider lookup, and a {@code Mac} is not thread-safe. */
  private final Mac macPrototype;

  /** A codec signing with {@code secret} (at least 16 bytes). */
  public CursorCodec(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("The cursor key must be at least 16 bytes.");
    }
    this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    this.macPrototype = newMac();
  }

  /** The cursor continuing {@code spec} after the item whose key is {@code lastKey}. */
  public String encode(QuerySpec spec, Map<String, AttributeValue> lastKey) {
    byte[] fingerprint = spec.fingerprint();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeInt(check(fingerprint));
      out.writeByte(spec.keyAttributes().size());
      for (String name : spec.keyAttributes()) {
        AttributeValue value = lastKey.get(name);
        if (value == null || value.s() == null) {
          throw new IllegalStateException("Last key lacks string attribute " + name + ".");
        }
        out.writeUTF(name);
        out.writeUTF(value.s());
      }
      out.write(mac(fingerprint, bytes.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
  }

  /** The {@code ExclusiveStartKey} in {@code cursor}; throws {@link InvalidCursorException} if it is not valid for {@code spec}. */
  public Map<String, AttributeValue> decode(QuerySpec spec, String cursor) {
    if (cursor.isEmpty() || cursor.length() > MAX_CURSOR_CHARS) {
      throw InvalidCursorException.of("The cursor is empty or too long to be one this repository issued.");
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw InvalidCursorException.of("The cursor is not URL-safe base64; pass Page.nextCursor() back unchanged.");
    }
    if (bytes.length < 1 + CHECK_BYTES + 1 + MAC_BYTES) {
      throw InvalidCursorException.of("The cursor is truncated; pass Page.nextCursor() back unchanged.");
    }
    byte[] body = Arrays.copyOfRange(bytes, 0, bytes.length - MAC_BYTES);
    byte[] mac = Arrays.copyOfRange(bytes, bytes.length - MAC_BYTES, bytes.length);
    if (body[0] != VERSION) {
      // not secret, and told first: a cursor issued before an upgrade should say so, not "altered"
      throw InvalidCursorException.of("The cursor has version " + body[0] + "; this repository reads version "
          + VERSION + " (restart the listing).");
    }
    byte[] fingerprint = spec.fingerprint();
    if (!MessageDigest.isEqual(mac, mac(fingerprint, body))) {
      if (readInt(body, 1) != check(fingerprint)) {
        throw InvalidCursorException.of("The cursor belongs to another query (another table, customer, date, "
            + "status, range, order or result kind); a cursor continues only the query that produced it.");
      }
      throw InvalidCursorException.of("The cursor was altered or was issued with another cursor key "
          + "(another repository configuration or a restarted process using the random default key).");
    }
    Map<String, AttributeValue> start = new LinkedHashMap<>();
    try (DataInputStream in = new DataInputStream(
        new ByteArrayInputStream(body, 1 + CHECK_BYTES, body.length - 1 - CHECK_BYTES))) {
      int count = in.readUnsignedByte();
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        String value = in.readUTF();
        if (value.isEmpty() || start.put(name, AttributeValue.fromS(value)) != null) {
          throw InvalidCursorException.of("The cursor's key is malformed.");
        }
      }
      if (in.available() != 0) {
        throw InvalidCursorException.of("The cursor has trailing bytes.");
      }
    } catch (IOException e) {
      throw InvalidCursorException.of("The cursor's key is malformed.");
    }
    // defence in depth, should the key ever leak: never send a key outside the queried partition
    if (!start.keySet().equals(new java.util.HashSet<>(spec.keyAttributes()))
        || !spec.partitionValue().equals(java.util.Objects.requireNonNull(start.get(spec.partitionAttribute())).s())
        || outside(java.util.Objects.requireNonNull(start.get(spec.sortAttribute())).s(), spec)) {
      throw InvalidCursorException.of("The cursor's key does not belong to this query.");
    }
    return start;
  }

  private static boolean outside(String sortValue, QuerySpec spec) {
    return spec.lower() != null && sortValue.compareTo(spec.lower()) < 0
        || spec.upper() != null && sortValue.compareTo(spec.upper()) > 0;
  }

  /** CRC-32C of the query's fingerprint: not a security check (the MAC is), only for the error message. */
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
      mac = (Mac) macPrototype.clone();
    } catch (CloneNotSupportedException e) {
      mac = newMac();
    }
    mac.update(fingerprint);
    return mac.doFinal(body);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable.", e);
    }
  }
}
