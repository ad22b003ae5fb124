package dev.ddbkit.integration.dax;

import dev.ddbkit.testkit.TestClock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.dax.DaxAwareAsyncClient;
import dev.ddbkit.dax.DaxListener;
import dev.ddbkit.dax.DaxRoute;
import dev.ddbkit.dax.DaxState;
import dev.ddbkit.integration.dax.StandInDax.Mode;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The asynchronous DAX-aware client over the real async DAX client and over a stand-in. */
@DynamoDbLocalTest
class AsyncDaxAwareClientIT {
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

  private static Map<String, AttributeValue> key(String customer, String orderId) {
    return Map.of("customer_id", AttributeValue.fromS(customer), "order_id", AttributeValue.fromS(orderId));
  }

  private static Map<String, AttributeValue> item(String customer, String orderId) {
    return Map.of("customer_id", AttributeValue.fromS(customer), "order_id", AttributeValue.fromS(orderId),
        "hits", AttributeValue.fromN("0"));
  }

  @Test
  void readsAndWrites_throughUnreachableRealDax_succeedByFallback(DynamoDbAsyncClient ddb, TestTables tables) {
    String table = tables.ensure(SeedTables.orders()).name();
    try (DaxAwareAsyncClient client = DaxAwareAsyncClient.builder()
        .dynamoDb(ddb)
        .daxEndpoint(Loopback.closedDaxEndpoint())
        .circuitBreaker(b -> b.slidingWindowSize(100).minimumCalls(100))
        .build()) {
      client.putItem(p -> p.tableName(table).item(item("c1", "o1"))).join();
      client.updateItem(u -> u.tableName(table).key(key("c1", "o1")).updateExpression("ADD hits :one")
          .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).join();

      var read = client.getItem(g -> g.tableName(table).key(key("c1", "o1"))).join();
      var queried = client.query(q -> q.tableName(table).keyConditionExpression("customer_id = :c")
          .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("c1")))).join();

      assertThat(read.item().get("hits").n()).isEqualTo("1");
      assertThat(queried.count()).isEqualTo(1);
      assertThat(client.health().counts().writeFallbacks()).isEqualTo(2);
      assertThat(client.health().counts().readFallbacks()).isEqualTo(2);
      assertThat(client.state()).isEqualTo(DaxState.CLOSED);
    }
  }

  @Test
  void standInFailingThenRecovering_movesClosedOpenHalfOpenClosedWithoutBlocking(
      DynamoDbAsyncClient ddb, DynamoDbClient sync, TestTables tables) {
    String table = tables.ensure(SeedTables.orders()).name();
    sync.putItem(p -> p.tableName(table).item(item("c1", "o1")));
    AsyncStandInDax dax = new AsyncStandInDax(ddb).mode(Mode.REFUSING);
    try (DaxAwareAsyncClient client = DaxAwareAsyncClient.builder()
        .dynamoDb(ddb).daxClient(dax).listener(listener).probeTimeout(Duration.ofSeconds(5))
        .circuitBreaker(b -> b.slidingWindowSize(3).minimumCalls(3).coolDown(COOL_DOWN).clock(clock))
        .build()) {
      for (int i = 0; i < 3; i++) {
        assertThat(client.getItem(g -> g.tableName(table).key(key("c1", "o1"))).join().hasItem()).isTrue();
      }
      assertThat(client.state()).isEqualTo(DaxState.OPEN);
      dax.mode(Mode.HEALTHY);
      client.getItem(g -> g.tableName(table).key(key("c1", "o1"))).join();
      assertThat(dax.calls()).isEqualTo(3);

      clock.advance(COOL_DOWN.plusSeconds(1));
      assertThat(client.getItem(g -> g.tableName(table).key(key("c1", "o1"))).join().hasItem()).isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> client.state() == DaxState.CLOSED);
      client.getItem(g -> g.tableName(table).key(key("c1", "o1"))).join();

      assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
      assertThat(dax.calls()).as("three failures, the probe, the last request").isEqualTo(5);
      assertThat(routes).containsExactly(
          DaxRoute.DYNAMODB_READ_FALLBACK, DaxRoute.DYNAMODB_READ_FALLBACK, DaxRoute.DYNAMODB_READ_FALLBACK,
          DaxRoute.DYNAMODB_CIRCUIT_OPEN, DaxRoute.DYNAMODB_CIRCUIT_OPEN, DaxRoute.DAX);
      assertThat(client.health().counts().probes()).isEqualTo(1);
    }
  }

  @Test
  void writeTimingOutOnDax_isNotResent(DynamoDbAsyncClient ddb, DynamoDbClient sync, TestTables tables) {
    String table = tables.ensure(SeedTables.orders()).name();
    sync.putItem(p -> p.tableName(table).item(item("c1", "o1")));
    AsyncStandInDax dax = new AsyncStandInDax(ddb).mode(Mode.TIMING_OUT_AFTER_APPLYING);
    try (DaxAwareAsyncClient client = DaxAwareAsyncClient.builder().dynamoDb(ddb).daxClient(dax).build()) {
      assertThatThrownBy(() -> client.updateItem(u -> u.tableName(table).key(key("c1", "o1"))
          .updateExpression("ADD hits :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))
          .join())
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(ApiCallTimeoutException.class);

      assertThat(sync.getItem(g -> g.tableName(table).key(key("c1", "o1")).consistentRead(true)).item()
          .get("hits").n()).isEqualTo("1");
      assertThat(client.health().counts().writesNotResent()).isEqualTo(1);
    }
  }

  @Test
  void conditionalCheckFailure_answeredByDax_failsTheFutureWithTheSdkException(
      DynamoDbAsyncClient ddb, DynamoDbClient sync, TestTables tables) {
    String table = tables.ensure(SeedTables.orders()).name();
    sync.putItem(p -> p.tableName(table).item(item("c1", "o1")));
    AsyncStandInDax dax = new AsyncStandInDax(ddb);
    try (DaxAwareAsyncClient client = DaxAwareAsyncClient.builder().dynamoDb(ddb).daxClient(dax).build()) {
      assertThatThrownBy(() -> client.putItem(p -> p.tableName(table).item(item("c1", "o1"))
          .conditionExpression("attribute_not_exists(customer_id)")).join())
          .hasCauseInstanceOf(ConditionalCheckFailedException.class);

      assertThat(client.health().counts().daxFailures()).isZero();
      assertThat(client.health().counts().writeFallbacks()).isZero();
      assertThat(dax.calls()).isEqualTo(1);
    }
  }
}
