package dev.ddbkit.metrics.sharding;

import java.util.List;
import java.util.Set;

/**
 * A fully collected read.
 *
 * @param points the points in the requested order
 * @param missingShards shards left out because they failed; empty when the result is complete
 */
public record ReadResult(List<StoredPoint> points, Set<Integer> missingShards) {
  /** Copies both collections. */
  public ReadResult {
    points = List.copyOf(points);
    missingShards = Set.copyOf(missingShards);
  }

  /** Whether every shard was read. */
  public boolean complete() {
    return missingShards.isEmpty();
  }
}
