package dev.ddbkit.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.testkit.fault.internal.DdbRequest;
import dev.ddbkit.testkit.fault.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultEngineTest {

  @Test
  void sameSeed_givesTheSameFaultsInTheSameOrder() {
    assertThat(outcomes(42, 500)).isEqualTo(outcomes(42, 500)).isNotEqualTo(outcomes(43, 500));
  }

  @Test
  void concurrentRequests_getTheSameNumberOfFaultsAsSequentialOnes() throws Exception {
    long sequential = outcomes(42, 2_000).stream().filter(b -> b).count();
    CounterStore counters = new CounterStore();
    FaultEngine engine = new FaultEngine(42, counters, null);
    engine.add(FaultRule.forOperation("PutItem").throttle(0.10));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 500; i++) {
          engine.plan(put("t"));
        }
      }));
    }
    for (java.util.concurrent.Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    assertThat(counters.snapshot().injected(FaultKind.PROVISIONED_THROUGHPUT_EXCEEDED)).isEqualTo(sequential);
  }

  @Test
  void share_isHonouredWithinStatisticalBounds() {
    List<Boolean> outcomes = outcomes(7, 10_000);
    long throttled = outcomes.stream().filter(b -> b).count();
    assertThat(throttled).isBetween(850L, 1150L); // 10 % of 10,000; ~10 sigma margin
  }

  @Test
  void rule_onlyMatchesItsOperationAndTable() {
    CounterStore counters = new CounterStore();
    FaultEngine engine = new FaultEngine(1, counters, null);
    engine.add(FaultRule.forOperation("PutItem").table("t").throttle(1.0));
    assertThat(engine.plan(put("t")).reply).isNotNull();
    assertThat(engine.plan(put("other")).reply).isNull();
    assertThat(engine.plan(request("GetItem", "{\"TableName\":\"t\",\"Key\":{}}")).reply).isNull();
    assertThat(counters.snapshot().injected(FaultKind.PROVISIONED_THROUGHPUT_EXCEEDED, "PutItem")).isEqualTo(1);
    assertThat(counters.snapshot().requests()).isEqualTo(3);
  }

  @Test
  void times_capsTheInjections() {
    FaultEngine engine = new FaultEngine(1, new CounterStore(), null);
    engine.add(FaultRule.forAnyOperation().serverError(1.0).times(2));
    assertThat(engine.plan(put("t")).reply).isNotNull();
    assertThat(engine.plan(put("t")).reply).isNotNull();
    assertThat(engine.plan(put("t")).reply).isNull();
  }

  @Test
  void errors_areWrittenInDynamoDbWireFormat() {
    FaultEngine engine = new FaultEngine(1, new CounterStore(), null);
    engine.add(FaultRule.forAnyOperation().serviceUnavailable(1.0));
    Plan plan = engine.plan(put("t"));
    assertThat(plan.reply.status()).isEqualTo(503);
    assertThat(plan.reply.headers().get("content-type")).containsExactly("application/x-amz-json-1.0");
    assertThat(plan.reply.headers()).containsKeys("x-amzn-RequestId", "x-amz-crc32");
    Map<String, Object> body = Json.parseObject(new String(plan.reply.body(), StandardCharsets.UTF_8));
    assertThat(body).containsEntry("__type", "com.amazon.coral.service#ServiceUnavailableException")
        .containsKey("message");
  }

  @Test
  void latency_addsUpAndLetsOtherRulesApply() {
    FaultEngine engine = new FaultEngine(1, new CounterStore(), null);
    engine.add(FaultRule.forAnyOperation().latency(Duration.ofMillis(5)));
    engine.add(FaultRule.forAnyOperation().latency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(3))));
    engine.add(FaultRule.forAnyOperation().throttle(1.0));
    Plan plan = engine.plan(put("t"));
    assertThat(plan.delay).isBetween(Duration.ofMillis(6), Duration.ofMillis(8));
    assertThat(plan.reply).isNotNull();
  }

  @Test
  void transactionConflict_marksTheFirstItemOnTheRulesTable() {
    FaultEngine engine = new FaultEngine(1, new CounterStore(), null);
    engine.add(FaultRule.forOperation("TransactWriteItems").table("accounts").transactionConflict(1.0));
    Plan plan = engine.plan(request("TransactWriteItems", "{\"TransactItems\":["
        + "{\"Put\":{\"TableName\":\"ledger\",\"Item\":{}}},{\"Update\":{\"TableName\":\"accounts\",\"Key\":{}}},"
        + "{\"Update\":{\"TableName\":\"accounts\",\"Key\":{}}}]}"));
    Map<String, Object> body = Json.parseObject(new String(plan.reply.body(), StandardCharsets.UTF_8));
    assertThat(body.get("__type")).isEqualTo("com.amazonaws.dynamodb.v20120810#TransactionCanceledException");
    assertThat(Json.write(body.get("CancellationReasons"))).isEqualTo("[{\"Code\":\"None\"},"
        + "{\"Code\":\"TransactionConflict\",\"Message\":\"Transaction is ongoing for the item\"},{\"Code\":\"None\"}]");
  }

  @Test
  void transactionConflict_onASingleWrite_isATransactionConflictException() {
    FaultEngine engine = new FaultEngine(1, new CounterStore(), null);
    engine.add(FaultRule.forAnyOperation().transactionConflict(1.0));
    Plan plan = engine.plan(put("t"));
    assertThat(new String(plan.reply.body(), StandardCharsets.UTF_8)).contains("#TransactionConflictException");
    assertThat(engine.plan(request("Query", "{\"TableName\":\"t\"}")).reply).isNull();
  }

  @Test
  void unprocessed_holdsBackTheShareOfItemsOnTheRulesTablesOnly() {
    CounterStore counters = new CounterStore();
    FaultEngine engine = new FaultEngine(3, counters, null);
    engine.add(FaultRule.forOperation("BatchWriteItem").table("a").unprocessed(1.0, 0.5));
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      items.append(i == 0 ? "" : ",").append("{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"").append(i).append("\"}}}}");
    }
    Plan plan = engine.plan(request("BatchWriteItem", "{\"RequestItems\":{\"a\":[" + items + "],\"b\":[" + items + "]}}"));
    assertThat(plan.batch).isNotNull();
    assertThat(plan.batch.heldBack()).isEqualTo(5);
    assertThat(plan.batch.remaining()).hasSize(15).filteredOn(e -> e.table().equals("b")).hasSize(10);
    assertThat(counters.snapshot().unprocessedItems()).isEqualTo(5);
    assertThat(counters.snapshot().injected(FaultKind.UNPROCESSED)).isEqualTo(1);
    assertThat(plan.forwards()).isTrue();
  }

  @Test
  void unprocessed_isNotCountedWhenALaterRuleAnswersTheBatchWithAnError() {
    CounterStore counters = new CounterStore();
    FaultEngine engine = new FaultEngine(3, counters, null);
    engine.add(FaultRule.forOperation("BatchWriteItem").unprocessed(1.0, 0.5));
    engine.add(FaultRule.forOperation("BatchWriteItem").throttle(1.0));
    Plan plan = engine.plan(request("BatchWriteItem", "{\"RequestItems\":{\"a\":["
        + "{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"1\"}}}},{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"2\"}}}}]}}"));
    assertThat(plan.reply).isNotNull();
    assertThat(plan.batch).isNull();
    assertThat(counters.snapshot().injectedByKind()).containsOnlyKeys(FaultKind.PROVISIONED_THROUGHPUT_EXCEEDED);
    assertThat(counters.snapshot().unprocessedItems()).isZero();
  }

  @Test
  void connectionFaults_areRecordedWithTheirPhase() {
    FaultEngine engine = new FaultEngine(1, new CounterStore(), null);
    engine.add(FaultRule.forOperation("PutItem").inject(Fault.dropConnectionAfterForwarding(), 1.0));
    engine.add(FaultRule.forOperation("GetItem").timeout(1.0));
    Plan drop = engine.plan(put("t"));
    assertThat(drop.connectionFault.kind()).isEqualTo(FaultKind.DROPPED_CONNECTION);
    assertThat(drop.forwards()).isTrue();
    Plan hold = engine.plan(request("GetItem", "{\"TableName\":\"t\"}"));
    assertThat(hold.connectionFault.kind()).isEqualTo(FaultKind.TIMEOUT);
    assertThat(hold.forwards()).isFalse();
  }

  @Test
  void rules_rejectMisuseWithASentence() {
    assertThatThrownBy(() -> FaultRule.forOperation("Putitem")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a DynamoDB operation name");
    assertThatThrownBy(() -> FaultRule.forAnyOperation().throttle(1.5)).hasMessageContaining("share");
    assertThatThrownBy(() -> Fault.unprocessed(0)).hasMessageContaining("share");
    assertThatThrownBy(() -> Fault.error(200, "X", "m")).hasMessageContaining("status");
    assertThatThrownBy(() -> FaultProxy.builder().start()).hasMessageContaining("target");
  }

  private static List<Boolean> outcomes(long seed, int n) {
    FaultEngine engine = new FaultEngine(seed, new CounterStore(), null);
    engine.add(FaultRule.forOperation("PutItem").throttle(0.10));
    List<Boolean> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(engine.plan(put("t")).reply != null);
    }
    return out;
  }

  static DdbRequest put(String table) {
    return request("PutItem", "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"k\"}}}");
  }

  static DdbRequest request(String op, String json) {
    return DdbRequest.of(DdbRequest.TARGET_PREFIX + op, json.getBytes(StandardCharsets.UTF_8));
  }
}
