package dev.ddbkit.metrics.sharding;

import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A streaming read of one metric across its shards, in timestamp order. Each shard reads one page ahead
 * (its next page is requested when a page arrives, while the query's limit can still use more points), so
 * memory stays bounded by about 2 × shards × page size. Close it (try-with-resources) to cancel outstanding
 * requests when stopping early.
 *
 * <pre>{@code
 * try (MetricCursor cursor = metrics.read("page_views", from, to)) {
 *   cursor.forEachRemaining(p -> chart.add(p.timestamp(), p.value()));
 * }
 * }</pre>
 *
 * <p>Not thread-safe. {@link #hasNext()} and {@link #next()} throw {@link ShardReadException} when a shard
 * fails and partial results were not allowed (the cursor is then closed), and
 * {@link MalformedMetricException} for an item that is not a metric point.
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
