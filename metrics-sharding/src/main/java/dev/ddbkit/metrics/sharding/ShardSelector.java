package dev.ddbkit.metrics.sharding;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.metrics.sharding.internal.Selectors;
import java.util.function.Function;

/**
 * Chooses the shard a point is written to. Use the static factories:
 *
 * <pre>{@code
 * ShardSelector.random();                       // the guide's choice: uniform random
 * ShardSelector.roundRobin();                   // even spread per metric
 * ShardSelector.calculated(MetricPoint::id);    // AWS "calculated suffix": same key, same shard
 * }</pre>
 */
@FunctionalInterface
public interface ShardSelector {

  /** The shard for {@code point}, in {@code [0, shardCount)}. */
  int select(MetricPoint point, int shardCount);

  /** A uniformly random shard per point, as the guide's {@code getShardKey} does. */
  static ShardSelector random() {
    return Selectors.random();
  }

  /** Shards in turn per metric name: 0, 1, ..., n-1, 0, ... */
  static ShardSelector roundRobin() {
    return Selectors.roundRobin();
  }

  /**
   * AWS's calculated-suffix pattern: the shard is a stable hash of the caller's key, so a point can be read
   * back from one partition ({@link ShardedMetrics#readByKey}) without querying every shard.
   */
  static ShardSelector calculated(Function<? super MetricPoint, String> keyFunction) {
    Require.nonNull(keyFunction, "keyFunction");
    return (point, shardCount) -> calculatedShard(
        Require.nonNull(keyFunction.apply(point), "calculated shard key"), shardCount);
  }

  /** The shard {@link #calculated} picks for {@code key}: CRC-32 of its UTF-8 bytes modulo {@code shardCount}. */
  static int calculatedShard(String key, int shardCount) {
    return Selectors.hashShard(Require.nonNull(key, "key"), Require.atLeast(shardCount, 1, "shardCount"));
  }
}
