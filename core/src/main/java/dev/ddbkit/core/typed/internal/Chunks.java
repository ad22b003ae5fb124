package dev.ddbkit.core.typed.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Splits batch entries into requests DynamoDB accepts: at most {@code maxCount} entries, at most
 * {@code maxBytes} in total, and no key twice in one request (DynamoDB rejects a whole batch that names one
 * key twice). Entries keep their order; an entry whose key is already in the current request starts the next.
 */
public final class Chunks {
  private Chunks() {}

  /** The entries split into requests, in order. */
  public static <E> List<List<E>> split(List<E> entries, int maxCount, long maxBytes, ToLongFunction<E> size,
      Function<? super E, ?> key) {
    if (maxCount < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("maxCount and maxBytes must be positive.");
    }
    List<List<E>> chunks = new ArrayList<>();
    List<E> current = new ArrayList<>();
    Set<Object> keys = new HashSet<>();
    long bytes = 0;
    for (E entry : entries) {
      long entrySize = size.applyAsLong(entry);
      Object entryKey = key.apply(entry);
      boolean full = current.size() == maxCount || !current.isEmpty() && bytes + entrySize > maxBytes
          || keys.contains(entryKey);
      if (full) {
        chunks.add(current);
        current = new ArrayList<>();
        keys = new HashSet<>();
        bytes = 0;
      }
      current.add(entry);
      keys.add(entryKey);
      bytes += entrySize;
    }
    if (!current.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }
}
