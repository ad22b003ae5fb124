package dev.ddbkit.emulator.internal.store;

import dev.ddbkit.emulator.internal.value.Value;
import java.util.Comparator;

/**
 * A partition key in scan order: by its hash (unsigned), then by value. {@code value} is null only for the
 * boundary of a hash range (it sorts before every key with that hash), used to cut Scan segments.
 */
record PartitionKey(int hash, Value value) {
  static final Comparator<PartitionKey> ORDER = (a, b) -> {
    int c = Integer.compareUnsigned(a.hash, b.hash);
    if (c != 0) {
      return c;
    }
    if (a.value == null || b.value == null) {
      return a.value == null ? (b.value == null ? 0 : -1) : 1;
    }
    return KeyOrder.compare(a.value, b.value);
  };

  static PartitionKey of(Value value) {
    return new PartitionKey(KeyOrder.hash(value), value);
  }

  /** The first hash of segment {@code segment} of {@code total}. */
  static long segmentStart(int segment, int total) {
    return ((long) segment << 32) / total + ((((long) segment << 32) % total) == 0 ? 0 : 1);
  }

  static int segmentOf(int hash, int total) {
    return (int) (((hash & 0xFFFFFFFFL) * total) >>> 32);
  }
}
