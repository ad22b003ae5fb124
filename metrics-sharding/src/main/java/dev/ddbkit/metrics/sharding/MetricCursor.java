package dev.ddbkit.metrics.sharding;

import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A streaming read of one metric across its shards, in timestamp order. Pages are requested only when the
 * merge needs them; memory stays bounded by shards times page size. Close it (try-with-resources) to cancel
 * outstanding requests when stopping early.
 *
 * <pre>{@code
 * try (MetricCursor cursor = metrics.read("page_views", from, to)) {
 *   cursor.forEachRemaining(p -> chart.add(p.timestamp(), p.value()));
 * }
 * }</pre>
 *
 * <p>Not thread-safe. {@link #hasNext()} and {@link #next()} throw {@link ShardReadException} when a shard
 * fails and partial results were not allowed; the cursor is then closed.
 */
public interface MetricCursor extends Iterator<StoredPoint>, AutoCloseable {

  /** The remaining points as a sequential stream; closing the stream closes this cursor. */
  Stream<StoredPoint> stream();

  /**
   * Shards left out because they failed (only with {@link MetricQuery#allowPartialResults()}); complete once
   * the cursor is exhausted. Points a failed shard delivered before failing were returned.
   */
  Set<Integer> missingShards();

  /** How many Query requests this cursor has sent. */
  int requestsSent();

  /** Cancels outstanding requests; further {@link #hasNext()} calls return false. */
  @Override
  void close();
}
