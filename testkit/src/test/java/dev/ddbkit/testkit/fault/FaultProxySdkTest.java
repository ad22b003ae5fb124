package dev.ddbkit.testkit.fault;

import dev.ddbkit.testkit.TestClock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The AWS SDK, through the proxy, against DynamoDB Local: each fault parsed and retried as in production. */
@DynamoDbLocalTest
class FaultProxySdkTest {
  private FaultProxy proxy;
  private final List<DynamoDbClient> clients = new ArrayList<>();
  private DynamoDbLocal local;
  private String table;
  private DynamoDbClient direct;

  @BeforeEach
  void setUp(DynamoDbLocal local, TestTables tables, DynamoDbClient direct) {
    this.local = local;
    this.direct = direct;
    TableDefinition inventory = tables.ensure(SeedTables.inventory());
    this.table = inventory.name();
    this.proxy = FaultProxy.builder().target(local.endpoint()).seed(42).holdLimit(Duration.ofSeconds(5)).start();
  }

  @AfterEach
  void tearDown() {
    clients.forEach(DynamoDbClient::close);
    proxy.close();
  }

  @Test
  void provisionedThroughputExceeded_isParsedByTheSdk_andNothingIsWritten() {
    proxy.addRule(FaultRule.forOperation("PutItem").table(table).throttle(1.0));
    ProvisionedThroughputExceededException e = catchThrowableOfType(
        () -> client(1).putItem(r -> r.tableName(table).item(item("p1"))), ProvisionedThroughputExceededException.class);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ProvisionedThroughputExceededException");
    assertThat(e.requestId()).isNotBlank();
    assertThat(e.isThrottlingException()).isTrue();
    assertThat(direct.getItem(r -> r.tableName(table).key(key("p1"))).hasItem()).isFalse();
  }

  @Test
  void eachErrorKind_isTheSdkExceptionDynamoDbWouldCause() {
    try (var r = proxy.addRule(FaultRule.forOperation("PutItem").throttlingException(1.0))) {
      ThrottlingException e = catchThrowableOfType(() -> put(client(1), "a"), ThrottlingException.class);
      assertThat(e.isThrottlingException()).isTrue();
    }
    try (var r = proxy.addRule(FaultRule.forOperation("PutItem").serverError(1.0))) {
      assertThat(catchThrowableOfType(() -> put(client(1), "a"), InternalServerErrorException.class).statusCode())
          .isEqualTo(500);
    }
    try (var r = proxy.addRule(FaultRule.forOperation("PutItem").serviceUnavailable(1.0))) {
      DynamoDbException e = catchThrowableOfType(() -> put(client(1), "a"), DynamoDbException.class);
      assertThat(e.statusCode()).isEqualTo(503);
    }
    try (var r = proxy.addRule(FaultRule.forOperation("PutItem")
        .inject(Fault.error(400, "RequestLimitExceeded", "Too many requests"), 1.0))) {
      assertThat(catchThrowableOfType(() -> put(client(1), "a"), RequestLimitExceededException.class)
          .awsErrorDetails().errorMessage()).isEqualTo("Too many requests");
    }
    try (var r = proxy.addRule(FaultRule.forOperation("PutItem").transactionConflict(1.0))) {
      assertThat(catchThrowableOfType(() -> put(client(1), "a"), TransactionConflictException.class)).isNotNull();
    }
    assertThat(direct.getItem(r -> r.tableName(table).key(key("a"))).hasItem()).isFalse();
    assertThat(proxy.counters().forwarded()).isZero();
  }

  @Test
  void transactionConflict_isACancellationWithTheReasonAtItsIndex() {
    proxy.addRule(FaultRule.forOperation("TransactWriteItems").inject(Fault.transactionConflictAt(1), 1.0));
    TransactionCanceledException e = catchThrowableOfType(() -> client(1).transactWriteItems(t -> t.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(table).item(item("t0"))).build(),
        TransactWriteItem.builder().put(p -> p.tableName(table).item(item("t1"))).build())),
        TransactionCanceledException.class);
    assertThat(e.cancellationReasons()).extracting(c -> c.code()).containsExactly("None", "TransactionConflict");
    assertThat(direct.getItem(r -> r.tableName(table).key(key("t0"))).hasItem()).isFalse();
  }

  @Test
  void throttling_isRetriedByTheSdk_andSucceedsWithinItsAttempts() {
    proxy.addRule(FaultRule.forOperation("PutItem").throttle(1.0).times(2));
    put(client(3), "r1");
    assertThat(proxy.counters().requests("PutItem")).isEqualTo(3);
    assertThat(proxy.counters().injected(FaultKind.PROVISIONED_THROUGHPUT_EXCEEDED, "PutItem")).isEqualTo(2);
    assertThat(direct.getItem(r -> r.tableName(table).key(key("r1"))).hasItem()).isTrue();
  }

  @Test
  void serverErrors_areRetriedByTheSdk() {
    proxy.addRule(FaultRule.forOperation("PutItem").serviceUnavailable(1.0).times(1));
    proxy.addRule(FaultRule.forOperation("PutItem").serverError(1.0).times(1));
    put(client(3), "s1");
    assertThat(proxy.counters().requests("PutItem")).isEqualTo(3);
    assertThat(proxy.counters().injectedByKind()).containsOnlyKeys(FaultKind.SERVICE_UNAVAILABLE,
        FaultKind.INTERNAL_SERVER_ERROR);
  }

  @Test
  void persistentServerErrors_exhaustTheSdkAttempts() {
    proxy.addRule(FaultRule.forAnyOperation().serverError(1.0));
    assertThatThrownBy(() -> put(client(3), "r2")).isInstanceOf(InternalServerErrorException.class);
    assertThat(proxy.counters().requests("PutItem")).isEqualTo(3);
  }

  @Test
  void nonRetryableErrors_areAttemptedOnce() {
    proxy.addRule(FaultRule.forOperation("PutItem")
        .inject(Fault.error(400, "ValidationException", "One or more parameter values were invalid"), 1.0));
    assertThatThrownBy(() -> put(client(3), "v")).isInstanceOf(DynamoDbException.class);
    assertThat(proxy.counters().requests("PutItem")).isEqualTo(1);
  }

  @Test
  void droppedConnection_isRetried_andAfterForwardingTheWriteHasHappened() {
    proxy.addRule(FaultRule.forOperation("PutItem").dropConnection(1.0).times(1));
    put(client(3), "d1");
    assertThat(proxy.counters().injected(FaultKind.DROPPED_CONNECTION)).isEqualTo(1);
    assertThat(proxy.counters().requests("PutItem")).isEqualTo(2);
    assertThat(proxy.counters().forwarded("PutItem")).isEqualTo(1);

    proxy.clearRules();
    proxy.addRule(FaultRule.forOperation("PutItem").inject(Fault.dropConnectionAfterForwarding(), 1.0));
    assertThatThrownBy(() -> put(client(1), "d2")).isInstanceOf(SdkClientException.class);
    assertThat(direct.getItem(r -> r.tableName(table).key(key("d2"))).hasItem()).isTrue();
  }

  @Test
  void heldResponse_timesOutTheAttempt_andTheRetrySucceeds() {
    proxy.addRule(FaultRule.forOperation("GetItem").timeout(1.0).times(1));
    put(client(1), "h1");
    DynamoDbClient client = client(3, Duration.ofMillis(300));
    assertThat(client.getItem(r -> r.tableName(table).key(key("h1"))).hasItem()).isTrue();
    assertThat(proxy.counters().injected(FaultKind.TIMEOUT, "GetItem")).isEqualTo(1);
    assertThat(proxy.counters().requests("GetItem")).isEqualTo(2);
  }

  @Test
  void batchWrite_partialResult_writesOnlyTheProcessedItems() {
    proxy.addRule(FaultRule.forOperation("BatchWriteItem").unprocessed(1.0, 0.3));
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("b" + i)).build()).build());
    }
    BatchWriteItemResponse response = client(1).batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
    List<WriteRequest> unprocessed = response.unprocessedItems().get(table);
    assertThat(unprocessed).hasSize(3);
    for (WriteRequest w : writes) {
      boolean stored = direct.getItem(r -> r.tableName(table)
          .key(Map.of("product_id", w.putRequest().item().get("product_id")))).hasItem();
      assertThat(stored).as("%s stored exactly when processed", w).isEqualTo(!unprocessed.contains(w));
    }
    assertThat(proxy.counters().unprocessedItems()).isEqualTo(3);
  }

  @Test
  void batchGet_partialResult_returnsTheRestAsUnprocessedKeys() {
    for (int i = 0; i < 4; i++) {
      put(client(1), "g" + i);
    }
    proxy.addRule(FaultRule.forOperation("BatchGetItem").unprocessed(1.0, 0.5));
    List<Map<String, AttributeValue>> keys = List.of(key("g0"), key("g1"), key("g2"), key("g3"));
    BatchGetItemResponse response = client(1).batchGetItem(b -> b.requestItems(
        Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
    assertThat(response.responses().get(table)).hasSize(2);
    KeysAndAttributes rest = response.unprocessedKeys().get(table);
    assertThat(rest.keys()).hasSize(2);
    assertThat(rest.consistentRead()).isTrue();
  }

  @Test
  void latency_isAddedAndCounted() {
    proxy.addRule(FaultRule.forAnyOperation().latency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(5))));
    put(client(1), "l1");
    assertThat(proxy.counters().injected(FaultKind.LATENCY, "PutItem")).isEqualTo(1);
  }

  @Test
  void concurrentClients_everyRequestIsEitherForwardedOrAnsweredWithAFault() throws Exception {
    proxy.addRule(FaultRule.forOperation("PutItem").throttle(0.2));
    proxy.addRule(FaultRule.forOperation("PutItem").serverError(0.05));
    DynamoDbClient client = client(20);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 25; i++) {
          put(client, "c" + thread + "-" + i);
        }
      }));
    }
    for (java.util.concurrent.Future<?> f : futures) {
      f.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
    pool.shutdown();
    FaultCounters c = proxy.counters();
    assertThat(c.forwarded("PutItem")).isEqualTo(150);
    assertThat(c.requests("PutItem")).isEqualTo(150 + c.injected());
    assertThat(c.injected(FaultKind.PROVISIONED_THROUGHPUT_EXCEEDED)).isPositive();
    assertThat(direct.scan(s -> s.tableName(table)).count()).isEqualTo(150);
  }

  @Test
  void hotPartition_throttlesOneKeyButNotAnother() {
    TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    try (FaultProxy hot = FaultProxy.builder().target(local.endpoint())
        .hotPartitions(HotPartitionSimulator.builder().table(table, "product_id").scale(0.002).clock(clock).build())
        .start()) {
      DynamoDbClient client = client(hot, 1, Duration.ofSeconds(2));
      put(client, "hot");
      put(client, "hot");
      assertThatThrownBy(() -> put(client, "hot")).isInstanceOf(ProvisionedThroughputExceededException.class);
      put(client, "cold");
      clock.advance(Duration.ofSeconds(1));
      put(client, "hot");
      assertThat(hot.counters().injected(FaultKind.HOT_PARTITION)).isEqualTo(1);
    }
  }

  private void put(DynamoDbClient client, String id) {
    client.putItem(r -> r.tableName(table).item(item(id)));
  }

  private DynamoDbClient client(int attempts) {
    return client(proxy, attempts, Duration.ofSeconds(5));
  }

  private DynamoDbClient client(int attempts, Duration attemptTimeout) {
    return client(proxy, attempts, attemptTimeout);
  }

  private DynamoDbClient client(FaultProxy through, int attempts, Duration attemptTimeout) {
    ClientSettings settings = local.clientSettings();
    BackoffStrategy fast = BackoffStrategy.exponentialDelay(Duration.ofMillis(5), Duration.ofMillis(50));
    DynamoDbClient c = DynamoDbClient.builder()
        .endpointOverride(through.endpoint())
        .region(settings.region().orElseThrow())
        .credentialsProvider(settings.credentialsProvider().orElseThrow())
        .overrideConfiguration(o -> o.apiCallAttemptTimeout(attemptTimeout)
            .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(attempts)
                .backoffStrategy(fast).throttlingBackoffStrategy(fast).build()))
        .build();
    clients.add(c);
    return c;
  }

  private static Map<String, AttributeValue> item(String id) {
    return Map.of("product_id", AttributeValue.fromS(id), "stock", AttributeValue.fromN("5"));
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("product_id", AttributeValue.fromS(id));
  }
}
