package dev.ddbkit.metrics.sharding;

import java.util.List;

/**
 * The outcome of a bulk write in which every point was written.
 *
 * @param written every point with the shard and sort key it was written under, in input order
 * @param requests BatchWriteItem requests sent, retries included
 * @param retries retries of unprocessed items or throttled requests
 */
public record BulkWriteResult(List<StoredPoint> written, int requests, int retries) {
  /** Copies the list. */
  public BulkWriteResult {
    written = List.copyOf(written);
  }
}
