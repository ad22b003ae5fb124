package dev.ddbkit.integration.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.error.ThrottlingException;
import dev.ddbkit.core.retry.RetrySettings;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.metrics.sharding.BulkWriteResult;
import dev.ddbkit.metrics.sharding.MetricAggregate;
import dev.ddbkit.metrics.sharding.MetricCursor;
import dev.ddbkit.metrics.sharding.MetricPoint;
import dev.ddbkit.metrics.sharding.MetricWriteException;
import dev.ddbkit.metrics.sharding.ReadResult;
import dev.ddbkit.metrics.sharding.ShardReadException;
import dev.ddbkit.metrics.sharding.ShardSelector;
import dev.ddbkit.metrics.sharding.ShardedMetrics;
import dev.ddbkit.metrics.sharding.StoredPoint;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Faults are injected with SDK interceptors ({@link FaultInterceptors}) on a dedicated async client. */
@DynamoDbLocalTest
class MetricsFaultsIT {
  private static final Instant BASE = Instant.parse("2024-01-15T10:00:00Z");
  private static final RetrySettings FAST_RETRY = RetrySettings.builder()
      .maxAttempts(30).baseDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(20)).build();

  @Test
  void shardFailingMidRead_failsTheReadNamingTheShard_byDefault(DynamoDbLocal local, DynamoDbAsyncClient plain,
      TestTables tables) {
    String table = tables.ensure(SeedTables.metrics()).name();
    writeRoundRobin(plain, table, 600);
    FaultInterceptors.FailShardMidRead fault = new FaultInterceptors.FailShardMidRead("m#2");
    try (DynamoDbAsyncClient async = client(local, fault)) {
      ShardedMetrics metrics = reader(async, table);
      List<StoredPoint> delivered = new ArrayList<>();

      ShardReadException error;
      try (MetricCursor cursor = metrics.read("m", BASE, BASE.plusSeconds(60))) {
        error = catchThrowableOfType(ShardReadException.class, () -> cursor.forEachRemaining(delivered::add));
      }

      assertThat(error).isNotNull();
      assertThat(error.shard()).isEqualTo(2);
      assertThat(error.shardKey()).isEqualTo("m#2");
      assertThat(error.getMessage()).contains("m#2").contains(table);
      assertThat(error.operation()).contains("Query");
      assertThat(fault.failures.get()).isEqualTo(1);
      assertThat(delivered).hasSizeLessThan(600);
    }
  }

  @Test
  void shardFailingMidRead_withPartialResults_returnsTheOtherShardsFlaggingTheMissingOne(DynamoDbLocal local,
      DynamoDbAsyncClient plain, TestTables tables) {
    String table = tables.ensure(SeedTables.metrics()).name();
    List<StoredPoint> all = writeRoundRobin(plain, table, 600);
    FaultInterceptors.FailShardMidRead fault = new FaultInterceptors.FailShardMidRead("m#2");
    try (DynamoDbAsyncClient async = client(local, fault)) {
      ShardedMetrics metrics = reader(async, table);

      ReadResult read = metrics.readAll("m", BASE, BASE.plusSeconds(60), q -> q.allowPartialResults());
      MetricAggregate agg = metrics.aggregate("m", BASE, BASE.plusSeconds(60), q -> q.allowPartialResults());

      assertThat(read.complete()).isFalse();
      assertThat(read.missingShards()).containsExactly(2);
      Set<String> expectedOthers = all.stream().filter(p -> p.shard() != 2).map(StoredPoint::id)
          .collect(Collectors.toSet());
      assertThat(read.points()).extracting(StoredPoint::id).containsAll(expectedOthers);
      // shard 2 delivered exactly its first Query (a page of 50 and the one more a Query asks for, 51 of its
      // 150 points) before failing
      assertThat(read.points()).filteredOn(p -> p.shard() == 2).hasSize(51);
      assertThat(read.points()).hasSize(501).isSortedAccordingTo(java.util.Comparator.comparing(StoredPoint::timestamp));
      assertThat(agg.count()).isEqualTo(501);
      assertThat(agg.missingShards()).containsExactly(2);
    }
  }

  @Test
  void throttledBatchWrites_endWithEveryPointWrittenExactlyOnce(DynamoDbLocal local, DynamoDbClient sync,
      TestTables tables) {
    String table = tables.ensure(SeedTables.metrics()).name();
    FaultInterceptors.BatchFaults faults = new FaultInterceptors.BatchFaults(
        item -> java.util.concurrent.ThreadLocalRandom.current().nextInt(3) == 0, 400, 7);
    try (DynamoDbAsyncClient async = client(local, faults)) {
      io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
          new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
      ShardedMetrics metrics = ShardedMetrics.create(async, table, c -> c.shardCount(8).retry(FAST_RETRY)
          .metrics(dev.ddbkit.core.metrics.MicrometerMetrics.of(registry)));
      List<MetricPoint> points = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        points.add(MetricPoint.of("writes", BASE.plusMillis(i % 1000), i));
      }

      BulkWriteResult result = metrics.putAll(points);

      // every BatchWriteItem retry reaches ddbkit.retries{source=ddbkit}, once
      assertThat(registry.get("ddbkit.retries").tags("operation", "BatchWriteItem", "table", table, "source", "ddbkit")
          .counter().count()).isEqualTo(result.retries());

      assertThat(faults.strippedItems.get()).isGreaterThan(500);
      assertThat(faults.throttled.get()).isGreaterThan(10);
      assertThat(result.retries()).isGreaterThanOrEqualTo(faults.throttled.get());
      assertThat(result.written()).extracting(StoredPoint::id)
          .containsExactlyElementsOf(points.stream().map(MetricPoint::id).toList());
      assertThat(ShardedMetricsIT.countItems(sync, table, "writes", 8)).isEqualTo(3000);
      assertThat(metrics.readAll("writes", BASE, BASE.plusSeconds(1)).points()).extracting(StoredPoint::id)
          .containsExactlyInAnyOrderElementsOf(points.stream().map(MetricPoint::id).toList());
    }
  }

  @Test
  void batchWritesStillUnprocessedAfterRetries_failListingExactlyThePointsNotWritten(DynamoDbLocal local,
      DynamoDbClient sync, TestTables tables) {
    String table = tables.ensure(SeedTables.metrics()).name();
    FaultInterceptors.BatchFaults faults = new FaultInterceptors.BatchFaults(
        item -> item.get("value").n().startsWith("-"), Integer.MAX_VALUE, 0);
    try (DynamoDbAsyncClient async = client(local, faults)) {
      ShardedMetrics metrics = ShardedMetrics.create(async, table, c -> c.shardCount(4)
          .retry(FAST_RETRY.toBuilder().maxAttempts(3).build()));
      List<MetricPoint> points = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        points.add(MetricPoint.of("doomed", BASE.plusMillis(i), i % 10 == 3 ? -i : i));
      }
      List<MetricPoint> doomed = points.stream().filter(p -> p.value() < 0).toList();

      MetricWriteException error = catchThrowableOfType(MetricWriteException.class, () -> metrics.putAll(points));

      assertThat(error).isNotNull();
      assertThat(error.notWritten()).containsExactlyElementsOf(doomed);
      assertThat(error.written()).extracting(StoredPoint::point)
          .containsExactlyElementsOf(points.stream().filter(p -> p.value() >= 0).toList());
      assertThat(error.getCause()).isInstanceOf(ThrottlingException.class);
      assertThat(error.table()).contains(table);
      List<Double> stored = sync.scanPaginator(r -> r.tableName(table)).items().stream()
          .filter(i -> !i.get("metric_shard").s().equals(FaultInterceptors.SENTINEL_SHARD))
          .map(i -> Double.parseDouble(i.get("value").n())).toList();
      assertThat(stored).hasSize(180).allMatch(v -> v >= 0);
    }
  }

  @Test
  void retryOfAFailedBulkWrite_writesEachPendingPointToTheShardItWasSentTo_withoutCopies(DynamoDbLocal local,
      DynamoDbAsyncClient plain, DynamoDbClient sync, TestTables tables) {
    String table = tables.ensure(SeedTables.metrics()).name();
    FaultInterceptors.BatchFaults faults = new FaultInterceptors.BatchFaults(
        item -> item.get("value").n().startsWith("-"), Integer.MAX_VALUE, 0);
    List<MetricPoint> points = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      points.add(MetricPoint.of("resent", BASE.plusMillis(i), i % 10 == 3 ? -i : i));
    }
    MetricWriteException error;
    try (DynamoDbAsyncClient async = client(local, faults)) {
      ShardedMetrics failing = ShardedMetrics.create(async, table, c -> c.shardCount(8)
          .selector(ShardSelector.random()).retry(FAST_RETRY.toBuilder().maxAttempts(2).build()));
      error = catchThrowableOfType(MetricWriteException.class, () -> failing.putAll(points));
    }
    assertThat(error).isNotNull();
    assertThat(error.pending()).hasSize(10);
    assertThat(error.pending()).extracting(StoredPoint::point).containsExactlyElementsOf(error.notWritten());

    // Random selection would almost surely move some of the 10 points to another shard if shards were re-chosen.
    ShardedMetrics healthy = ShardedMetrics.create(plain, table, c -> c.shardCount(8)
        .selector(ShardSelector.random()));
    BulkWriteResult retried = healthy.retry(error);
    BulkWriteResult again = healthy.retry(error);

    assertThat(retried.written()).extracting(StoredPoint::shard)
        .containsExactlyElementsOf(error.pending().stream().map(StoredPoint::shard).toList());
    assertThat(again.written()).extracting(StoredPoint::shard)
        .containsExactlyElementsOf(error.pending().stream().map(StoredPoint::shard).toList());
    Map<String, String> shardBySortKey = sync.scanPaginator(r -> r.tableName(table)).items().stream()
        .filter(i -> !i.get("metric_shard").s().equals(FaultInterceptors.SENTINEL_SHARD))
        .collect(Collectors.toMap(i -> i.get("timestamp").s(), i -> i.get("metric_shard").s()));
    assertThat(shardBySortKey).hasSize(100);
    for (StoredPoint p : error.pending()) {
      assertThat(shardBySortKey).containsEntry(p.sortKey(), p.shardKey());
    }
  }

  @Test
  void interruptedBulkWrite_reportsExactlyWhichPointsWereWritten(DynamoDbLocal local, DynamoDbClient sync,
      TestTables tables) throws Exception {
    String table = tables.ensure(SeedTables.metrics()).name();
    FaultInterceptors.BatchFaults faults = new FaultInterceptors.BatchFaults(
        item -> item.get("value").n().startsWith("-"), Integer.MAX_VALUE, 0);
    try (DynamoDbAsyncClient async = client(local, faults)) {
      ShardedMetrics metrics = ShardedMetrics.create(async, table, c -> c.shardCount(4).writeConcurrency(2)
          .retry(RetrySettings.builder().maxAttempts(1000).baseDelay(Duration.ofMillis(200))
              .maxDelay(Duration.ofMillis(500)).build()));
      List<MetricPoint> points = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        points.add(MetricPoint.of("interrupted", BASE.plusMillis(i), i % 50 == 7 ? -i : i));
      }
      java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
      java.util.concurrent.atomic.AtomicBoolean flagKept = new java.util.concurrent.atomic.AtomicBoolean();
      Thread writer = new Thread(() -> {
        try {
          metrics.putAll(points);
        } catch (Throwable t) {
          thrown.set(t);
        }
        flagKept.set(Thread.currentThread().isInterrupted());
      });
      writer.start();
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
          .until(() -> faults.strippedItems.get() >= 2);
      writer.interrupt();
      writer.join(30_000);

      assertThat(writer.isAlive()).isFalse();
      assertThat(flagKept).isTrue();
      assertThat(thrown.get()).isInstanceOf(MetricWriteException.class);
      MetricWriteException error = (MetricWriteException) thrown.get();
      assertThat(error.notWritten().size() + error.written().size()).isEqualTo(500);
      assertThat(error.notWritten()).extracting(MetricPoint::value).contains(-7.0);
      Set<String> storedKeys = sync.scanPaginator(r -> r.tableName(table)).items().stream()
          .filter(i -> !i.get("metric_shard").s().equals(FaultInterceptors.SENTINEL_SHARD))
          .map(i -> i.get("timestamp").s()).collect(Collectors.toSet());
      assertThat(storedKeys).containsExactlyInAnyOrderElementsOf(
          error.written().stream().map(StoredPoint::sortKey).toList());
    }
  }

  @Test
  void throttledSinglePut_isRetriedUntilWrittenOnce(DynamoDbLocal local, DynamoDbClient sync, TestTables tables) {
    String table = tables.ensure(SeedTables.metrics()).name();
    FaultInterceptors.ThrottleFirst fault = new FaultInterceptors.ThrottleFirst(PutItemRequest.class, 3);
    try (DynamoDbAsyncClient async = client(local, fault)) {
      ShardedMetrics metrics = ShardedMetrics.create(async, table, c -> c.shardCount(1).retry(FAST_RETRY));

      StoredPoint stored = metrics.put("single", BASE, 5);

      assertThat(fault.throttled.get()).isEqualTo(3);
      assertThat(stored.shardKey()).isEqualTo("single#0");
      List<java.util.Map<String, AttributeValue>> items = sync.scan(r -> r.tableName(table)).items();
      assertThat(items).singleElement().satisfies(i -> {
        assertThat(Double.parseDouble(i.get("value").n())).isEqualTo(5.0);
        assertThat(i.get("timestamp").s()).isEqualTo(stored.sortKey());
        assertThat(i.get("metric_name").s()).isEqualTo("single");
      });
    }
  }

  @Test
  void throttledSinglePut_beyondRetries_failsWithThrottlingException(DynamoDbLocal local, DynamoDbClient sync,
      TestTables tables) {
    String table = tables.ensure(SeedTables.metrics()).name();
    FaultInterceptors.ThrottleFirst fault = new FaultInterceptors.ThrottleFirst(PutItemRequest.class, 100);
    try (DynamoDbAsyncClient async = client(local, fault)) {
      ShardedMetrics metrics = ShardedMetrics.create(async, table,
          c -> c.shardCount(1).retry(FAST_RETRY.toBuilder().maxAttempts(2).build()));

      assertThatThrownBy(() -> metrics.put("single", BASE, 5)).isInstanceOf(ThrottlingException.class);
      assertThat(fault.throttled.get()).isEqualTo(2);
      assertThat(sync.scan(r -> r.tableName(table)).count()).isZero();
    }
  }

  private static List<StoredPoint> writeRoundRobin(DynamoDbAsyncClient async, String table, int n) {
    ShardedMetrics writer = ShardedMetrics.create(async, table, c -> c.shardCount(4)
        .selector(ShardSelector.roundRobin()));
    List<MetricPoint> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      points.add(MetricPoint.of("m", BASE.plusMillis(i), i));
    }
    return writer.putAll(points).written();
  }

  private static ShardedMetrics reader(DynamoDbAsyncClient async, String table) {
    return ShardedMetrics.create(async, table, c -> c.shardCount(4).pageSize(50));
  }

  private static DynamoDbAsyncClient client(DynamoDbLocal local, ExecutionInterceptor interceptor) {
    return DdbkitClients.newAsyncClient(local.clientSettings().toBuilder().addInterceptor(interceptor).build());
  }
}
