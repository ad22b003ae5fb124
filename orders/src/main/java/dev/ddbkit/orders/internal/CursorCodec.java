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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Cursors: {@code base64url(version, fingerprint, key attributes, HMAC-SHA256)}. The fingerprint is the
 * first 16 bytes of SHA-256 over {@link QuerySpec#fingerprint()}; the MAC covers everything before it.
 * Decoding checks, in order: size and alphabet, MAC (altered or foreign key), version, fingerprint (another
 * query), then that the key names exactly the query's key attributes with the query's partition value.
 */
public final class CursorCodec {
  private static final byte VERSION = 1;
  private static final int FINGERPRINT_BYTES = 16;
  private static final int MAC_BYTES = 32;
  /** Far above any real cursor (keys are at most 2 KB + 1 KB + index keys). */
  private static final int MAX_CURSOR_CHARS = 16_384;
  private static final String ALGORITHM = "HmacSHA256";

  /** Digest prototype: cloning one is far cheaper than a provider lookup on every page. */
  private static final MessageDigest SHA_256 = sha256();

  private final SecretKeySpec key;
  /** Initialised MAC prototype, cloned per use (a {@code Mac} is not thread-safe). */
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
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.write(fingerprint(spec));
      out.writeByte(spec.keyAttributes().size());
      for (String name : spec.keyAttributes()) {
        AttributeValue value = lastKey.get(name);
        if (value == null || value.s() == null) {
          throw new IllegalStateException("Last key lacks string attribute " + name + ".");
        }
        out.writeUTF(name);
        out.writeUTF(value.s());
      }
      out.write(mac(bytes.toByteArray()));
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
    if (bytes.length < 1 + FINGERPRINT_BYTES + 1 + MAC_BYTES) {
      throw InvalidCursorException.of("The cursor is truncated; pass Page.nextCursor() back unchanged.");
    }
    byte[] body = Arrays.copyOfRange(bytes, 0, bytes.length - MAC_BYTES);
    byte[] mac = Arrays.copyOfRange(bytes, bytes.length - MAC_BYTES, bytes.length);
    if (!MessageDigest.isEqual(mac, mac(body))) {
      throw InvalidCursorException.of("The cursor was altered or was issued with another cursor key "
          + "(another repository configuration or a restarted process using the random default key).");
    }
    if (body[0] != VERSION) {
      throw InvalidCursorException.of("The cursor has version " + body[0] + "; this repository reads version "
          + VERSION + ".");
    }
    if (!MessageDigest.isEqual(Arrays.copyOfRange(body, 1, 1 + FINGERPRINT_BYTES), fingerprint(spec))) {
      throw InvalidCursorException.of("The cursor belongs to another query (another table, customer, date, status, "
          + "range, order or result kind); a cursor continues only the query that produced it.");
    }
    Map<String, AttributeValue> start = new LinkedHashMap<>();
    try (DataInputStream in = new DataInputStream(
        new ByteArrayInputStream(body, 1 + FINGERPRINT_BYTES, body.length - 1 - FINGERPRINT_BYTES))) {
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
        || !spec.partitionValue().equals(start.get(spec.partitionAttribute()).s())
        || outside(start.get(spec.sortAttribute()).s(), spec)) {
      throw InvalidCursorException.of("The cursor's key does not belong to this query.");
    }
    return start;
  }

  private static boolean outside(String sortValue, QuerySpec spec) {
    return spec.lower() != null && sortValue.compareTo(spec.lower()) < 0
        || spec.upper() != null && sortValue.compareTo(spec.upper()) > 0;
  }

  private static byte[] fingerprint(QuerySpec spec) {
    MessageDigest digest;
    try {
      digest = (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      digest = sha256();
    }
    return Arrays.copyOf(digest.digest(spec.fingerprint()), FINGERPRINT_BYTES);
  }

  private byte[] mac(byte[] data) {
    Mac mac;
    try {
      mac = (Mac) macPrototype.clone();
    } catch (CloneNotSupportedException e) {
      mac = newMac();
    }
    return mac.doFinal(data);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is unavailable.", e);
    }
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
