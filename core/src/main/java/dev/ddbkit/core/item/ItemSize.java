package dev.ddbkit.core.item;

import dev.ddbkit.core.error.Require;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item size as DynamoDB counts it against the 400 KB limit: for each attribute its name's UTF-8 bytes plus
 * its value's size. Strings: UTF-8 bytes; binaries: bytes; numbers: 1 byte per two significant digits plus
 * 1; booleans and nulls: 1; sets: the sum of their elements; lists and maps: 3 bytes plus, per element,
 * 1 byte, the element's size and (for maps) the key's UTF-8 bytes.
 *
 * <pre>{@code
 * if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) { ... reject before PutItem ... }
 * }</pre>
 */
public final class ItemSize {
  /** DynamoDB's item size limit: 400 KB. */
  public static final long MAX_ITEM_BYTES = 400 * 1024;

  private ItemSize() {}

  /** The size of {@code item} in bytes. */
  public static long of(Map<String, AttributeValue> item) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      size += Require.utf8Length(e.getKey()) + valueSize(e.getValue());
    }
    return size;
  }

  /** The size of one value in bytes, its name excluded. */
  public static long valueSize(AttributeValue v) {
    switch (v.type()) {
      case S:
        return Require.utf8Length(v.s());
      case N:
        return numberSize(v.n());
      case B:
        return v.b().asByteBuffer().remaining();
      case BOOL:
      case NUL:
        return 1;
      case SS:
        return v.ss().stream().mapToLong(Require::utf8Length).sum();
      case NS:
        return v.ns().stream().mapToLong(ItemSize::numberSize).sum();
      case BS:
        return v.bs().stream().mapToLong(b -> b.asByteBuffer().remaining()).sum();
      case L: {
        long size = 3;
        for (AttributeValue element : v.l()) {
          size += 1 + valueSize(element);
        }
        return size;
      }
      case M: {
        long size = 3;
        for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
          size += 1 + Require.utf8Length(e.getKey()) + valueSize(e.getValue());
        }
        return size;
      }
      default:
        throw new IllegalArgumentException("Attribute value has no DynamoDB type: " + v + ".");
    }
  }

  /** 1 byte per two significant digits (leading and trailing zeros trimmed), plus 1. */
  public static long numberSize(String n) {
    String s = n.trim();
    int exponent = Math.max(s.indexOf('e'), s.indexOf('E'));
    if (exponent >= 0) {
      s = s.substring(0, exponent);
    }
    StringBuilder digits = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    int start = 0;
    int end = digits.length();
    while (start < end && digits.charAt(start) == '0') {
      start++;
    }
    while (end > start && digits.charAt(end - 1) == '0') {
      end--;
    }
    int significant = Math.max(1, end - start);
    return (significant + 1) / 2 + 1;
  }
}
