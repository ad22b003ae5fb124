package dev.ddbkit.integration.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.metrics.sharding.BulkWriteResult;
import dev.ddbkit.metrics.sharding.MalformedMetricException;
import dev.ddbkit.metrics.sharding.MetricAggregate;
import dev.ddbkit.metrics.sharding.MetricCursor;
import dev.ddbkit.metrics.sharding.MetricKeys;
import dev.ddbkit.metrics.sharding.MetricPoint;
import dev.ddbkit.metrics.sharding.ReadResult;
import dev.ddbkit.metrics.sharding.ShardSelector;
import dev.ddbkit.metrics.sharding.ShardedMetrics;
import dev.ddbkit.metrics.sharding.StoredPoint;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

@DynamoDbLocalTest
class ShardedMetricsIT {
  private static final Instant BASE = Instant.parse("2024-01-15T10:00:00Z");

  @Test
  void bulkWrite_fiftyThousandPoints_areReadBackExactlyOnceInOrderBothWays(DynamoDbAsyncClient async,
      DynamoDbClient sync, TestTables tables) {
    String table = tables.ensure(SeedTables.metrics()).name();
    ShardedMetrics metrics = ShardedMetrics.create(async, table, c -> c.shardCount(16).pageSize(1000)
        .writeConcurrency(6));
    List<MetricPoint> points = new ArrayList<>(50_000);
    Random random = new Random(42);
    for (int i = 0; i < 50_000; i++) {
      // every fifth point shares the previous point's timestamp
      Instant t = BASE.plusMillis(i - i / 5).plusNanos(random.nextInt(1000));
      points.add(MetricPoint.of("page_views", i % 5 == 4 ? points.get(i - 1).timestamp() : t, i));
    }

    BulkWriteResult written = metrics.putAll(points);

    assertThat(written.written()).hasSize(50_000);
    assertThat(written.requests()).isGreaterThanOrEqualTo(2000);
    assertThat(countItems(sync, table, "page_views", 16)).isEqualTo(50_000);
    List<String> expected = points.stream().sorted(Comparator.comparing(MetricPoint::sortKey))
        .map(MetricPoint::id).collect(Collectors.toList());
    Instant from = BASE;
    Instant to = BASE.plusSeconds(3600);

    List<StoredPoint> ascending = metrics.readAll("page_views", from, to).points();
    assertThat(ascending).extracting(StoredPoint::id).containsExactlyElementsOf(expected);
    assertThat(ascending).isSortedAccordingTo(Comparator.comparing(StoredPoint::timestamp));

    List<StoredPoint> descending = metrics.readAll("page_views", from, to, q -> q.descending()).points();
    List<String> reversed = new ArrayList<>(expected);
    java.util.Collections.reverse(reversed);
    assertThat(descending).extracting(StoredPoint::id).containsExactlyElementsOf(reversed);
    assertThat(descending).isSortedAccordingTo(Comparator.comparing(StoredPoint::timestamp).reversed());
  }

  @Test
  void sameTimestamp_pointsAreAllKept_andSeedShapedQueryFindsThem(DynamoDbAsyncClient async,
      DynamoDbClient sync, TestTables tables) {
    String table = tables.ensure(SeedTables.metrics()).name();
    ShardedMetrics metrics = ShardedMetrics.create(async, table, c -> c.shardCount(2));
    Instant t = Instant.parse("2024-01-15T10:30:00.123Z");
    List<MetricPoint> points = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      points.add(MetricPoint.of("logins", t, i));
    }
    metrics.putAll(points.subList(0, 10));
    points.subList(10, 20).forEach(metrics::put);

    ReadResult read = metrics.readAll("logins", t, t);
    assertThat(read.points()).extracting(StoredPoint::value)
        .containsExactlyInAnyOrderElementsOf(points.stream().map(MetricPoint::value).toList());
    assertThat(read.points()).allSatisfy(p -> assertThat(p.timestamp()).isEqualTo(t));

    // The guide's query: metric_shard = :shard AND #ts BETWEEN :start AND :end with toISOString() bounds.
    assertThat(seedQuery(sync, table, "logins", 2, "2024-01-15T10:30:00.123Z", "2024-01-15T10:30:00.124Z"))
        .hasSize(20);
    assertThat(seedQuery(sync, table, "logins", 2, "2024-01-15T10:00:00.000Z", "2024-01-15T10:30:00.123Z"))
        .as("the end millisecond is excluded, as documented").isEmpty();
    assertThat(seedQuery(sync, table, "logins", 2, "2024-01-15T10:00:00.000Z", "2024-01-15T10:30:00.123Z~"))
        .hasSize(20);
    assertThat(seedQuery(sync, table, "logins", 2, "2024-01-15T10:00:00.000Z",
        MetricKeys.upperBound(t))).hasSize(20);
  }

  @Test
  void pointResentIntoAnotherShard_isReadOnce(DynamoDbAsyncClient async, DynamoDbClient sync, TestTables tables) {
    String table = tables.ensure(SeedTables.metrics()).name();
    ShardedMetrics first = ShardedMetrics.create(async, table, c -> c.shardCount(4).selector((p, n) -> 0));
    ShardedMetrics second = ShardedMetrics.create(async, table, c -> c.shardCount(4).selector((p, n) -> 3));
    MetricPoint point = MetricPoint.of("retried", BASE, 1);
    MetricPoint other = MetricPoint.of("retried", BASE, 2);

    first.putAll(List.of(point, other));
    second.put(point);

    assertThat(countItems(sync, table, "retried", 4)).isEqualTo(3);
    assertThat(first.readAll("retried", BASE, BASE).points()).extracting(StoredPoint::id)
        .containsExactlyInAnyOrder(point.id(), other.id());
    assertThat(first.aggregate("retried", BASE, BASE).count()).isEqualTo(2);
  }

  @Test
  void readBounds_areInclusiveAtBothEnds(DynamoDbAsyncClient async, TestTables tables) {
    String table = tables.ensure(SeedTables.metrics()).name();
    ShardedMetrics metrics = ShardedMetrics.create(async, table, c -> c.shardCount(3));
    List<MetricPoint> points = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      points.add(MetricPoint.of("cpu", BASE.plusNanos(i * 1_000_001L), i));
    }
    metrics.putAll(points);

    ReadResult read = metrics.readAll("cpu", points.get(2).timestamp(), points.get(7).timestamp());

    assertThat(read.points()).extracting(StoredPoint::value).containsExactly(2.0, 3.0, 4.0, 5.0, 6.0, 7.0);
    assertThat(read.complete()).isTrue();
  }

  @Test
  void shardCounts_forRandomAndRoundRobin_areWithinAReasonableSpread(DynamoDbAsyncClient async,
      DynamoDbClient sync, TestTables tables) {
    String table = tables.ensure(SeedTables.metrics()).name();
    ShardedMetrics metrics = ShardedMetrics.create(async, table, c -> c.shardCount(10)
        .selector("rr", ShardSelector.roundRobin()).selector("rnd", ShardSelector.random()));
    List<MetricPoint> points = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      points.add(MetricPoint.of("rr", BASE.plusMillis(i), i));
      points.add(MetricPoint.of("rnd", BASE.plusMillis(i), i));
    }
    metrics.putAll(points);

    for (int shard = 0; shard < 10; shard++) {
      assertThat(countShard(sync, table, "rr", shard)).isEqualTo(200);
      // binomial(2000, 0.1): mean 200, sd 13.4; +-80 is six standard deviations
      assertThat(countShard(sync, table, "rnd", shard)).isBetween(120, 280);
    }
  }

  @Test
  void aggregates_equalAPlainComputation(DynamoDbAsyncClient async, TestTables tables) {
    String table = tables.ensure(SeedTables.metrics()).name();
    ShardedMetrics metrics = ShardedMetrics.create(async, table, c -> c.shardCount(7).pageSize(50));
    Random random = new Random(7);
    List<MetricPoint> points = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      points.add(MetricPoint.of("latency_ms", BASE.plusMillis(i * 10L), (random.nextInt(200_000) - 50_000) / 4.0));
    }
    metrics.putAll(points);
    Instant from = BASE.plusMillis(5000);
    Instant to = BASE.plusMillis(25_000);

    MetricAggregate agg = metrics.aggregate("latency_ms", from, to);

    List<Double> inRange = points.stream()
        .filter(p -> !p.timestamp().isBefore(from) && !p.timestamp().isAfter(to))
        .map(MetricPoint::value).toList();
    assertThat(agg.count()).isEqualTo(inRange.size()).isEqualTo(2001);
    assertThat(agg.sum()).isEqualTo(inRange.stream().mapToDouble(Double::doubleValue).sum());
    assertThat(agg.min().getAsDouble()).isEqualTo(inRange.stream().mapToDouble(Double::doubleValue).min().getAsDouble());
    assertThat(agg.max().getAsDouble()).isEqualTo(inRange.stream().mapToDouble(Double::doubleValue).max().getAsDouble());
    assertThat(agg.average().getAsDouble())
        .isCloseTo(inRange.stream().mapToDouble(Double::doubleValue).average().getAsDouble(), within(1e-9));
    assertThat(agg.complete()).isTrue();
    assertThat(metrics.aggregate("latency_ms", BASE.minusSeconds(10), BASE.minusSeconds(5)).average()).isEmpty();
  }

  @Test
  void itemWithoutNumericValue_orForeignSortKey_failsTheReadNamingShardAndKey(DynamoDbAsyncClient async,
      DynamoDbClient sync, TestTables tables) {
    String table = tables.ensure(SeedTables.metrics()).name();
    ShardedMetrics metrics = ShardedMetrics.create(async, table, c -> c.shardCount(2));
    metrics.putAll(List.of(MetricPoint.of("temp", BASE, 1), MetricPoint.of("temp", BASE.plusMillis(2), 2)));
    String noValueKey = MetricKeys.sortKey(BASE.plusMillis(1), "raw");
    sync.putItem(r -> r.tableName(table).item(Map.of(
        "metric_shard", AttributeValue.fromS("temp#1"),
        "timestamp", AttributeValue.fromS(noValueKey),
        "metric_name", AttributeValue.fromS("temp"),
        "value", AttributeValue.fromS("12"))));

    assertThatThrownBy(() -> metrics.aggregate("temp", BASE, BASE.plusSeconds(1)))
        .isInstanceOfSatisfying(MalformedMetricException.class, e -> {
          assertThat(e.shard()).isEqualTo(1);
          assertThat(e.shardKey()).isEqualTo("temp#1");
          assertThat(e.sortKey()).isEqualTo(noValueKey);
          assertThat(e.getMessage()).contains(table);
        });

    sync.putItem(r -> r.tableName(table).item(Map.of(
        "metric_shard", AttributeValue.fromS("other#0"),
        "timestamp", AttributeValue.fromS("2024-01-15T10:00:00.000Z-not-a-time"),
        "value", AttributeValue.fromN("3"))));
    assertThatThrownBy(() -> metrics.readAll("other", BASE.minusSeconds(1), BASE.plusSeconds(1)))
        .isInstanceOfSatisfying(MalformedMetricException.class, e -> {
          assertThat(e.shard()).isZero();
          assertThat(e.sortKey()).isEqualTo("2024-01-15T10:00:00.000Z-not-a-time");
        });
  }

  @Test
  void limit_stopsReadingOnceMet_withoutRequestingFurtherPages(DynamoDbLocal local, TestTables tables) {
    String table = tables.ensure(SeedTables.metrics()).name();
    FaultInterceptors.QueryCounter counter = new FaultInterceptors.QueryCounter();
    try (DynamoDbAsyncClient async = counted(local, counter)) {
      ShardedMetrics metrics = ShardedMetrics.create(async, table, c -> c.shardCount(8).pageSize(100));
      List<MetricPoint> points = new ArrayList<>();
      for (int i = 0; i < 4000; i++) {
        points.add(MetricPoint.of("clicks", BASE.plusMillis(i), i));
      }
      metrics.putAll(points);
      Instant to = BASE.plusSeconds(60);

      counter.reset();
      List<StoredPoint> full = metrics.readAll("clicks", BASE, to).points();
      int fullRequests = counter.total.get();

      counter.reset();
      List<StoredPoint> newest;
      try (MetricCursor cursor = metrics.read("clicks", BASE, to, q -> q.descending().limit(150))) {
        newest = cursor.stream().toList();
        assertThat(cursor.requestsSent()).isEqualTo(counter.total.get());
      }

      assertThat(full).hasSize(4000);
      assertThat(fullRequests).isGreaterThanOrEqualTo(40);
      assertThat(newest).extracting(StoredPoint::value)
          .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 150).mapToObj(i -> 3999.0 - i).toList());
      // one first page per shard, each asked for at most 100 items; no shard holds more than 150/8 of the top 150
      assertThat(counter.total.get()).isEqualTo(8);
      assertThat(counter.perShard).hasSize(8);
    }
  }

  @Test
  void calculatedSelector_pointIsReadBackDirectlyFromOneShard(DynamoDbLocal local, TestTables tables) {
    String table = tables.ensure(SeedTables.metrics()).name();
    FaultInterceptors.QueryCounter counter = new FaultInterceptors.QueryCounter();
    try (DynamoDbAsyncClient async = counted(local, counter)) {
      ShardedMetrics metrics = ShardedMetrics.create(async, table, c -> c.shardCount(10)
          .selector(ShardSelector.calculated(MetricPoint::id)));
      List<MetricPoint> points = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        points.add(MetricPoint.of("order_total", BASE.plusSeconds(i), i * 10).withId("order-" + i));
      }
      Map<String, Integer> shards = new HashMap<>();
      metrics.putAll(points).written().forEach(p -> shards.put(p.id(), p.shard()));
      counter.reset();

      List<StoredPoint> found = metrics.readByKey("order_total", "order-42", BASE.plusSeconds(42));

      assertThat(found).singleElement().satisfies(p -> {
        assertThat(p.value()).isEqualTo(420.0);
        assertThat(p.shard()).isEqualTo(shards.get("order-42"))
            .isEqualTo(ShardSelector.calculatedShard("order-42", 10));
      });
      assertThat(counter.total.get()).isEqualTo(1);
      assertThat(shards.values()).as("keys spread over shards").hasSizeGreaterThan(1);
    }
  }

  @Test
  void badInput_isRejectedWithATypedErrorBeforeAnyWrite(DynamoDbAsyncClient async, DynamoDbClient sync,
      TestTables tables) {
    String table = tables.ensure(SeedTables.metrics()).name();
    ShardedMetrics metrics = ShardedMetrics.create(async, table, c -> c.shardCount(2));
    MetricPoint ok = MetricPoint.of("m", BASE, 1);
    List<MetricPoint> withNull = new ArrayList<>(List.of(ok));
    withNull.add(null);

    assertThatThrownBy(() -> metrics.putAll(List.of(ok, MetricPoint.of("m", BASE, 2), ok)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("points[2]");
    assertThatThrownBy(() -> metrics.putAll(withNull)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> metrics.put("", BASE, 1)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> metrics.put("a#b", BASE, 1)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> metrics.put("m", BASE, Double.NaN)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> metrics.put("m", BASE, Double.POSITIVE_INFINITY))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ShardedMetrics.create(async, table, c -> c.shardCount(0)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> metrics.read("m", BASE, BASE.minusMillis(1)))
        .isInstanceOf(InvalidInputException.class);

    assertThat(sync.scan(r -> r.tableName(table)).count()).isZero();
  }

  @Test
  void expiresAt_isStampedFromTheInjectedClock(DynamoDbAsyncClient async, TestTables tables) {
    String table = tables.ensure(SeedTables.metrics()).name();
    Instant now = Instant.parse("2030-06-01T00:00:00Z");
    ShardedMetrics metrics = ShardedMetrics.create(async, table,
        c -> c.shardCount(1).clock(Clock.fixed(now, ZoneOffset.UTC)));

    metrics.put("m", BASE, 1);

    assertThat(metrics.readAll("m", BASE, BASE).points()).singleElement()
        .satisfies(p -> assertThat(p.expiresAt()).contains(now.plus(Duration.ofDays(90))));
  }

  static DynamoDbAsyncClient counted(DynamoDbLocal local, FaultInterceptors.QueryCounter counter) {
    return DdbkitClients.newAsyncClient(local.clientSettings().toBuilder().addInterceptor(counter).build());
  }

  static List<Map<String, AttributeValue>> seedQuery(DynamoDbClient sync, String table, String metric,
      int shards, String start, String end) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < shards; i++) {
      QueryRequest request = QueryRequest.builder().tableName(table)
          .keyConditionExpression("metric_shard = :shard AND #ts BETWEEN :start AND :end")
          .expressionAttributeNames(Map.of("#ts", "timestamp"))
          .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(metric + "#" + i),
              ":start", AttributeValue.fromS(start), ":end", AttributeValue.fromS(end)))
          .build();
      sync.queryPaginator(request).items().forEach(items::add);
    }
    return items;
  }

  static int countShard(DynamoDbClient sync, String table, String metric, int shard) {
    QueryRequest request = QueryRequest.builder().tableName(table)
        .keyConditionExpression("metric_shard = :shard")
        .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(metric + "#" + shard)))
        .select(Select.COUNT).build();
    return sync.queryPaginator(request).stream().mapToInt(r -> r.count()).sum();
  }

  static int countItems(DynamoDbClient sync, String table, String metric, int shards) {
    int total = 0;
    for (int i = 0; i < shards; i++) {
      total += countShard(sync, table, metric, i);
    }
    return total;
  }
}
