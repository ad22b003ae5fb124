package dev.ddbkit.emulator.internal.store;

import dev.ddbkit.emulator.internal.value.Value;
import dev.ddbkit.emulator.internal.value.Values;
import java.util.Comparator;

/** Orders key values: S by UTF-8 bytes, N by value, B by unsigned bytes; across types by type (never mixed in one key). */
public final class KeyOrder {
  public static final Comparator<Value> VALUES = KeyOrder::compare;

  private KeyOrder() {}

  public static int compare(Value a, Value b) {
    int ta = rank(a);
    int tb = rank(b);
    if (ta != tb) {
      return Integer.compare(ta, tb);
    }
    return Values.compare(a, b).orElse(0);
  }

  private static int rank(Value v) {
    return switch (v.type()) {
      case "S" -> 0;
      case "N" -> 1;
      case "B" -> 2;
      default -> throw new IllegalArgumentException("Not a key value: " + v.type());
    };
  }

  /** A stable, well-spread hash of a partition key value: the order in which Scan visits partitions. */
  public static int hash(Value v) {
    int h = v.hashCode();
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
