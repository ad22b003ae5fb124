package dev.ddbkit.integration.dax;

import dev.ddbkit.testkit.TestClock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.metrics.MetricsHook;
import dev.ddbkit.core.metrics.Outcome;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.dax.DaxAwareClient;
import dev.ddbkit.dax.DaxCounts;
import dev.ddbkit.dax.DaxListener;
import dev.ddbkit.dax.DaxRoute;
import dev.ddbkit.dax.DaxState;
import dev.ddbkit.integration.dax.StandInDax.Mode;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** A stand-in for the DAX side that fails and recovers drives the breaker through its states. */
@DynamoDbLocalTest
class DaxCircuitBreakerIT {
  private static final Duration COOL_DOWN = Duration.ofSeconds(30);

  private final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<String> transitions = new CopyOnWriteArrayList<>();
  private final List<DaxRoute> routes = new CopyOnWriteArrayList<>();
  private final DaxListener listener = new DaxListener() {
    @Override
    public void onRequest(String operation, DaxRoute route) {
      routes.add(route);
    }

    @Override
    public void onStateChange(DaxState from, DaxState to) {
      transitions.add(from + "->" + to);
    }
  };

  private final io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
      new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

  private DaxAwareClient client(DynamoDbClient dynamoDb, StandInDax dax) {
    return DaxAwareClient.builder()
        .dynamoDb(dynamoDb)
        .daxClient(dax)
        .listener(listener)
        .metrics(dev.ddbkit.core.metrics.DdbkitMeterBinder.of(registry))
        .probeTimeout(Duration.ofSeconds(5))
        .circuitBreaker(b -> b.slidingWindowSize(3).minimumCalls(3).failureRatePercent(50).coolDown(COOL_DOWN)
            .clock(clock))
        .build();
  }

  private static Map<String, AttributeValue> key(String customer, String orderId) {
    return Map.of("customer_id", AttributeValue.fromS(customer), "order_id", AttributeValue.fromS(orderId));
  }

  private static void seed(DynamoDbClient ddb, String table) {
    ddb.putItem(p -> p.tableName(table).item(Map.of(
        "customer_id", AttributeValue.fromS("c1"), "order_id", AttributeValue.fromS("o1"),
        "hits", AttributeValue.fromN("0"))));
  }

  private static UpdateItemRequest addOneHit(String table) {
    return UpdateItemRequest.builder().tableName(table).key(key("c1", "o1"))
        .updateExpression("ADD hits :one")
        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
        .build();
  }

  private static String hits(DynamoDbClient ddb, String table) {
    return ddb.getItem(g -> g.tableName(table).key(key("c1", "o1")).consistentRead(true)).item().get("hits").n();
  }

  @Test
  void standInFailingThenRecovering_movesClosedOpenHalfOpenClosed(DynamoDbClient ddb, TestTables tables) {
    String table = tables.ensure(SeedTables.orders()).name();
    seed(ddb, table);
    StandInDax dax = new StandInDax(ddb);
    try (DaxAwareClient client = client(ddb, dax)) {
      client.getItem(g -> g.tableName(table).key(key("c1", "o1")));
      assertThat(client.state()).isEqualTo(DaxState.CLOSED);

      dax.mode(Mode.REFUSING);
      // window of 3 with one success in it: the second failure reaches 66 % and opens the breaker
      for (int i = 0; i < 2; i++) {
        assertThat(client.getItem(g -> g.tableName(table).key(key("c1", "o1"))).hasItem()).isTrue();
      }
      assertThat(client.state()).isEqualTo(DaxState.OPEN);
      assertThat(dax.calls()).isEqualTo(3);

      dax.mode(Mode.HEALTHY);
      for (int i = 0; i < 5; i++) {
        assertThat(client.getItem(g -> g.tableName(table).key(key("c1", "o1"))).hasItem()).isTrue();
      }
      assertThat(dax.calls()).as("no DAX call while open, even though it recovered").isEqualTo(3);

      clock.advance(COOL_DOWN.plusSeconds(1));
      assertThat(client.getItem(g -> g.tableName(table).key(key("c1", "o1"))).hasItem()).isTrue();

      assertThat(client.state()).isEqualTo(DaxState.CLOSED);
      assertThat(dax.calls()).as("the probe, then the request itself").isEqualTo(5);
      assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
      // the same transitions reach the metrics hook, from resilience4j's breaker events
      for (String[] t : new String[][] {{"closed", "open"}, {"open", "half_open"}, {"half_open", "closed"}}) {
        assertThat(registry.get("ddbkit.breaker.transitions").tags("breaker", "dax", "from", t[0], "to", t[1])
            .counter().count()).as("%s -> %s", t[0], t[1]).isEqualTo(1);
      }
      assertThat(registry.get("ddbkit.breaker.state").tags("breaker", "dax", "state", "closed").gauge().value())
          .isEqualTo(1);
      assertThat(registry.get("ddbkit.breaker.state").tags("breaker", "dax", "state", "open").gauge().value())
          .isZero();
      DaxCounts counts = client.health().counts();
      assertThat(counts.daxAttempts()).isEqualTo(5);
      assertThat(counts.daxAnswers()).isEqualTo(3);
      assertThat(counts.daxFailures()).isEqualTo(2);
      assertThat(counts.readFallbacks()).isEqualTo(2);
      assertThat(counts.circuitOpenRequests()).isEqualTo(5);
      assertThat(counts.probes()).isEqualTo(1);
      assertThat(counts.probeFailures()).isZero();
      assertThat(routes).containsExactly(
          DaxRoute.DAX,
          DaxRoute.DYNAMODB_READ_FALLBACK, DaxRoute.DYNAMODB_READ_FALLBACK,
          DaxRoute.DYNAMODB_CIRCUIT_OPEN, DaxRoute.DYNAMODB_CIRCUIT_OPEN, DaxRoute.DYNAMODB_CIRCUIT_OPEN,
          DaxRoute.DYNAMODB_CIRCUIT_OPEN, DaxRoute.DYNAMODB_CIRCUIT_OPEN,
          DaxRoute.DAX);
      assertThat(client.health().lastError()).hasValueSatisfying(e -> assertThat(e).contains("connect"));
    }
  }

  @Test
  void probeAfterCoolDown_whileDaxStillDown_reopensAndWaitsAnotherCoolDown(DynamoDbClient ddb, TestTables tables) {
    String table = tables.ensure(SeedTables.orders()).name();
    seed(ddb, table);
    StandInDax dax = new StandInDax(ddb).mode(Mode.REFUSING);
    try (DaxAwareClient client = client(ddb, dax)) {
      for (int i = 0; i < 3; i++) {
        client.getItem(g -> g.tableName(table).key(key("c1", "o1")));
      }
      clock.advance(COOL_DOWN.plusSeconds(1));

      client.getItem(g -> g.tableName(table).key(key("c1", "o1")));
      client.getItem(g -> g.tableName(table).key(key("c1", "o1")));

      assertThat(client.state()).isEqualTo(DaxState.OPEN);
      assertThat(dax.calls()).as("three failures and one failed probe").isEqualTo(4);
      assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->OPEN");
      assertThat(client.health().counts().probeFailures()).isEqualTo(1);
      assertThat(client.health().degraded()).isTrue();
    }
  }

  @Test
  void explicitProbe_onHealthyDax_reportsClosedWithoutUserTraffic(DynamoDbClient ddb) {
    StandInDax dax = new StandInDax(ddb);
    try (DaxAwareClient client = client(ddb, dax)) {
      var health = client.probe();

      assertThat(health.state()).isEqualTo(DaxState.CLOSED);
      assertThat(health.counts().probes()).isEqualTo(1);
      assertThat(health.counts().probeFailures()).isZero();
      assertThat(dax.calls()).isEqualTo(1);
    }
  }

  @Test
  void writeRefusedByDax_isResentToDynamoDbAndAppliedOnce(DynamoDbClient ddb, TestTables tables) {
    String table = tables.ensure(SeedTables.orders()).name();
    seed(ddb, table);
    StandInDax dax = new StandInDax(ddb).mode(Mode.REFUSING);
    try (DaxAwareClient client = client(ddb, dax)) {
      client.updateItem(addOneHit(table));

      assertThat(hits(ddb, table)).isEqualTo("1");
      assertThat(client.health().counts().writeFallbacks()).isEqualTo(1);
      assertThat(routes).containsExactly(DaxRoute.DYNAMODB_WRITE_FALLBACK);
    }
  }

  @Test
  void writeTimingOutOnDax_isNotResentBecauseDaxMayHaveAppliedIt(DynamoDbClient ddb, TestTables tables) {
    String table = tables.ensure(SeedTables.orders()).name();
    seed(ddb, table);
    StandInDax dax = new StandInDax(ddb).mode(Mode.TIMING_OUT_AFTER_APPLYING);
    CountingClient dynamoDb = new CountingClient(ddb);
    try (DaxAwareClient client = client(dynamoDb, dax)) {
      assertThatThrownBy(() -> client.updateItem(addOneHit(table))).isInstanceOf(ApiCallTimeoutException.class);

      assertThat(hits(ddb, table)).as("applied once, by DAX, not again by a fallback").isEqualTo("1");
      assertThat(dynamoDb.calls()).isZero();
      assertThat(client.health().counts().writesNotResent()).isEqualTo(1);
      assertThat(client.health().counts().writeFallbacks()).isZero();
      assertThat(client.health().counts().daxFailures()).isEqualTo(1);
    }
  }

  @Test
  void readTimingOutOnDax_isRetriedOnceOnDynamoDb(DynamoDbClient ddb, TestTables tables) {
    String table = tables.ensure(SeedTables.orders()).name();
    seed(ddb, table);
    StandInDax dax = new StandInDax(ddb).mode(Mode.TIMING_OUT_AFTER_APPLYING);
    CountingClient dynamoDb = new CountingClient(ddb);
    try (DaxAwareClient client = client(dynamoDb, dax)) {
      assertThat(client.getItem(g -> g.tableName(table).key(key("c1", "o1"))).item()).containsKey("hits");

      assertThat(dynamoDb.calls()).isEqualTo(1);
      assertThat(client.health().counts().readFallbacks()).isEqualTo(1);
    }
  }

  @Test
  void conditionalCheckFailure_answeredByDax_isThrownAndNeverOpensTheBreaker(DynamoDbClient ddb, TestTables tables) {
    String table = tables.ensure(SeedTables.orders()).name();
    seed(ddb, table);
    StandInDax dax = new StandInDax(ddb);
    CountingClient dynamoDb = new CountingClient(ddb);
    try (DaxAwareClient client = client(dynamoDb, dax)) {
      for (int i = 0; i < 5; i++) {
        assertThatThrownBy(() -> client.putItem(p -> p.tableName(table)
            .item(Map.of("customer_id", AttributeValue.fromS("c1"), "order_id", AttributeValue.fromS("o1")))
            .conditionExpression("attribute_not_exists(customer_id)")))
            .isInstanceOf(ConditionalCheckFailedException.class);
      }

      assertThat(client.state()).isEqualTo(DaxState.CLOSED);
      assertThat(dynamoDb.calls()).as("never retried elsewhere").isZero();
      assertThat(dax.calls()).isEqualTo(5);
      assertThat(client.health().counts().daxFailures()).isZero();
      assertThat(client.health().counts().daxAnswers()).isEqualTo(5);
      assertThat(hits(ddb, table)).isEqualTo("0");
    }
  }

  @Test
  void stronglyConsistentAndTransactionalReads_goStraightToDynamoDb(DynamoDbClient ddb, TestTables tables) {
    String table = tables.ensure(SeedTables.orders()).name();
    seed(ddb, table);
    StandInDax dax = new StandInDax(ddb);
    try (DaxAwareClient client = client(ddb, dax)) {
      client.getItem(g -> g.tableName(table).key(key("c1", "o1")).consistentRead(true));
      client.query(q -> q.tableName(table).keyConditionExpression("customer_id = :c").consistentRead(true)
          .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("c1"))));
      client.transactGetItems(t -> t.transactItems(i -> i.get(g -> g.tableName(table).key(key("c1", "o1")))));

      assertThat(dax.calls()).isZero();
      assertThat(client.health().counts().directRequests()).isEqualTo(3);
      assertThat(routes).containsOnly(DaxRoute.DYNAMODB_DIRECT);
    }
  }

  @Test
  void healthyStandIn_servesPaginatedQueriesThroughDax(DynamoDbClient ddb, TestTables tables) {
    String table = tables.ensure(SeedTables.orders()).name();
    for (int i = 0; i < 5; i++) {
      String id = "o" + i;
      ddb.putItem(p -> p.tableName(table).item(key("c1", id)));
    }
    StandInDax dax = new StandInDax(ddb);
    try (DaxAwareClient client = client(ddb, dax)) {
      long items = client.queryPaginator(q -> q.tableName(table).keyConditionExpression("customer_id = :c")
              .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("c1"))).limit(2))
          .items().stream().count();

      assertThat(items).isEqualTo(5);
      assertThat(dax.calls()).as("three pages, all through DAX").isEqualTo(3);
    }
  }

  @Test
  void metricsHook_seesDaxAnswersAndFallbacksAsDdbkitRetries(DynamoDbClient ddb, TestTables tables) {
    String table = tables.ensure(SeedTables.orders()).name();
    seed(ddb, table);
    List<String> events = new CopyOnWriteArrayList<>();
    MetricsHook hook = new MetricsHook() {
      @Override
      public void operationCompleted(String operation, String t, Outcome outcome, Duration duration, int attempts) {
        events.add("completed " + operation + " " + t.equals(table) + " " + outcome + " " + attempts);
      }

      @Override
      public void retried(String operation, String t, RetrySource source) {
        events.add("retried " + operation + " " + t.equals(table) + " " + source);
      }
    };
    StandInDax dax = new StandInDax(ddb);
    try (DaxAwareClient client = DaxAwareClient.builder().dynamoDb(ddb).daxClient(dax).metrics(hook).build()) {
      client.getItem(g -> g.tableName(table).key(key("c1", "o1")));
      assertThatThrownBy(() -> client.putItem(p -> p.tableName(table).item(key("c1", "o1"))
          .conditionExpression("attribute_not_exists(customer_id)")))
          .isInstanceOf(ConditionalCheckFailedException.class);
      dax.mode(Mode.REFUSING);
      client.getItem(g -> g.tableName(table).key(key("c1", "o1")));
      client.updateItem(addOneHit(table));

      assertThat(events).containsExactly(
          "completed GetItem true SUCCESS 1",
          "completed PutItem true CONDITIONAL_CHECK_FAILED 1",
          "retried GetItem true DDBKIT",
          "retried UpdateItem true DDBKIT");
    }
  }
}
