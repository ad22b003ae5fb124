package dev.ddbkit.benchmarks.internal;

import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.item.SeedTimestamps;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableManager;
import dev.ddbkit.metrics.sharding.BulkWriteResult;
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
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Bulk ingest and scatter-gather reads of the sharded metrics module against the seed's way. */
public final class MetricsBenchmarks {
  private static final Logger log = LoggerFactory.getLogger(MetricsBenchmarks.class);
  private static final int SHARDS = 10;
  private static final Duration ROUND_TRIP = Duration.ofMillis(5);
  /** BatchWriteItem requests sent on each ingest path before measuring, so the client's JIT has compiled them. */
  private static final int WARMUP_REQUESTS = 1_000;
  /** Rounds of the ingest comparison; the median round is reported. */
  private static final int INGEST_ROUNDS = 3;
  /** Points a shard of the small scatter-gather read: a dashboard's recent window. */
  private static final int SMALL_READ_PER_SHARD = 10;
  static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

  private MetricsBenchmarks() {}

  /**
   * Bulk ingest through the sharded writer against one PutItem per point, and against the raw SDK's own
   * BatchWriteItem sent one request at a time; on bare loopback and with a 5 ms round trip.
   */
  public static Section ingest(LocalServerProcess server, Mode mode) {
    Section s = Section.titled("Bulk metric ingest")
        .columns("round trip", "method", "points", "time", "points / s", "speed-up over per-point puts");
    for (Duration rtt : List.of(Duration.ZERO, ROUND_TRIP)) {
      FaultProxy proxy = rtt.isZero() ? null : FaultProxy.builder().target(server.endpoint())
          .rule(FaultRule.forAnyOperation().latency(rtt)).start();
      try (DdbkitClients clients = DdbkitClients.create(proxy == null ? server.settings().build()
          : server.settings(proxy.endpoint()).build())) {
        TableManager.of(clients.sync()).ensure(SeedTables.metrics());
        ShardedMetrics metrics = ShardedMetrics.create(clients.async(), SeedTables.METRICS,
            c -> c.shardCount(SHARDS));
        String tag = rtt.isZero() ? "" : "_rtt";
        int perPoint = rtt.isZero() ? mode.perPointPuts() : mode.perPointPuts() / 10;
        // warm every path up, the server's included: DynamoDB Local runs several times slower until its JIT has
        // compiled the write path, and the client's per-request code runs once per 25 points, so the JIT needs
        // about a thousand requests on each path (the same classes serve the later run through the proxy)
        boolean first = rtt.isZero();
        metrics.putAll(points("warmup_bulk" + tag, first ? WARMUP_REQUESTS * 25 : mode.ingestPoints() / 2));
        rawBatches(clients.sync(),
            points("warmup_raw" + tag, first ? WARMUP_REQUESTS * 25 / 2 : mode.ingestPoints() / 4));
        seedPut(clients.sync(), points("warmup_put" + tag, first ? WARMUP_REQUESTS / 2 : perPoint / 5));

        // the three ways take turns, so drift of the server affects each alike; the median round counts
        Samples putTimes = new Samples();
        Samples rawTimes = new Samples();
        Samples bulkTimes = new Samples();
        BulkWriteResult result = null;
        for (int round = 0; round < INGEST_ROUNDS; round++) {
          List<MetricPoint> single = points("ingest_put" + tag + round, perPoint);
          long t0 = System.nanoTime();
          seedPut(clients.sync(), single);
          putTimes.add(System.nanoTime() - t0);

          List<MetricPoint> raw = points("ingest_raw" + tag + round, mode.ingestPoints());
          t0 = System.nanoTime();
          rawBatches(clients.sync(), raw);
          rawTimes.add(System.nanoTime() - t0);

          List<MetricPoint> bulk = points("ingest_bulk" + tag + round, mode.ingestPoints());
          t0 = System.nanoTime();
          result = metrics.putAll(bulk);
          bulkTimes.add(System.nanoTime() - t0);
        }
        long putNanos = putTimes.median();
        long rawNanos = rawTimes.median();
        long bulkNanos = bulkTimes.median();
        double putRate = perPoint / (putNanos / 1e9);
        double rawRate = mode.ingestPoints() / (rawNanos / 1e9);
        double bulkRate = mode.ingestPoints() / (bulkNanos / 1e9);
        String label = rtt.isZero() ? "none (loopback)" : rtt.toMillis() + " ms (fault proxy)";
        s.row(label, "one PutItem per point (seed)", perPoint, Samples.millis(putNanos), rate(putRate), "1.00x");
        s.row(label, "raw SDK BatchWriteItem, one request at a time", mode.ingestPoints(), Samples.millis(rawNanos),
            rate(rawRate), Samples.ratio(rawRate, putRate));
        s.row(label, "ddbkit sharded writer (" + metrics.config().writeConcurrency() + " requests in flight)",
            mode.ingestPoints(), Samples.millis(bulkNanos), rate(bulkRate), Samples.ratio(bulkRate, putRate));
        s.target("bulk ingest ≥ 10× per-point puts, " + (rtt.isZero() ? "bare loopback" : rtt.toMillis()
            + " ms round trips"), bulkRate >= 10 * putRate, Samples.ratio(bulkRate, putRate) + "; raw SDK batching "
            + Samples.ratio(rawRate, putRate) + "; " + result.requests() + " BatchWriteItem requests, "
            + result.retries() + " retries");
        log.info("Ingest with {} ms RTT: writer {} points/s, raw batches {} points/s, PutItem per point {} points/s",
            rtt.toMillis(), (long) bulkRate, (long) rawRate, (long) putRate);
        if (rtt.isZero()) {
          s.intro("`ShardedMetrics.putAll` (BatchWriteItem, 25 points a request, " + metrics.config()
              .writeConcurrency() + " requests in flight, unprocessed items retried) against the seed's "
              + "`writeMetric` (one PutItem per point, awaited one after another, random shard suffix) and against "
              + "the raw SDK sending the same BatchWriteItem requests one after another (what batching alone gives "
              + "on this server). Points of one metric over " + SHARDS + " shards; once on bare loopback and once "
              + "through the test kit's `FaultProxy` adding " + ROUND_TRIP.toMillis() + " ms to every request, a "
              + "round trip closer to a network's (fewer per-point puts there, as each takes over 5 ms). After a "
              + "warm-up of every path, the three take turns for " + INGEST_ROUNDS + " rounds; the median round "
              + "is shown.");
        }
      } finally {
        if (proxy != null) {
          proxy.close();
        }
      }
    }
    return s.note("On bare loopback DynamoDB Local's own per-item work dominates: it executes a batch's 25 writes "
        + "one after another, in one SQLite database, on the same two cores as the client, so even the raw SDK's "
        + "batching gains only a few times over per-point puts, and ddbkit's writer, with several requests in "
        + "flight, gains only what the server's spare core allows beyond that. What "
        + "batching saves is round trips: with a 5 ms round trip the seed's per-point puts pay it for every point "
        + "and the writer once per 25 points, several requests at a time. Against DynamoDB, which serves batches "
        + "in parallel across partitions, the loopback floor does not apply.");
  }

  private static String rate(double pointsPerSecond) {
    return String.format(Locale.ROOT, "%,.0f", pointsPerSecond);
  }

  /** The raw SDK's batching: BatchWriteItem of 25 points, unprocessed items re-sent, one request at a time. */
  static void rawBatches(DynamoDbClient client, List<MetricPoint> points) {
    for (int i = 0; i < points.size(); i += 25) {
      List<WriteRequest> batch = new ArrayList<>();
      for (MetricPoint p : points.subList(i, Math.min(points.size(), i + 25))) {
        batch.add(WriteRequest.builder().putRequest(r -> r.item(seedItem(p))).build());
      }
      Map<String, List<WriteRequest>> pending = Map.of(SeedTables.METRICS, batch);
      while (!pending.isEmpty()) {
        Map<String, List<WriteRequest>> request = pending;
        pending = client.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
      }
    }
  }

  /**
   * Scatter-gather of 10 shards against reading the shards one after another and against one shard's Query,
   * with and without a 5 ms round trip, for a small and a larger read.
   */
  public static Section scatterGather(LocalServerProcess server, Mode mode) {
    int[] sizes = {SMALL_READ_PER_SHARD, mode.pointsPerShard()};
    Instant from = BASE;
    Instant to = BASE.plus(Duration.ofDays(1));
    try (DdbkitClients clients = DdbkitClients.create(server.settings().build())) {
      TableManager.of(clients.sync()).ensure(SeedTables.metrics());
      ShardedMetrics writer = ShardedMetrics.create(clients.async(), SeedTables.METRICS,
          c -> c.shardCount(SHARDS).selector(dev.ddbkit.metrics.sharding.ShardSelector.roundRobin()));
      for (int size : sizes) {
        writer.putAll(points(scatterMetric(size), SHARDS * size));
      }
    }
    Section s = Section.titled("Scatter-gather read of 10 shards")
        .intro("Reading one metric whose points are spread evenly over " + SHARDS + " shards, one page a shard, for "
            + "a small read (" + sizes[0] + " points a shard) and a larger one (" + sizes[1] + " a shard): "
            + "`ShardedMetrics.read` (all shards queried in parallel on the async client, streams merged in "
            + "timestamp order) against the same Query requests sent one shard after another on the sync client "
            + "and sorted afterwards, and against the Query of a single shard. The simulated round trip is the test "
            + "kit's `FaultProxy` adding " + ROUND_TRIP.toMillis() + " ms of latency to every request (the proxy "
            + "parses and forwards each request, which costs a little more on top). Median of "
            + mode.scatterRepetitions() + " reads each.")
        .columns("round trip", "points a shard", "one shard", "scatter-gather (10)", "sequential (10)",
            "scatter / one shard", "sequential / scatter", "raw async, 10 in parallel");
    Map<Integer, Long> directOneShard = new HashMap<>();
    for (Duration rtt : List.of(Duration.ZERO, ROUND_TRIP)) {
      FaultProxy proxy = rtt.isZero() ? null : FaultProxy.builder().target(server.endpoint())
          .rule(FaultRule.forAnyOperation().latency(rtt)).start();
      try (DdbkitClients clients = DdbkitClients.create(proxy == null ? server.settings().build()
          : server.settings(proxy.endpoint()).build())) {
        ShardedMetrics metrics = ShardedMetrics.create(clients.async(), SeedTables.METRICS,
            c -> c.shardCount(SHARDS).readConcurrency(SHARDS));
        for (int size : sizes) {
          String metric = scatterMetric(size);
          int total = SHARDS * size;
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
            if (n4 != total || n2 != total || n3 != total || n1 != size) {
              throw new IllegalStateException("Read " + n1 + "/" + n2 + "/" + n3 + "/" + n4 + " points, expected "
                  + size + "/" + total + "/" + total + "/" + total + ".");
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
            directOneShard.put(size, one.median());
            s.note(String.format(Locale.ROOT, "Without added latency, 10 Queries of %d points sent at once took "
                + "%.1fx the time of one.", size, (double) rawParallel.median() / one.median()));
          } else {
            s.note("Through the proxy one shard's Query of " + size + " points took "
                + Samples.millis(one.median() - directOneShard.get(size)) + " longer than directly: the "
                + rtt.toMillis() + " ms latency plus the proxy's own forwarding.");
            String measured = String.format(Locale.ROOT, "%.2fx of one shard; raw async floor %.2fx",
                vsOne, (double) rawParallel.median() / one.median());
            s.target("scatter-gather with 5 ms round trips within 1.5× of one shard's query, " + size
                + " points a shard", vsOne <= 1.5, measured);
            s.target("scatter-gather with 5 ms round trips ≥ 5× faster than sequential, " + size
                + " points a shard", speedUp >= 5, String.format(Locale.ROOT, "%.2fx faster than sequential",
                    speedUp));
          }
          s.row(rtt.isZero() ? "none (loopback)" : rtt.toMillis() + " ms (fault proxy)", size,
              Samples.millis(one.median()), Samples.millis(scatter.median()), Samples.millis(sequential.median()),
              Samples.ratio(scatter.median(), one.median()), Samples.ratio(sequential.median(), scatter.median()),
              Samples.millis(rawParallel.median()));
          log.info("Scatter-gather of {} a shard with {} ms RTT: one shard {}, scatter {}, sequential {}", size,
              rtt.toMillis(), Samples.millis(one.median()), Samples.millis(scatter.median()),
              Samples.millis(sequential.median()));
        }
      } finally {
        if (proxy != null) {
          proxy.close();
        }
      }
    }
    s.note("DynamoDB Local (in memory, one SQLite database per access key and region) serves the requests of "
        + "one table largely one at a time, on the same two cores as the client, so parallel requests overlap "
        + "only the network part of a round trip, not the server's part. Against DynamoDB the 10 shards are "
        + "separate partitions served in parallel.");
    s.note("The last column sends the same 10 Queries at once on the raw async client and only waits for them "
        + "(no merge, no parsing): the floor any scatter-gather can reach against this server. When "
        + "scatter-gather is close to it, the time goes to the server, not to ddbkit's reader. With few points "
        + "a shard the server's part is small and the round trip dominates, which is what scatter-gather hides; "
        + "with more points a shard the server's serial work grows with the number of shards.");
    return s;
  }

  private static String scatterMetric(int pointsPerShard) {
    return "scatter_" + pointsPerShard;
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
      Map<String, AttributeValue> item = seedItem(p);
      client.putItem(r -> r.tableName(SeedTables.METRICS).item(item));
    }
  }

  /** The seed's metric item: random shard suffix, {@code toISOString()} timestamp, 90-day TTL. */
  static Map<String, AttributeValue> seedItem(MetricPoint p) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("metric_shard", AttributeValue.fromS(p.metricName() + "#" + ThreadLocalRandom.current().nextInt(SHARDS)));
    item.put("timestamp", AttributeValue.fromS(SeedTimestamps.isoMillis(p.timestamp())));
    item.put("metric_name", AttributeValue.fromS(p.metricName()));
    item.put("value", AttributeValue.fromN(Double.toString(p.value())));
    item.put("expires_at", AttributeValue.fromN(Long.toString(Instant.now().getEpochSecond() + 90L * 86400)));
    return item;
  }
}
