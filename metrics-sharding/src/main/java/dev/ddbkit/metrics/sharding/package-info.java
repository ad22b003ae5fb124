/**
 * Sharded time-series metrics on DynamoDB, byte-compatible with the guide's {@code metrics-production} table:
 * {@link dev.ddbkit.metrics.sharding.ShardedMetrics} writes points across {@code <metric>#<shard>} partitions
 * (single PutItem or bounded, retried BatchWriteItem) and reads them back with a streaming k-way merge of
 * parallel per-shard queries.
 */
@NullMarked
package dev.ddbkit.metrics.sharding;

import org.jspecify.annotations.NullMarked;
