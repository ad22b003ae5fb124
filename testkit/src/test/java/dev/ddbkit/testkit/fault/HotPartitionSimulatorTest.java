package dev.ddbkit.testkit.fault;

import dev.ddbkit.testkit.TestClock;
import java.time.Instant;

import static dev.ddbkit.testkit.fault.FaultEngineTest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.testkit.fault.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HotPartitionSimulatorTest {
  private final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private final CounterStore counters = new CounterStore();
  // 10 WCU and 30 RCU per second per key
  private final HotPartitionSimulator simulator = HotPartitionSimulator.builder()
      .table("m", "pk").scale(0.01).clock(clock).build();
  private final FaultEngine engine = new FaultEngine(1, counters, simulator);

  @Test
  void defaults_areDynamoDbsPerPartitionLimits() {
    HotPartitionSimulator defaults = HotPartitionSimulator.builder().table("t", "pk").build();
    assertThat(defaults.writeUnitsPerSecond()).isEqualTo(1000);
    assertThat(defaults.readUnitsPerSecond()).isEqualTo(3000);
    assertThat(simulator.writeUnitsPerSecond()).isEqualTo(10);
    assertThat(simulator.readUnitsPerSecond()).isEqualTo(30);
  }

  @Test
  void writes_toOneKey_areThrottledOnceItsBucketIsEmpty_andRecoverWithTime() {
    for (int i = 0; i < 10; i++) {
      assertThat(engine.plan(put("hot", 100)).reply).isNull();
    }
    Plan throttled = engine.plan(put("hot", 100));
    assertThat(throttled.reply).isNotNull();
    assertThat(body(throttled)).containsEntry("__type",
        "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException");
    assertThat(engine.plan(put("cold", 100)).reply).as("another key has its own bucket").isNull();
    clock.advance(Duration.ofMillis(100));
    assertThat(engine.plan(put("hot", 100)).reply).isNull();
    assertThat(counters.snapshot().injected(FaultKind.HOT_PARTITION, "PutItem")).isEqualTo(1);
  }

  @Test
  void writeCost_isPerStartedKilobyte() {
    // 2,100 bytes: 3 WCU each; three pass (9 of 10), the fourth does not
    for (int i = 0; i < 3; i++) {
      assertThat(engine.plan(put("big", 2100)).reply).isNull();
    }
    assertThat(engine.plan(put("big", 2100)).reply).isNotNull();
    assertThat(simulator.availableWriteUnits("m", "{\"S\":\"big\"}")).isEqualTo(1);
  }

  @Test
  void unregisteredTables_areNotLimited() {
    for (int i = 0; i < 50; i++) {
      assertThat(engine.plan(request("PutItem", "{\"TableName\":\"other\",\"Item\":{\"pk\":{\"S\":\"x\"}}}")).reply)
          .isNull();
    }
  }

  @Test
  void reads_areAdmittedWhileTokensRemain_andChargedByTheSizeReturned() {
    String get = "{\"TableName\":\"m\",\"Key\":{\"pk\":{\"S\":\"r\"}}}";
    String bigItem = "{\"Item\":{\"pk\":{\"S\":\"r\"},\"v\":{\"S\":\"" + "x".repeat(40_000) + "\"}}}";
    Plan first = engine.plan(request("GetItem", get));
    assertThat(first.reply).isNull();
    first.onSuccess.accept(Json.parseObject(bigItem)); // 10 strong units, halved: 5 of 30
    assertThat(engine.plan(request("GetItem", get)).reply).isNull();
    Plan consistent = engine.plan(request("GetItem", get.replace("}}}", "}},\"ConsistentRead\":true}")));
    consistent.onSuccess.accept(Json.parseObject(bigItem)); // 10 more
    for (int i = 0; i < 2; i++) {
      engine.plan(request("GetItem", get.replace("}}}", "}},\"ConsistentRead\":true}"))).onSuccess
          .accept(Json.parseObject(bigItem)); // 20 more: 30 - 5 - 10 - 20, in debt
    }
    assertThat(engine.plan(request("GetItem", get)).reply).isNotNull();
  }

  @Test
  void query_isChargedToThePartitionKeyOfItsKeyCondition() {
    String query = "{\"TableName\":\"m\",\"KeyConditionExpression\":\"#p = :p AND begins_with(sk, :s)\","
        + "\"ExpressionAttributeNames\":{\"#p\":\"pk\"},\"ExpressionAttributeValues\":{\":p\":{\"S\":\"q\"},"
        + "\":s\":{\"S\":\"2026\"}}}";
    Plan plan = engine.plan(request("Query", query));
    plan.onSuccess.accept(Json.parseObject("{\"Items\":[{\"pk\":{\"S\":\"" + "x".repeat(300_000) + "\"}}]}"));
    assertThat(engine.plan(request("Query", query)).reply).isNotNull();
    assertThat(HotPartitions.queryKeyValue(Json.parseObject(
        "{\"KeyConditionExpression\":\":v = pk\",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"z\"}}}"), "pk"))
        .isEqualTo(Map.of("S", "z"));
  }

  @Test
  void batchWrite_throttledItemsComeBackUnprocessed() {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      items.append(i == 0 ? "" : ",").append("{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"hot\"},\"sk\":{\"N\":\"")
          .append(i).append("\"}}}}");
    }
    items.append(",{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"cold\"}}}}");
    Plan plan = engine.plan(request("BatchWriteItem", "{\"RequestItems\":{\"m\":[" + items + "]}}"));
    assertThat(plan.reply).isNull();
    assertThat(plan.batch.heldBack()).isEqualTo(2);
    assertThat(plan.batch.remaining()).hasSize(11);
    assertThat(counters.snapshot().unprocessedItems()).isEqualTo(2);
    // the bucket is now empty: a batch only for that key is throttled as a whole
    Plan all = engine.plan(request("BatchWriteItem",
        "{\"RequestItems\":{\"m\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"hot\"}}}}]}}"));
    assertThat(all.reply).isNotNull();
    assertThat(all.reply.status()).isEqualTo(400);
  }

  @Test
  void transaction_costsDouble_andIsCancelledWithThrottlingErrorAtTheHotItem() {
    String tx = "{\"TransactItems\":[{\"Put\":{\"TableName\":\"m\",\"Item\":{\"pk\":{\"S\":\"a\"}}}},"
        + "{\"Put\":{\"TableName\":\"m\",\"Item\":{\"pk\":{\"S\":\"t\"}}}}]}";
    for (int i = 0; i < 5; i++) { // 2 WCU each on key t: 10
      assertThat(engine.plan(request("TransactWriteItems", tx)).reply).isNull();
      clock.advance(Duration.ofMillis(100)); // key a gets its 1 unit back, t too: keep t drained
      engine.plan(put("t", 10));
    }
    double beforeA = simulator.availableWriteUnits("m", "{\"S\":\"a\"}");
    Plan cancelled = engine.plan(request("TransactWriteItems", tx));
    assertThat(cancelled.reply).isNotNull();
    assertThat(Json.write(body(cancelled).get("CancellationReasons"))).startsWith("[{\"Code\":\"None\"},"
        + "{\"Code\":\"ThrottlingError\"");
    assertThat(simulator.availableWriteUnits("m", "{\"S\":\"a\"}")).as("refunded").isEqualTo(beforeA);
  }

  @Test
  void builder_rejectsMisuse() {
    assertThatThrownBy(() -> HotPartitionSimulator.builder().build()).hasMessageContaining("table");
    assertThatThrownBy(() -> HotPartitionSimulator.builder().scale(0)).hasMessageContaining("scale");
    assertThatThrownBy(() -> HotPartitionSimulator.builder().burst(Duration.ZERO)).hasMessageContaining("burst");
  }

  private static dev.ddbkit.testkit.fault.internal.DdbRequest put(String key, int valueBytes) {
    return request("PutItem", "{\"TableName\":\"m\",\"Item\":{\"pk\":{\"S\":\"" + key + "\"},\"v\":{\"S\":\""
        + "x".repeat(Math.max(0, valueBytes - 3 - key.length())) + "\"}}}");
  }

  private static Map<String, Object> body(Plan plan) {
    return Json.parseObject(new String(plan.reply.body(), StandardCharsets.UTF_8));
  }
}
