package dev.ddbkit.metrics.sharding;

import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.retry.DdbkitRetry;
import dev.ddbkit.metrics.sharding.internal.BatchWriter;
import dev.ddbkit.metrics.sharding.internal.Items;
import dev.ddbkit.metrics.sharding.internal.MergingCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Sharded metrics on one table laid out as the guide's {@code metrics-production}
 * ({@link dev.ddbkit.core.table.SeedTables#metrics()}): writes spread each metric over
 * {@code <metric>#<shard>} partitions; reads query every shard in parallel and merge them in time order.
 *
 * <pre>{@code
 * ShardedMetrics metrics = ShardedMetrics.create(asyncClient, "metrics-production",
 *     c -> c.shardCount(16).selector(ShardSelector.roundRobin()));
 * metrics.put(MetricPoint.of("page_views", Instant.now(), 1));          // PutItem
 * metrics.putAll(points);                                              // BatchWriteItem, 25 per request
 * try (MetricCursor c = metrics.read("page_views", from, to, q -> q.descending().limit(100))) {
 *   c.forEachRemaining(p -> ...);                                      // Query on every shard
 * }
 * MetricAggregate agg = metrics.aggregate("page_views", from, to);
 * }</pre>
 *
 * <p>Thread-safe. Blocking methods wait on the asynchronous client; the caller's client is not closed.
 * {@link #close()} ends the writer threads of {@code putAll} / {@code rewrite}; use try-with-resources or
 * close it with your application.
 */
public final class ShardedMetrics implements AutoCloseable {
  private final DynamoDbAsyncClient client;
  private final String tableName;
  private final ShardingConfig config;
  private final DdbkitRetry retry;
  private final BatchWriter batchWriter;

  private ShardedMetrics(DynamoDbAsyncClient client, String tableName, ShardingConfig config) {
    this.client = Require.nonNull(client, "client");
    this.tableName = Require.tableName(tableName, "tableName");
    this.config = Require.nonNull(config, "config");
    this.retry = DdbkitRetry.of("ddbkit-metrics-" + tableName, config.retry(), config.metrics());
    this.batchWriter = new BatchWriter(client, tableName, retry, config.writeConcurrency());
  }

  /** Metrics on {@code tableName} with {@link ShardingConfig#defaults()}. */
  public static ShardedMetrics create(DynamoDbAsyncClient client, String tableName) {
    return new ShardedMetrics(client, tableName, ShardingConfig.defaults());
  }

  /** Metrics on {@code tableName} with {@code config}. */
  public static ShardedMetrics create(DynamoDbAsyncClient client, String tableName, ShardingConfig config) {
    return new ShardedMetrics(client, tableName, config);
  }

  /** Metrics on {@code tableName} with the defaults customised by {@code config}. */
  public static ShardedMetrics create(DynamoDbAsyncClient client, String tableName,
      Consumer<ShardingConfig.Builder> config) {
    ShardingConfig.Builder b = ShardingConfig.builder();
    Require.nonNull(config, "config").accept(b);
    return new ShardedMetrics(client, tableName, b.build());
  }

  /**
   * Stops accepting writes and ends the writer threads, after the writes in progress finished; no thread
   * started by this instance outlives the call. Reads keep working. Idempotent.
   */
  @Override
  public void close() {
    batchWriter.close();
  }

  /** The table. */
  public String tableName() {
    return tableName;
  }

  /** The configuration. */
  public ShardingConfig config() {
    return config;
  }

  /**
   * Writes one point with PutItem (retried per the configured retry, always to the same shard); returns where
   * it was stored. If this throws after the item was in fact stored (a timeout, say) and the caller calls
   * {@code put(point)} again, the shard is chosen again: idempotent with {@link ShardSelector#calculated},
   * but with {@link ShardSelector#random()} or {@link ShardSelector#roundRobin()} it may create a second copy
   * in another shard. To retry into a known shard use {@link #rewrite(Collection)}.
   */
  public StoredPoint put(MetricPoint point) {
    BatchWriter.Prepared p = prepare(Require.nonNull(point, "point"));
    PutItemRequest request = PutItemRequest.builder().tableName(tableName).item(p.item()).build();
    batchWriter.checkOpen();
    retry.execute("PutItem", tableName, () -> {
      try {
        return client.putItem(request).join();
      } catch (RuntimeException e) {
        throw DdbkitErrors.translate(e, "PutItem", tableName);
      }
    });
    return p.stored();
  }

  /** Writes a new point with a random id ({@link MetricPoint#of}) with PutItem. */
  public StoredPoint put(String metricName, Instant timestamp, double value) {
    return put(MetricPoint.of(metricName, timestamp, value));
  }

  /**
   * Writes every point with BatchWriteItem: 25 per request, {@link ShardingConfig#writeConcurrency()}
   * requests in flight, unprocessed items and throttled requests retried with backoff. Every point is
   * validated first; on bad input nothing is written.
   *
   * @return every point with its shard, once all are confirmed written
   * @throws MetricWriteException listing exactly the points not confirmed written
   * @throws InvalidInputException for a null point or two points with the same metric, timestamp and id
   */
  public BulkWriteResult putAll(Collection<MetricPoint> points) {
    Require.nonNull(points, "points");
    List<BatchWriter.Prepared> prepared = new ArrayList<>(points.size());
    Set<String> seen = new HashSet<>(points.size() * 2);
    int i = 0;
    for (MetricPoint point : points) {
      Require.nonNull(point, "points[" + i + "]");
      if (!seen.add(point.metricName() + '#' + point.sortKey())) {
        throw InvalidInputException.of("points", "points[" + i + "] repeats metric " + point.metricName()
            + ", timestamp " + point.timestamp() + " and id " + point.id() + " of an earlier point.");
      }
      i++;
    }
    for (MetricPoint point : points) {
      prepared.add(prepare(point));
    }
    return batchWriter.write(prepared);
  }

  /**
   * Writes points to the shards they were sent to before, with BatchWriteItem as {@link #putAll}: each point
   * is stored in {@link StoredPoint#shard()} under its {@link MetricPoint#sortKey()}, so a point that was in
   * fact stored is overwritten rather than copied. The expiry is set afresh (clock + ttl). Use it with {@link MetricWriteException#pending()}.
   *
   * @throws MetricWriteException listing exactly the points still not confirmed written
   * @throws InvalidInputException for a null point, a shard outside the metric's shard count, or a repeated point
   */
  public BulkWriteResult rewrite(Collection<StoredPoint> points) {
    Require.nonNull(points, "points");
    List<BatchWriter.Prepared> prepared = new ArrayList<>(points.size());
    Set<String> seen = new HashSet<>(points.size() * 2);
    int i = 0;
    for (StoredPoint stored : points) {
      Require.nonNull(stored, "points[" + i + "]");
      int count = config.shardCount(stored.metricName());
      if (stored.shard() < 0 || stored.shard() >= count) {
        throw InvalidInputException.of("points", "points[" + i + "] names shard " + stored.shard() + " of metric "
            + stored.metricName() + " but it must lie in [0, " + count + ").");
      }
      if (!seen.add(stored.metricName() + '#' + stored.point().sortKey())) {
        throw InvalidInputException.of("points", "points[" + i + "] repeats metric " + stored.metricName()
            + ", timestamp " + stored.timestamp() + " and id " + stored.id() + " of an earlier point.");
      }
      i++;
    }
    for (StoredPoint stored : points) {
      prepared.add(prepare(stored.point(), stored.shard()));
    }
    return batchWriter.write(prepared);
  }

  /**
   * Re-sends the points a failed bulk write did not confirm ({@link MetricWriteException#pending()}) to the
   * shards they were sent to: {@code rewrite(failure.pending())}.
   */
  public BulkWriteResult retry(MetricWriteException failure) {
    return rewrite(Require.nonNull(failure, "failure").pending());
  }

  /**
   * Opens a streaming read across every shard of {@code query.metricName()}: parallel Query requests (at most
   * {@link ShardingConfig#readConcurrency()} in flight), each shard's pages followed, merged in timestamp
   * order. Nothing is sent before the first {@code hasNext()}.
   */
  public MetricCursor read(MetricQuery query) {
    Require.nonNull(query, "query");
    return new MergingCursor(client, tableName, query, config.shardCount(query.metricName()),
        config.pageSize(), config.readConcurrency());
  }

  /** {@link #read(MetricQuery)} of {@code [from, to]}, ascending. */
  public MetricCursor read(String metricName, Instant from, Instant to) {
    return read(MetricQuery.builder(metricName, from, to).build());
  }

  /** {@link #read(MetricQuery)} of {@code [from, to]} with options, e.g. {@code q -> q.descending().limit(10)}. */
  public MetricCursor read(String metricName, Instant from, Instant to, Consumer<MetricQuery.Builder> options) {
    return read(MetricQuery.of(metricName, from, to, options));
  }

  /** Reads the whole result into memory; for small ranges or with a limit. */
  public ReadResult readAll(MetricQuery query) {
    try (MetricCursor cursor = read(query)) {
      List<StoredPoint> points = new ArrayList<>();
      cursor.forEachRemaining(points::add);
      return new ReadResult(points, cursor.missingShards());
    }
  }

  /** {@link #readAll(MetricQuery)} of {@code [from, to]}, ascending. */
  public ReadResult readAll(String metricName, Instant from, Instant to) {
    return readAll(MetricQuery.builder(metricName, from, to).build());
  }

  /** {@link #readAll(MetricQuery)} of {@code [from, to]} with options. */
  public ReadResult readAll(String metricName, Instant from, Instant to, Consumer<MetricQuery.Builder> options) {
    return readAll(MetricQuery.of(metricName, from, to, options));
  }

  /** Count, sum, min, max and average of the query's points, computed while streaming. */
  public MetricAggregate aggregate(MetricQuery query) {
    try (MetricCursor cursor = read(query)) {
      long count = 0;
      double sum = 0;
      double compensation = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      while (cursor.hasNext()) {
        double v = cursor.next().value();
        count++;
        double t = sum + v;
        compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
        sum = t;
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      return new MetricAggregate(count, sum + compensation,
          count == 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(min),
          count == 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(max),
          cursor.missingShards());
    }
  }

  /** {@link #aggregate(MetricQuery)} of {@code [from, to]}. */
  public MetricAggregate aggregate(String metricName, Instant from, Instant to) {
    return aggregate(MetricQuery.builder(metricName, from, to).build());
  }

  /** {@link #aggregate(MetricQuery)} of {@code [from, to]} with options. */
  public MetricAggregate aggregate(String metricName, Instant from, Instant to,
      Consumer<MetricQuery.Builder> options) {
    return aggregate(MetricQuery.of(metricName, from, to, options));
  }

  /**
   * Reads the points stamped exactly {@code timestamp} in the one shard that
   * {@link ShardSelector#calculated} assigns to {@code key}: a single Query on one partition. Only finds points
   * written with a calculated selector whose key function returned {@code key}.
   */
  public List<StoredPoint> readByKey(String metricName, String key, Instant timestamp) {
    MetricKeys.checkMetricName(metricName);
    Require.nonNull(key, "key");
    int shard = ShardSelector.calculatedShard(key, config.shardCount(metricName));
    String prefix = MetricKeys.timestampPrefix(timestamp);
    QueryRequest request = QueryRequest.builder()
        .tableName(tableName)
        .keyConditionExpression("#pk = :shard AND begins_with(#ts, :prefix)")
        .expressionAttributeNames(Map.of("#pk", Items.SHARD, "#ts", Items.TIMESTAMP))
        .expressionAttributeValues(Map.of(
            ":shard", AttributeValue.fromS(MetricKeys.shardKey(metricName, shard)),
            ":prefix", AttributeValue.fromS(prefix + MetricKeys.SEPARATOR)))
        .consistentRead(true)
        .build();
    List<StoredPoint> result = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest page = start == null ? request : request.toBuilder().exclusiveStartKey(start).build();
      QueryResponse response;
      try {
        response = client.query(page).join();
      } catch (RuntimeException e) {
        throw DdbkitErrors.translate(e, "Query", tableName);
      }
      for (Map<String, AttributeValue> item : response.items()) {
        result.add(Items.fromItem(tableName, metricName, shard, item));
      }
      start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
          ? response.lastEvaluatedKey() : null;
    } while (start != null);
    return List.copyOf(result);
  }

  private BatchWriter.Prepared prepare(MetricPoint point) {
    int count = config.shardCount(point.metricName());
    int shard = config.selector(point.metricName()).select(point, count);
    if (shard < 0 || shard >= count) {
      throw new IllegalStateException("ShardSelector returned shard " + shard + " for metric "
          + point.metricName() + " but it must lie in [0, " + count + ").");
    }
    return prepare(point, shard);
  }

  private BatchWriter.Prepared prepare(MetricPoint point, int shard) {
    Instant expiresAt = config.clock().instant().plus(config.ttl());
    var item = Items.toItem(point, shard, expiresAt);
    StoredPoint stored = new StoredPoint(point, shard, point.sortKey(),
        Optional.of(Instant.ofEpochSecond(expiresAt.getEpochSecond())));
    return new BatchWriter.Prepared(point, stored, item);
  }
}
