package dev.ddbkit.core.typed;

import dev.ddbkit.core.error.Require;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * How a {@link ShardedTable} spreads the items of one logical partition key over {@link #shardCount()} physical
 * keys: which shard an item goes to, and how a shard's physical key is written.
 *
 * <pre>{@code
 * ShardKeyStrategy<Reading> random = ShardKeyStrategy.random(8);                       // write-heavy counters
 * ShardKeyStrategy<Reading> stable = ShardKeyStrategy.hashing(8, Reading::getDevice);  // same device, same shard
 * }</pre>
 *
 * @param <T> the entity type
 */
public interface ShardKeyStrategy<T> {

  /** The number of shards, at least 1. */
  int shardCount();

  /** The shard of {@code item}, in {@code [0, shardCount())}. */
  int shardFor(T item);

  /** The physical partition key of {@code shard} for {@code logicalKey}; by default {@code logicalKey#shard}. */
  default String physicalKey(String logicalKey, int shard) {
    return logicalKey + "#" + shard;
  }

  /** Items spread uniformly at random. */
  static <T> ShardKeyStrategy<T> random(int shardCount) {
    int count = checkCount(shardCount);
    return new ShardKeyStrategy<>() {
      @Override
      public int shardCount() {
        return count;
      }

      @Override
      public int shardFor(T item) {
        return ThreadLocalRandom.current().nextInt(count);
      }
    };
  }

  /** Items spread by a hash of {@code by(item)}: equal values always land on the same shard. */
  static <T> ShardKeyStrategy<T> hashing(int shardCount, Function<T, ?> by) {
    int count = checkCount(shardCount);
    Require.nonNull(by, "by");
    return new ShardKeyStrategy<>() {
      @Override
      public int shardCount() {
        return count;
      }

      @Override
      public int shardFor(T item) {
        return Math.floorMod(Integer.rotateLeft(Objects.hashCode(by.apply(item)) * 0x9E3779B1, 16), count);
      }
    };
  }

  private static int checkCount(int shardCount) {
    Require.argument(shardCount >= 1 && shardCount <= 1000, "shardCount",
        "shardCount must be between 1 and 1000 but was " + shardCount + ".");
    return shardCount;
  }
}
