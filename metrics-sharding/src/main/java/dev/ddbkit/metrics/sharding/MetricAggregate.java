package dev.ddbkit.metrics.sharding;

import java.util.OptionalDouble;
import java.util.Set;

/**
 * Count, sum, minimum, maximum and average of the points of a read, computed while streaming.
 *
 * @param count number of points
 * @param sum sum of the values (compensated summation); 0 when there are none
 * @param min smallest value; empty when there are no points
 * @param max largest value; empty when there are no points
 * @param missingShards shards left out because they failed; empty when complete
 */
public record MetricAggregate(long count, double sum, OptionalDouble min, OptionalDouble max,
    Set<Integer> missingShards) {

  /** Copies the shard set. */
  public MetricAggregate {
    missingShards = Set.copyOf(missingShards);
  }

  /** The mean value; empty when there are no points. */
  public OptionalDouble average() {
    return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / count);
  }

  /** Whether every shard was read. */
  public boolean complete() {
    return missingShards.isEmpty();
  }
}
