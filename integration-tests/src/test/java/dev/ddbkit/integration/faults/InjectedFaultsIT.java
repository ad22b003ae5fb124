package dev.ddbkit.integration.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.error.ThrottlingException;
import dev.ddbkit.core.error.TransactionCanceledException;
import dev.ddbkit.core.error.TransactionConflictException;
import dev.ddbkit.core.error.TransientServiceException;
import dev.ddbkit.core.error.ValidationException;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.testkit.fault.Fault;
import dev.ddbkit.testkit.fault.FaultKind;
import dev.ddbkit.testkit.fault.FaultProxy;
import dev.ddbkit.testkit.fault.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.utils.SdkAutoCloseable;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Every fault the proxy injects, as a ddbkit caller sees it: an SDK client built from {@link ClientSettings}
 * retries what is retryable within its attempts, and {@link DdbkitErrors#translate} surfaces the rest as the
 * right {@link DdbkitException} subclass. Attempts are counted by the proxy.
 */
@DynamoDbLocalTest
class InjectedFaultsIT {
  private static final int ATTEMPTS = 3;

  private DynamoDbLocal local;
  private DynamoDbClient direct;
  private String table;
  private FaultProxy proxy;
  private final List<SdkAutoCloseable> clients = new ArrayList<>();

  @BeforeEach
  void setUp(DynamoDbLocal local, DynamoDbClient direct, TestTables tables) {
    this.local = local;
    this.direct = direct;
    this.table = tables.ensure(SeedTables.inventory()).name();
    this.proxy = FaultProxy.builder().target(local.endpoint()).seed(8).holdLimit(Duration.ofSeconds(5)).start();
  }

  @AfterEach
  void tearDown() {
    clients.forEach(SdkAutoCloseable::close);
    proxy.close();
  }

  @Test
  void provisionedThroughputExceeded_isRetriedByTheSdkThenSurfacesAsThrottlingException() {
    proxy.addRule(FaultRule.forOperation("PutItem").table(table).throttle(1.0));

    DdbkitException e = put(sync(standard()), "p1");

    assertThat(e).isInstanceOf(ThrottlingException.class);
    assertThat(e.errorCode()).isEqualTo("ProvisionedThroughputExceededException");
    assertThat(e.retryable()).isTrue();
    assertThat(e.operation()).hasValue("PutItem");
    assertThat(e.table()).hasValue(table);
    assertThat(e.requestId()).isPresent();
    assertThat(proxy.counters().requests("PutItem")).isEqualTo(ATTEMPTS);
    assertThat(stored("p1")).isFalse();
  }

  @Test
  void throttlingException_withTheDefaultAdaptiveStrategy_isBoundedByMaxAttempts() {
    proxy.addRule(FaultRule.forOperation("PutItem").throttlingException(1.0));

    DdbkitException e = put(sync(local.clientSettings().toBuilder().endpointOverride(proxy.endpoint()).build()), "p2");

    assertThat(e).isInstanceOf(ThrottlingException.class);
    assertThat(e.errorCode()).isEqualTo("ThrottlingException");
    assertThat(proxy.counters().requests("PutItem")).isEqualTo(ClientSettings.Defaults.MAX_ATTEMPTS);
  }

  @Test
  void serverErrors_500And503_areRetriedThenSurfaceAsTransientServiceException() {
    proxy.addRule(FaultRule.forOperation("PutItem").serverError(1.0));
    DdbkitException internal = put(sync(standard()), "s1");
    assertThat(internal).isInstanceOf(TransientServiceException.class);
    assertThat(internal.errorCode()).isEqualTo("InternalServerError");
    assertThat(internal.retryable()).isTrue();

    proxy.clearRules();
    proxy.addRule(FaultRule.forOperation("PutItem").serviceUnavailable(1.0));
    DdbkitException unavailable = put(sync(standard()), "s1");
    assertThat(unavailable).isInstanceOf(TransientServiceException.class);
    assertThat(unavailable.retryable()).isTrue();
    assertThat(proxy.counters().requests("PutItem")).isEqualTo(2 * ATTEMPTS);
    assertThat(stored("s1")).isFalse();
  }

  @Test
  void transientFaults_thenSuccess_writeTheItemOnce() {
    proxy.addRule(FaultRule.forOperation("PutItem").throttle(1.0).times(1));
    proxy.addRule(FaultRule.forOperation("PutItem").serviceUnavailable(1.0).times(1));

    sync(standard()).putItem(r -> r.tableName(table).item(item("ok")));

    assertThat(proxy.counters().requests("PutItem")).isEqualTo(3);
    assertThat(proxy.counters().forwarded("PutItem")).isEqualTo(1);
    assertThat(stored("ok")).isTrue();
  }

  @Test
  void heldResponses_timeOutEachAttemptThenSurfaceAsTransientServiceException() {
    proxy.addRule(FaultRule.forOperation("GetItem").timeout(1.0));
    ClientSettings settings = standard().toBuilder()
        .apiCallAttemptTimeout(Duration.ofMillis(300)).apiCallTimeout(Duration.ofSeconds(10)).build();

    DdbkitException e = get(sync(settings), "t1");

    assertThat(e).isInstanceOf(TransientServiceException.class);
    assertThat(e.errorCode()).isEqualTo("Timeout");
    assertThat(proxy.counters().injected(FaultKind.TIMEOUT, "GetItem")).isEqualTo(ATTEMPTS);
    assertThat(proxy.counters().forwarded("GetItem")).isZero();
  }

  @Test
  void droppedConnections_areRetriedThenSurfaceAsTransientServiceException() {
    proxy.addRule(FaultRule.forOperation("GetItem").dropConnection(1.0));

    DdbkitException e = get(sync(standard()), "d1");

    assertThat(e).isInstanceOf(TransientServiceException.class);
    assertThat(e.errorCode()).isEqualTo("ConnectionFailure");
    assertThat(proxy.counters().requests("GetItem")).isEqualTo(ATTEMPTS);
  }

  @Test
  void nonRetryableError_isAttemptedExactlyOnce() {
    proxy.addRule(FaultRule.forOperation("PutItem")
        .inject(Fault.error(400, "ValidationException", "One or more parameter values were invalid"), 1.0));

    DdbkitException e = put(sync(standard()), "v1");

    assertThat(e).isInstanceOf(ValidationException.class);
    assertThat(e.retryable()).isFalse();
    assertThat(proxy.counters().requests("PutItem")).isEqualTo(1);
  }

  @Test
  void realConditionalFailure_throughTheProxy_isAttemptedExactlyOnce() {
    direct.putItem(r -> r.tableName(table).item(item("c1")));
    DdbkitException e = capture(() -> sync(standard()).putItem(r -> r.tableName(table).item(item("c1"))
        .conditionExpression("attribute_not_exists(product_id)")), "PutItem");

    assertThat(e).isInstanceOf(dev.ddbkit.core.error.ConditionalCheckFailedException.class);
    assertThat(proxy.counters().requests("PutItem")).isEqualTo(1);
    assertThat(proxy.counters().injected()).isZero();
  }

  @Test
  void transactionConflict_isACancellationWithTheReasonAtItsIndex_notRetriedByTheSdk() {
    proxy.addRule(FaultRule.forOperation("TransactWriteItems").inject(Fault.transactionConflictAt(1), 1.0));

    DdbkitException e = capture(() -> sync(standard()).transactWriteItems(t -> t.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(table).item(item("x0"))).build(),
        TransactWriteItem.builder().put(p -> p.tableName(table).item(item("x1"))).build(),
        TransactWriteItem.builder().put(p -> p.tableName(table).item(item("x2"))).build())),
        "TransactWriteItems");

    assertThat(e).isInstanceOf(TransactionCanceledException.class);
    TransactionCanceledException cancelled = (TransactionCanceledException) e;
    assertThat(cancelled.reasons()).extracting(r -> r.code()).containsExactly("None", "TransactionConflict", "None");
    assertThat(cancelled.failedReasons()).singleElement().satisfies(r -> assertThat(r.index()).isEqualTo(1));
    assertThat(cancelled.retryable()).isTrue();
    assertThat(proxy.counters().requests("TransactWriteItems")).isEqualTo(1);
    assertThat(stored("x0")).isFalse();
    assertThat(stored("x2")).isFalse();
  }

  @Test
  void conflictOnASingleWrite_isTransactionConflictException() {
    proxy.addRule(FaultRule.forOperation("UpdateItem").transactionConflict(1.0));

    DdbkitException e = capture(() -> sync(standard()).updateItem(u -> u.tableName(table).key(key("u1"))
        .updateExpression("SET stock = :s").expressionAttributeValues(Map.of(":s", AttributeValue.fromN("1")))),
        "UpdateItem");

    assertThat(e).isInstanceOf(TransactionConflictException.class);
    assertThat(stored("u1")).isFalse();
  }

  @Test
  void asyncClient_seesTheSameTypedErrorAfterTheSameAttempts() {
    proxy.addRule(FaultRule.forOperation("PutItem").throttle(1.0));
    DynamoDbAsyncClient async = DdbkitClients.newAsyncClient(standard());
    clients.add(async);

    DdbkitException e = capture(() -> async.putItem(r -> r.tableName(table).item(item("a1"))).join(), "PutItem");

    assertThat(e).isInstanceOf(ThrottlingException.class);
    assertThat(proxy.counters().requests("PutItem")).isEqualTo(ATTEMPTS);
  }

  private ClientSettings standard() {
    return local.clientSettings().toBuilder()
        .endpointOverride(proxy.endpoint())
        .retryMode(ClientSettings.RetryMode.STANDARD)
        .maxAttempts(ATTEMPTS)
        .build();
  }

  private DynamoDbClient sync(ClientSettings settings) {
    DynamoDbClient c = DdbkitClients.newSyncClient(settings);
    clients.add(c);
    return c;
  }

  private DdbkitException put(DynamoDbClient client, String id) {
    return capture(() -> client.putItem(r -> r.tableName(table).item(item(id))), "PutItem");
  }

  private DdbkitException get(DynamoDbClient client, String id) {
    return capture(() -> client.getItem(r -> r.tableName(table).key(key(id))), "GetItem");
  }

  private DdbkitException capture(Runnable call, String operation) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return DdbkitErrors.translate(e, operation, table);
    }
    throw new AssertionError(operation + " succeeded but a fault was expected");
  }

  private boolean stored(String id) {
    return direct.getItem(r -> r.tableName(table).key(key(id)).consistentRead(true)).hasItem();
  }

  private static Map<String, AttributeValue> item(String id) {
    return Map.of("product_id", AttributeValue.fromS(id), "stock", AttributeValue.fromN("5"));
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("product_id", AttributeValue.fromS(id));
  }
}
