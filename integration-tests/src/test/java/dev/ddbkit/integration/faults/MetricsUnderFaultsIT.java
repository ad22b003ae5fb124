package dev.ddbkit.integration.faults;

import dev.ddbkit.testkit.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.retry.RetrySettings;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.metrics.sharding.BulkWriteResult;
import dev.ddbkit.metrics.sharding.MetricAggregate;
import dev.ddbkit.metrics.sharding.MetricCursor;
import dev.ddbkit.metrics.sharding.MetricPoint;
import dev.ddbkit.metrics.sharding.MetricWriteException;
import dev.ddbkit.metrics.sharding.ShardSelector;
import dev.ddbkit.metrics.sharding.ShardedMetrics;
import dev.ddbkit.metrics.sharding.StoredPoint;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.testkit.fault.Fault;
import dev.ddbkit.testkit.fault.FaultCounters;
import dev.ddbkit.testkit.fault.FaultKind;
import dev.ddbkit.testkit.fault.FaultProxy;
import dev.ddbkit.testkit.fault.FaultRule;
import dev.ddbkit.testkit.fault.HotPartitionSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** {@link ShardedMetrics} under injected faults and under the hot-partition simulator. */
@DynamoDbLocalTest
class MetricsUnderFaultsIT {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsUnderFaultsIT.class);
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final int POINTS = 100;

  @Test
  void bulkWrites_underThrottlingServerErrorsLatencyPartialBatchesAndLostResponses_loseAndDuplicateNothing(DynamoDbLocal local,
      TestTables tables) {
    TableDefinition table = tables.ensure(SeedTables.metrics());
    try (FaultProxy proxy = FaultProxy.builder().target(local.endpoint()).seed(2026)
        .rule(FaultRule.forAnyOperation().latency(Duration.ofMillis(5)))
        .rule(FaultRule.forAnyOperation().table(table.name()).throttle(0.10))
        .rule(FaultRule.forAnyOperation().table(table.name()).serverError(0.01))
        .rule(FaultRule.forAnyOperation().table(table.name()).serviceUnavailable(0.01))
        .rule(FaultRule.forOperation("BatchWriteItem").unprocessed(0.2, 0.3))
        .rule(FaultRule.forOperation("BatchWriteItem").inject(Fault.dropConnectionAfterForwarding(), 0.05))
        .start();
        DynamoDbAsyncClient async = DdbkitClients.newAsyncClient(settings(local, proxy))) {
      ShardedMetrics metrics = ShardedMetrics.create(async, table.name(), c -> c.shardCount(8));
      List<MetricPoint> points = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        points.add(MetricPoint.of("page_views", T0.plusMillis(i), i));
      }

      BulkWriteResult result = metrics.putAll(points);

      assertThat(result.written()).hasSize(points.size());
      List<StoredPoint> read = new ArrayList<>();
      try (MetricCursor cursor = metrics.read("page_views", T0, T0.plusSeconds(1))) {
        cursor.forEachRemaining(read::add);
      }
      Set<String> expected = new HashSet<>();
      points.forEach(p -> expected.add(p.sortKey()));
      assertThat(read).extracting(StoredPoint::sortKey).as("nothing lost, nothing duplicated")
          .hasSize(points.size()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
      assertThat(read).extracting(StoredPoint::timestamp).isSorted();
      MetricAggregate agg = metrics.aggregate("page_views", T0, T0.plusSeconds(1));
      assertThat(agg.count()).isEqualTo(points.size());
      assertThat(agg.sum()).isEqualTo(399 * 400 / 2.0);

      FaultCounters c = proxy.counters();
      LOG.info("metrics under faults: {} points, {} BatchWriteItem requests by the writer, {} writer retries; "
          + "proxy {}", points.size(), result.requests(), result.retries(), c);
      assertThat(c.injected(FaultKind.PROVISIONED_THROUGHPUT_EXCEEDED)).isPositive();
      assertThat(c.unprocessedItems()).isPositive();
    }
  }

  @Test
  void hotPartition_shardedWriterScalesWithShardCount_singleKeyIsCapped_noPointLost(DynamoDbLocal local,
      TestTables tables) {
    Map<Integer, int[]> results = new LinkedHashMap<>();
    for (int shards : new int[] {1, 4, 8}) {
      TableDefinition table = tables.ensure(SeedTables.metrics().withName(tables.uniqueName("metrics-hot-" + shards)));
      results.put(shards, drain(local, table, shards));
    }
    results.forEach((shards, r) -> LOG.info("sharded writer, {} shard(s): goodput {} of {} points in the first "
        + "simulated second, {} simulated seconds to write all", shards, r[0], POINTS, r[1]));
    assertThat(results.get(1)[0]).as("one key is capped at its 10 WCU").isEqualTo(10);
    assertThat(results.get(4)[0]).isEqualTo(40);
    assertThat(results.get(8)[0]).isEqualTo(80);
    assertThat(results.get(1)[1]).isGreaterThan(results.get(4)[1]);
    assertThat(results.get(4)[1]).isGreaterThan(results.get(8)[1]);
  }

  /** Writes the points at 10 WCU/s per key, one attempt per simulated second; returns {goodput, seconds}. */
  private int[] drain(DynamoDbLocal local, TableDefinition table, int shards) {
    TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    HotPartitionSimulator simulator = HotPartitionSimulator.builder().table(table).scale(0.01).clock(clock).build();
    try (FaultProxy proxy = FaultProxy.builder().target(local.endpoint()).hotPartitions(simulator).start();
        DynamoDbAsyncClient async = DdbkitClients.newAsyncClient(local.clientSettings().toBuilder()
            .endpointOverride(proxy.endpoint()).retryMode(ClientSettings.RetryMode.NONE).build())) {
      ShardedMetrics metrics = ShardedMetrics.create(async, table.name(), c -> c.shardCount(shards)
          .selector(ShardSelector.roundRobin()).writeConcurrency(1)
          .retry(RetrySettings.builder().maxAttempts(1).build()));
      List<MetricPoint> pending = new ArrayList<>();
      for (int i = 0; i < POINTS; i++) {
        pending.add(MetricPoint.of("cpu", T0.plusMillis(i), 1));
      }
      int firstSecond = -1;
      int seconds = 0;
      while (!pending.isEmpty()) {
        int before = pending.size();
        try {
          metrics.putAll(pending);
          pending = List.of();
        } catch (MetricWriteException e) {
          pending = e.notWritten();
        }
        if (firstSecond < 0) {
          firstSecond = before - pending.size();
        }
        seconds++;
        clock.advance(Duration.ofSeconds(1));
        assertThat(seconds).as("drains in bounded simulated time").isLessThanOrEqualTo(POINTS);
      }
      MetricAggregate agg = metrics.aggregate("cpu", T0, T0.plusSeconds(1));
      assertThat(agg.count()).as("every point stored once").isEqualTo(POINTS);
      assertThat(proxy.counters().injected(FaultKind.HOT_PARTITION)).as("throttled while over the limit").isPositive();
      return new int[] {firstSecond, seconds};
    }
  }

  private static ClientSettings settings(DynamoDbLocal local, FaultProxy proxy) {
    return local.clientSettings().toBuilder().endpointOverride(proxy.endpoint())
        .retryMode(ClientSettings.RetryMode.STANDARD).maxAttempts(5).build();
  }
}
