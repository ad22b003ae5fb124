package dev.ddbkit.benchmarks.internal;

import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableManager;
import dev.ddbkit.metrics.sharding.MetricCursor;
import dev.ddbkit.metrics.sharding.MetricKeys;
import dev.ddbkit.metrics.sharding.MetricPoint;
import dev.ddbkit.metrics.sharding.ShardedMetrics;
import dev.ddbkit.testkit.fault.FaultProxy;
import dev.ddbkit.testkit.fault.FaultRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Bulk ingest and scatter-gather reads of the sharded metrics module against the seed's way. */
public final class MetricsBenchmarks {
  private static final Logger log = LoggerFactory.getLogger(MetricsBenchmarks.class);
  private static final int SHARDS = 10;
  static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

  private MetricsBenchmarks() {}

  /** Bulk ingest through the sharded writer against one PutItem per point. */
  public static Section ingest(LocalServerProcess server, Mode mode) {
    try (DdbkitClients clients = DdbkitClients.create(server.settings().build())) {
      TableManager.of(clients.sync()).ensure(SeedTables.metrics());
      ShardedMetrics metrics = ShardedMetrics.create(clients.async(), SeedTables.METRICS, c -> c.shardCount(SHARDS));
      // warm both paths up
      metrics.putAll(points("warmup_bulk", 500));
      seedPut(clients.sync(), points("warmup_put", 100));

      List<MetricPoint> bulk = points("ingest_bulk", mode.ingestPoints());
      long t0 = System.nanoTime();
      var result = metrics.putAll(bulk);
      long bulkNanos = System.nanoTime() - t0;

      List<MetricPoint> single = points("ingest_put", mode.perPointPuts());
      t0 = System.nanoTime();
      seedPut(clients.sync(), single);
      long putNanos = System.nanoTime() - t0;

      double bulkRate = mode.ingestPoints() / (bulkNanos / 1e9);
      double putRate = mode.perPointPuts() / (putNanos / 1e9);
      log.info("Ingest: sharded writer {} points/s, PutItem per point {} points/s", (long) bulkRate, (long) putRate);
      return Section.titled("Bulk metric ingest")
          .intro("`ShardedMetrics.putAll` (BatchWriteItem, 25 points a request, " + metrics.config().writeConcurrency()
              + " requests in flight, unprocessed items retried) against the seed's `writeMetric`: one PutItem per "
              + "point, awaited one after another, with a random shard suffix. Points of one metric over " + SHARDS
              + " shards.")
          .columns("method", "points", "time", "points / s", "speed-up")
          .row("one PutItem per point (seed)", single.size(), Samples.millis(putNanos), String.format(Locale.ROOT,
              "%,.0f", putRate), "1.00x")
          .row("sharded writer, BatchWriteItem", bulk.size(), Samples.millis(bulkNanos), String.format(Locale.ROOT,
              "%,.0f", bulkRate), Samples.ratio(bulkRate, putRate))
          .target("bulk ingest ≥ 10× per-point puts", bulkRate >= 10 * putRate,
              Samples.ratio(bulkRate, putRate) + "; " + result.requests() + " BatchWriteItem requests, "
                  + result.retries() + " retries")
          .note("On DynamoDB Local both sides share two cores with the server, which executes each batch's 25 "
              + "writes one after another; against DynamoDB, whose batches are served in parallel across "
              + "partitions and whose per-request round trip is larger, batching gains more.");
    }
  }

  /** Scatter-gather of 10 shards against reading the shards one after another, with and without 5 ms RTT. */
  public static Section scatterGather(LocalServerProcess server, Mode mode) {
    String metric = "scatter";
    int total = SHARDS * mode.pointsPerShard();
    Instant from = BASE;
    Instant to = BASE.plus(Duration.ofDays(1));
    try (DdbkitClients clients = DdbkitClients.create(server.settings().build())) {
      TableManager.of(clients.sync()).ensure(SeedTables.metrics());
      ShardedMetrics writer = ShardedMetrics.create(clients.async(), SeedTables.METRICS,
          c -> c.shardCount(SHARDS).selector(dev.ddbkit.metrics.sharding.ShardSelector.roundRobin()));
      writer.putAll(points(metric, total));
    }
    Section s = Section.titled("Scatter-gather read of 10 shards")
        .intro("Reading one metric of " + total + " points spread evenly over " + SHARDS + " shards ("
            + mode.pointsPerShard() + " a shard, one page each): `ShardedMetrics.read` (all shards queried in "
            + "parallel on the async client, streams merged in timestamp order) against the same Query requests "
            + "sent one shard after another on the sync client and sorted afterwards, and against the Query of a "
            + "single shard. The simulated round trip is the test kit's `FaultProxy` adding 5 ms of latency to every "
            + "request (the proxy parses and forwards each request, which costs a little more on top). Median of "
            + mode.scatterRepetitions() + " reads each.")
        .columns("round trip", "one shard", "scatter-gather (10)", "sequential (10)", "scatter / one shard",
            "sequential / scatter", "raw async, 10 in parallel");
    long directOneShard = 0;
    boolean metOneShard = false;
    boolean metSequential = false;
    String measured = "";
    for (Duration rtt : List.of(Duration.ZERO, Duration.ofMillis(5))) {
      FaultProxy proxy = rtt.isZero() ? null : FaultProxy.builder().target(server.endpoint())
          .rule(FaultRule.forAnyOperation().latency(rtt)).start();
      try (DdbkitClients clients = DdbkitClients.create(proxy == null ? server.settings().build()
          : server.settings(proxy.endpoint()).build())) {
        ShardedMetrics metrics = ShardedMetrics.create(clients.async(), SeedTables.METRICS,
            c -> c.shardCount(SHARDS).readConcurrency(SHARDS));
        Samples one = new Samples();
        Samples scatter = new Samples();
        Samples sequential = new Samples();
        Samples rawParallel = new Samples();
        for (int i = 0; i < mode.scatterRepetitions() + 3; i++) {
          boolean measure = i >= 3;
          long t0 = System.nanoTime();
          int n1 = queryShard(clients.sync(), metric, 0, from, to).size();
          long t1 = System.nanoTime();
          int n2 = drain(metrics, metric, from, to);
          long t2 = System.nanoTime();
          int n3 = sequential(clients.sync(), metric, from, to);
          long t3 = System.nanoTime();
          int n4 = rawParallel(clients, metric, from, to);
          long t4 = System.nanoTime();
          if (n4 != total || n2 != total || n3 != total || n1 != mode.pointsPerShard()) {
            throw new IllegalStateException("Read " + n1 + "/" + n2 + "/" + n3 + " points, expected "
                + mode.pointsPerShard() + "/" + total + "/" + total + ".");
          }
          if (measure) {
            one.add(t1 - t0);
            scatter.add(t2 - t1);
            sequential.add(t3 - t2);
            rawParallel.add(t4 - t3);
          }
        }
        double vsOne = (double) scatter.median() / one.median();
        double speedUp = (double) sequential.median() / scatter.median();
        if (rtt.isZero()) {
          directOneShard = one.median();
          s.note(String.format(Locale.ROOT, "Without added latency, 10 Queries sent at once took %.1fx the time of "
              + "one: DynamoDB Local (in memory, one SQLite database per access key and region) serves the "
              + "requests of one table largely one at a time, so parallel requests can only overlap the network "
              + "part of a round trip, not the server's part. Against DynamoDB the 10 shards are separate "
              + "partitions served in parallel.", (double) rawParallel.median() / one.median()));
        } else {
          s.note("Through the proxy one shard's Query took " + Samples.millis(one.median() - directOneShard)
              + " longer than directly: the 5 ms latency plus the proxy's own forwarding.");
        }
        s.row(rtt.isZero() ? "none (loopback)" : rtt.toMillis() + " ms (fault proxy)", Samples.millis(one.median()),
            Samples.millis(scatter.median()), Samples.millis(sequential.median()),
            Samples.ratio(scatter.median(), one.median()), Samples.ratio(sequential.median(), scatter.median()),
            Samples.millis(rawParallel.median()));
        if (!rtt.isZero()) {
          metOneShard = vsOne <= 1.5;
          metSequential = speedUp >= 5;
          measured = String.format(Locale.ROOT, "%.2fx of one shard, %.2fx faster than sequential", vsOne, speedUp);
        }
        log.info("Scatter-gather with {} ms RTT: one shard {}, scatter {}, sequential {}", rtt.toMillis(),
            Samples.millis(one.median()), Samples.millis(scatter.median()), Samples.millis(sequential.median()));
      } finally {
        if (proxy != null) {
          proxy.close();
        }
      }
    }
    String[] parts = measured.split(", ");
    s.target("scatter-gather with 5 ms round trips within 1.5× of one shard's query", metOneShard, parts[0]);
    s.target("scatter-gather with 5 ms round trips ≥ 5× faster than sequential", metSequential,
        parts.length > 1 ? parts[1] : measured);
    s.note("The last column sends the same 10 Queries at once on the raw async client and only waits for them "
        + "(no merge, no parsing): the floor any scatter-gather can reach against this server. When "
        + "scatter-gather is close to it, the time goes to the server, not to ddbkit's reader: DynamoDB Local "
        + "serves the 10 Queries with the same cores the client runs on, so they do not run fully in parallel.");
    s.note("Without added latency DynamoDB Local's own processing (on the same two cores) dominates, so parallel "
        + "shards gain little there; the 5 ms rows show the effect of round trips, which is what scatter-gather "
        + "hides.");
    return s;
  }

  /** The 10 shard Queries sent at once on the async client (first pages only; each shard fits one page). */
  static int rawParallel(DdbkitClients clients, String metric, Instant from, Instant to) {
    List<CompletableFuture<QueryResponse>> futures = new ArrayList<>();
    for (int shard = 0; shard < SHARDS; shard++) {
      int s = shard;
      futures.add(clients.async().query(q -> q.tableName(SeedTables.METRICS)
          .keyConditionExpression("metric_shard = :s AND #ts BETWEEN :a AND :b")
          .expressionAttributeNames(Map.of("#ts", "timestamp"))
          .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(MetricKeys.shardKey(metric, s)),
              ":a", AttributeValue.fromS(MetricKeys.lowerBound(from)),
              ":b", AttributeValue.fromS(MetricKeys.upperBound(to))))));
    }
    int n = 0;
    for (CompletableFuture<QueryResponse> f : futures) {
      n += f.join().count();
    }
    return n;
  }

  static int drain(ShardedMetrics metrics, String metric, Instant from, Instant to) {
    int n = 0;
    try (MetricCursor cursor = metrics.read(metric, from, to)) {
      while (cursor.hasNext()) {
        cursor.next();
        n++;
      }
    }
    return n;
  }

  /** The seed's queryMetric, but one shard after another: Query each shard with pagination, then sort. */
  static int sequential(DynamoDbClient client, String metric, Instant from, Instant to) {
    List<Map<String, AttributeValue>> all = new ArrayList<>();
    for (int shard = 0; shard < SHARDS; shard++) {
      all.addAll(queryShard(client, metric, shard, from, to));
    }
    all.sort((a, b) -> a.get("timestamp").s().compareTo(b.get("timestamp").s()));
    return all.size();
  }

  static List<Map<String, AttributeValue>> queryShard(DynamoDbClient client, String metric, int shard, Instant from,
      Instant to) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> exclusiveStart = start;
      QueryResponse r = client.query(q -> {
        q.tableName(SeedTables.METRICS)
            .keyConditionExpression("metric_shard = :s AND #ts BETWEEN :a AND :b")
            .expressionAttributeNames(Map.of("#ts", "timestamp"))
            .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(metric + "#" + shard),
                ":a", AttributeValue.fromS(MetricKeys.lowerBound(from)),
                ":b", AttributeValue.fromS(MetricKeys.upperBound(to))));
        if (exclusiveStart != null) {
          q.exclusiveStartKey(exclusiveStart);
        }
      });
      items.addAll(r.items());
      start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
    } while (start != null);
    return items;
  }

  /** {@code n} points of {@code metric}, one a second from {@link #BASE}. */
  static List<MetricPoint> points(String metric, int n) {
    List<MetricPoint> points = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      points.add(MetricPoint.of(metric, BASE.plusSeconds(i), ThreadLocalRandom.current().nextInt(1000)));
    }
    return points;
  }

  /** The seed's writeMetric: one PutItem per point with a random shard, awaited one after another. */
  static void seedPut(DynamoDbClient client, List<MetricPoint> points) {
    for (MetricPoint p : points) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("metric_shard", AttributeValue.fromS(p.metricName() + "#" + ThreadLocalRandom.current().nextInt(SHARDS)));
      item.put("timestamp", AttributeValue.fromS(p.timestamp().toString()));
      item.put("metric_name", AttributeValue.fromS(p.metricName()));
      item.put("value", AttributeValue.fromN(Double.toString(p.value())));
      item.put("expires_at", AttributeValue.fromN(Long.toString(Instant.now().getEpochSecond() + 90L * 86400)));
      client.putItem(r -> r.tableName(SeedTables.METRICS).item(item));
    }
  }
}
