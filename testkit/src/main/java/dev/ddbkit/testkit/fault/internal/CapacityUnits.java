package dev.ddbkit.testkit.fault.internal;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.item.ItemSize;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's capacity arithmetic on items in its JSON wire format ({@code {"name": {"S": "value"}}}).
 *
 * <ul>
 *   <li>Item size: the sum over attributes of the UTF-8 length of the name plus the size of the value.
 *       Strings: UTF-8 length; numbers: 1 byte plus 1 per two significant digits; binary: decoded length;
 *       booleans and nulls: 1; lists and maps: 3 bytes plus 1 per element plus the elements (map keys
 *       included); sets: the sum of their elements.
 *   <li>Writes: 1 unit per started KB (1,024 bytes), at least 1; transactional writes cost double.
 *   <li>Reads: 1 unit per started 4 KB, at least 1, for strongly consistent reads; half for eventually
 *       consistent reads; transactional reads cost double.
 * </ul>
 */
public final class CapacityUnits {
  /** Bytes per write capacity unit. */
  public static final int WRITE_UNIT_BYTES = 1024;
  /** Bytes per read capacity unit. */
  public static final int READ_UNIT_BYTES = 4096;

  private CapacityUnits() {}

  /** How reads are charged. */
  public enum ReadMode {
    /** Eventually consistent: half a strongly consistent read. */
    EVENTUALLY_CONSISTENT,
    /** Strongly consistent. */
    STRONGLY_CONSISTENT,
    /** Part of {@code TransactGetItems}: double a strongly consistent read. */
    TRANSACTIONAL
  }

  /** The size in bytes of an item (or key) in wire format. */
  public static long itemSize(Map<String, Object> item) {
    long size = 0;
    for (Map.Entry<String, Object> e : item.entrySet()) {
      size += utf8(e.getKey()) + valueSize(e.getValue());
    }
    return size;
  }

  /** Write units for an item of {@code sizeBytes}; doubled when {@code transactional}. */
  public static double writeUnits(long sizeBytes, boolean transactional) {
    long units = Math.max(1, ceilDiv(sizeBytes, WRITE_UNIT_BYTES));
    return transactional ? 2.0 * units : units;
  }

  /** Read units for {@code sizeBytes} read in one request in {@code mode}. */
  public static double readUnits(long sizeBytes, ReadMode mode) {
    long units = Math.max(1, ceilDiv(sizeBytes, READ_UNIT_BYTES));
    return switch (mode) {
      case EVENTUALLY_CONSISTENT -> units / 2.0;
      case STRONGLY_CONSISTENT -> units;
      case TRANSACTIONAL -> 2.0 * units;
    };
  }

  /** The size of one attribute value such as {@code {"N": "12.5"}}. */
  @SuppressWarnings("unchecked")
  public static long valueSize(Object value) {
    if (!(value instanceof Map<?, ?> typed) || typed.size() != 1) {
      return 0;
    }
    Map.Entry<String, Object> e = ((Map<String, Object>) typed).entrySet().iterator().next();
    Object v = e.getValue();
    switch (e.getKey()) {
      case "S":
        return v instanceof String s ? utf8(s) : 0;
      case "N":
        return v instanceof String n ? numberSize(n) : 0;
      case "B":
        return v instanceof String b ? binarySize(b) : 0;
      case "BOOL":
      case "NULL":
        return 1;
      case "SS":
        return sumOf(v, CapacityUnits::utf8);
      case "NS":
        return sumOf(v, CapacityUnits::numberSize);
      case "BS":
        return sumOf(v, CapacityUnits::binarySize);
      case "L": {
        long size = 3;
        if (v instanceof List<?> l) {
          for (Object o : l) {
            size += 1 + valueSize(o);
          }
        }
        return size;
      }
      case "M": {
        long size = 3;
        if (v instanceof Map<?, ?> m) {
          for (Map.Entry<?, ?> me : m.entrySet()) {
            size += 1 + utf8(String.valueOf(me.getKey())) + valueSize(me.getValue());
          }
        }
        return size;
      }
      default:
        return 0;
    }
  }

  /** The size of a number, as DynamoDB counts it (see core's {@link ItemSize#numberSize}). */
  public static long numberSize(String number) {
    return ItemSize.numberSize(number);
  }

  private static long binarySize(String base64) {
    try {
      return Base64.getDecoder().decode(base64).length;
    } catch (IllegalArgumentException e) {
      return base64.length();
    }
  }

  private static long sumOf(Object list, java.util.function.ToLongFunction<String> size) {
    long total = 0;
    if (list instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof String s) {
          total += size.applyAsLong(s);
        }
      }
    }
    return total;
  }

  private static long utf8(String s) {
    return Require.utf8Length(s);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
