package dev.ddbkit.integration.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.testkit.fault.FaultKind;
import dev.ddbkit.testkit.fault.FaultProxy;
import dev.ddbkit.testkit.fault.HotPartitionSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The same write load on one partition key and on sharded keys, under the hot-partition simulator at 10 write
 * units per second per key. Time is simulated (the simulator's clock is moved by hand), so goodput is counted
 * in writes accepted per simulated second, not measured: the single key is capped at its bucket, the sharded
 * keys scale with the shard count, and every write lands exactly once either way.
 *
 * <p>The writer here shards keys as the seed's metrics layout does ({@code metric#shard}); the library's own
 * sharded writer gets the same treatment in its module's suite.
 */
@DynamoDbLocalTest
class HotPartitionIT {
  private static final Logger LOG = LoggerFactory.getLogger(HotPartitionIT.class);
  private static final int WRITES = 200;
  private static final int UNITS_PER_SECOND = 10;

  @Test
  void shardedKeys_scaleWithShardCount_whileOneKeyIsCapped_andNoWriteIsLost(DynamoDbLocal local, TestTables tables) {
    Map<Integer, Result> results = new LinkedHashMap<>();
    for (int shards : new int[] {1, 4, 16}) {
      TableDefinition metrics = tables.ensure(SeedTables.metrics().withName(tables.uniqueName("hot-" + shards)));
      results.put(shards, run(local, metrics, shards));
    }
    results.forEach((shards, r) -> LOG.info("hot partition: {} shard(s): first-second goodput {} of {} writes, "
        + "{} simulated seconds to drain, {} throttled requests, {} unprocessed items", shards, r.firstSecond,
        WRITES, r.seconds, r.throttled, r.unprocessed));

    assertThat(results.get(1).firstSecond).isEqualTo(UNITS_PER_SECOND);
    assertThat(results.get(4).firstSecond).isEqualTo(4 * UNITS_PER_SECOND);
    assertThat(results.get(16).firstSecond).isEqualTo(16 * UNITS_PER_SECOND);
    assertThat(results.get(1).throttled).isPositive();
    assertThat(results.get(1).seconds).isGreaterThan(results.get(4).seconds);
    assertThat(results.get(4).seconds).isGreaterThan(results.get(16).seconds);
    results.values().forEach(r -> assertThat(r.stored).as("every write stored exactly once").isEqualTo(WRITES));
  }

  private Result run(DynamoDbLocal local, TableDefinition table, int shards) {
    MutableClock clock = new MutableClock();
    HotPartitionSimulator simulator = HotPartitionSimulator.builder().table(table)
        .scale(UNITS_PER_SECOND / HotPartitionSimulator.DEFAULT_WRITE_UNITS_PER_SECOND).clock(clock).build();
    try (FaultProxy proxy = FaultProxy.builder().target(local.endpoint()).hotPartitions(simulator).start();
        DynamoDbClient client = DdbkitClients.newSyncClient(local.clientSettings().toBuilder()
            .endpointOverride(proxy.endpoint()).retryMode(ClientSettings.RetryMode.NONE).build())) {
      List<WriteRequest> pending = new ArrayList<>();
      for (int i = 0; i < WRITES; i++) {
        pending.add(write("cpu#" + (i % shards), i));
      }
      Result result = new Result();
      while (!pending.isEmpty()) {
        pending = pass(client, table.name(), pending);
        if (result.seconds == 0) {
          result.firstSecond = WRITES - pending.size();
        }
        result.seconds++;
        clock.advance(Duration.ofSeconds(1));
        assertThat(result.seconds).as("drains in bounded simulated time").isLessThanOrEqualTo(WRITES);
      }
      result.throttled = proxy.counters().injected(FaultKind.HOT_PARTITION);
      result.unprocessed = proxy.counters().unprocessedItems();
      result.stored = countDistinct(local, table.name());
      return result;
    }
  }

  /** One pass over the pending writes in batches of 25; returns what DynamoDB did not accept. */
  private static List<WriteRequest> pass(DynamoDbClient client, String table, List<WriteRequest> pending) {
    List<WriteRequest> left = new ArrayList<>();
    for (int from = 0; from < pending.size(); from += 25) {
      List<WriteRequest> batch = pending.subList(from, Math.min(pending.size(), from + 25));
      try {
        BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
        left.addAll(response.unprocessedItems().getOrDefault(table, List.of()));
      } catch (ProvisionedThroughputExceededException e) {
        left.addAll(batch);
      }
    }
    return left;
  }

  private static int countDistinct(DynamoDbLocal local, String table) {
    Set<String> seen = new HashSet<>();
    int rows = 0;
    for (var page : local.clients().sync().scanPaginator(ScanRequest.builder().tableName(table)
        .consistentRead(true).build())) {
      for (var item : page.items()) {
        rows++;
        seen.add(item.get("timestamp").s());
      }
    }
    assertThat(seen).as("no write duplicated").hasSize(rows);
    return rows;
  }

  private static WriteRequest write(String shardKey, int i) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
        "metric_shard", AttributeValue.fromS(shardKey),
        "timestamp", AttributeValue.fromS(String.format("2026-01-01T00:00:00.%03dZ", i)),
        "value", AttributeValue.fromN(Integer.toString(i)))).build()).build();
  }

  private static final class Result {
    int firstSecond;
    int seconds;
    long throttled;
    long unprocessed;
    int stored;
  }
}
