package dev.ddbkit.integration.transactions;

import dev.ddbkit.testkit.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.error.IdempotentParameterMismatchException;
import dev.ddbkit.core.error.TransactionCanceledException;
import dev.ddbkit.core.error.TransientServiceException;
import dev.ddbkit.core.retry.RetrySettings;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.testkit.fault.Fault;
import dev.ddbkit.testkit.fault.FaultKind;
import dev.ddbkit.testkit.fault.FaultProxy;
import dev.ddbkit.testkit.fault.FaultRule;
import dev.ddbkit.transactions.DdbkitTransactions;
import dev.ddbkit.transactions.OperationOutcomeUnknownException;
import dev.ddbkit.transactions.OrderResult;
import dev.ddbkit.transactions.TransactionSettings;
import dev.ddbkit.transactions.TransferResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Transaction conflicts, which DynamoDB Local never raises, and lost responses, injected by the test kit's
 * {@link FaultProxy} between the SDK and DynamoDB Local.
 */
@DynamoDbLocalTest
class TransactionFaultsIT {
  private static final String TRANSACT = "TransactWriteItems";

  private Fixture db;
  private FaultProxy proxy;
  private DynamoDbClient viaProxy;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp(DynamoDbClient client, TestTables tables, DynamoDbLocal local) {
    db = new Fixture(client, tables);
    db.account("alice", 1_000);
    db.account("bob", 0);
    db.stock("sku-1", 5);
    proxy = FaultProxy.builder().target(local.endpoint()).seed(6).holdLimit(Duration.ofSeconds(5)).start();
    // SDK retries off: every attempt seen by the proxy is one of ddbkit's own
    viaProxy = DdbkitClients.newSyncClient(local.clientSettings().toBuilder()
        .endpointOverride(proxy.endpoint())
        .retryMode(ClientSettings.RetryMode.NONE)
        .build());
  }

  @AfterEach
  void tearDown() {
    viaProxy.close();
    proxy.close();
  }

  @Test
  void transactionConflicts_areRetriedWithBackoffUntilTheTransferCommits() {
    proxy.addRule(FaultRule.forOperation(TRANSACT).transactionConflict(1.0).times(3));
    DdbkitTransactions tx = transactions(6);

    TransferResult r = tx.transferCredits("op-conflict", "alice", "bob", 100);

    assertThat(r).isEqualTo(new TransferResult.Transferred("op-conflict", "alice", "bob", 100, false));
    assertThat(proxy.counters().injected(FaultKind.TRANSACTION_CONFLICT, TRANSACT)).isEqualTo(3);
    assertThat(proxy.counters().requests(TRANSACT)).isEqualTo(4);
    assertThat(sleeps).hasSize(3);
    for (int i = 0; i < sleeps.size(); i++) {
      // full jitter under an exponential ceiling: base 5 ms, doubling
      assertThat(sleeps.get(i)).isLessThanOrEqualTo(Duration.ofMillis(5L << i));
    }
    assertThat(tx.retry().retry().getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt()).isEqualTo(1);
    assertThat(db.balance("alice")).isEqualTo(900);
    assertThat(db.balance("bob")).isEqualTo(100);
  }

  @Test
  void transactionConflicts_onAnOrder_areRetriedUntilItIsConfirmed() {
    proxy.addRule(FaultRule.forOperation(TRANSACT).transactionConflict(1.0).times(2));
    DdbkitTransactions tx = transactions(6);

    OrderResult r = tx.processOrder(o -> o.customerId("c").orderId("ORD_1700000000000_00000001").line("sku-1", 2));

    assertThat(r).isInstanceOf(OrderResult.Confirmed.class);
    assertThat(proxy.counters().requests(TRANSACT)).isEqualTo(3);
    assertThat(db.quantity("sku-1")).hasValue(3);
  }

  @Test
  void transactionConflicts_beyondTheAttempts_surfaceAsRetryableCancellationAndWriteNothing() {
    proxy.addRule(FaultRule.forOperation(TRANSACT).transactionConflict(1.0));
    DdbkitTransactions tx = transactions(3);

    assertThatThrownBy(() -> tx.transferCredits("op-give-up", "alice", "bob", 100))
        .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.failedReasons()).extracting(reason -> reason.code()).containsOnly("TransactionConflict");
        });
    assertThat(proxy.counters().requests(TRANSACT)).isEqualTo(3);
    assertThat(db.balance("alice")).isEqualTo(1_000);
  }

  @Test
  void throttling_isRetriedWithBackoffUntilTheTransferCommits() {
    proxy.addRule(FaultRule.forOperation(TRANSACT).throttle(1.0).times(2));
    DdbkitTransactions tx = transactions(6);

    TransferResult r = tx.transferCredits("op-throttled", "alice", "bob", 10);

    assertThat(r).isInstanceOf(TransferResult.Transferred.class);
    assertThat(proxy.counters().requests(TRANSACT)).isEqualTo(3);
    assertThat(sleeps).hasSize(2);
    assertThat(db.balance("bob")).isEqualTo(10);
  }

  @Test
  void conditionalFailures_areNeverRetried_evenWhenRetryOnAcceptsEverything() {
    TransactionSettings base = db.settings(TestClock.ticking(Instant.parse("2030-06-01T12:00:00Z"), Duration.ofMillis(1)));
    RetrySettings retryAll = base.retry().toBuilder().maxAttempts(6).sleeper(sleeps::add).retryOn(e -> true).build();
    DdbkitTransactions tx = DdbkitTransactions.create(viaProxy, base.toBuilder().retry(retryAll).build());

    TransferResult r = tx.transferCredits("op-poor", "bob", "alice", 1);

    assertThat(r).isInstanceOf(TransferResult.InsufficientFunds.class);
    OrderResult order = tx.processOrder(o -> o.customerId("c").orderId("ORD_1700000000000_00000b19").line("sku-1", 6));
    assertThat(order).isInstanceOf(OrderResult.InsufficientStock.class);
    assertThat(proxy.counters().requests(TRANSACT)).isEqualTo(2);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void lostResponse_isRetriedWithTheSameTokenAndMovesMoneyOnce() {
    proxy.addRule(FaultRule.forOperation(TRANSACT).inject(Fault.dropConnectionAfterForwarding(), 1.0).times(1));
    DdbkitTransactions tx = transactions(4);

    TransferResult r = tx.transferCredits("op-lost", "alice", "bob", 250);

    assertThat(r).isInstanceOf(TransferResult.Transferred.class);
    assertThat(proxy.counters().forwarded(TRANSACT)).isEqualTo(2);
    assertThat(db.balance("alice")).isEqualTo(750);
    assertThat(db.balance("bob")).isEqualTo(250);
  }

  @Test
  void lostResponse_thenTheCallerRetriesLater_movesMoneyOnce() {
    proxy.addRule(FaultRule.forOperation(TRANSACT).inject(Fault.dropConnectionAfterForwarding(), 1.0).times(1));
    DdbkitTransactions tx = transactions(1);

    assertThatThrownBy(() -> tx.transferCredits("op-caller", "alice", "bob", 250))
        .isInstanceOf(TransientServiceException.class);
    TransferResult again = tx.transferCredits("op-caller", "alice", "bob", 250);

    assertThat(again).isEqualTo(new TransferResult.Transferred("op-caller", "alice", "bob", 250, true));
    assertThat(db.balance("alice")).isEqualTo(750);
    assertThat(db.balance("bob")).isEqualTo(250);
  }

  @Test
  void tokenMismatch_withoutARecord_isRetryableOutcomeUnknown_andTheSameOperationLaterApplies() {
    // as when an earlier attempt is still in flight: DynamoDB reports the token used, no record exists yet
    proxy.addRule(FaultRule.forOperation(TRANSACT).inject(Fault.error(400, "IdempotentParameterMismatchException",
        "Request token mismatch"), 1.0).times(1));
    DdbkitTransactions tx = transactions(4);

    assertThatThrownBy(() -> tx.transferCredits("op-in-flight", "alice", "bob", 300))
        .isInstanceOfSatisfying(OperationOutcomeUnknownException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.getMessage()).contains("op-in-flight").contains("same operation id");
          assertThat(e.getCause()).isInstanceOf(IdempotentParameterMismatchException.class);
        });
    // the record was re-read after short waits before giving up
    assertThat(proxy.counters().requests("GetItem")).isEqualTo(4);
    assertThat(sleeps).hasSize(3);
    assertThat(db.balance("alice")).isEqualTo(1_000);

    TransferResult again = tx.transferCredits("op-in-flight", "alice", "bob", 300);

    assertThat(again).isEqualTo(new TransferResult.Transferred("op-in-flight", "alice", "bob", 300, false));
    assertThat(db.balance("alice")).isEqualTo(700);
    assertThat(db.balance("bob")).isEqualTo(300);
  }

  @Test
  void tokenMismatch_whoseRecordAppearsWhileReReading_isTheReplay() {
    // the first attempt commits behind the proxy's back; the caller's attempt is told the token is used
    DdbkitTransactions direct = DdbkitTransactions.create(db.client,
        db.settings(TestClock.ticking(Instant.parse("2030-06-01T11:59:00Z"), Duration.ofMillis(1))));
    proxy.addRule(FaultRule.forOperation(TRANSACT).inject(Fault.error(400, "IdempotentParameterMismatchException",
        "Request token mismatch"), 1.0).times(1));
    DdbkitTransactions tx = transactions(4);
    direct.transferCredits("op-raced", "alice", "bob", 40);

    TransferResult r = tx.transferCredits("op-raced", "alice", "bob", 40);

    assertThat(r).isEqualTo(new TransferResult.Transferred("op-raced", "alice", "bob", 40, true));
    assertThat(db.balance("alice")).isEqualTo(960);
  }

  private DdbkitTransactions transactions(int attempts) {
    TransactionSettings base = db.settings(TestClock.ticking(Instant.parse("2030-06-01T12:00:00Z"), Duration.ofMillis(1)));
    RetrySettings retry = base.retry().toBuilder().maxAttempts(attempts).sleeper(sleeps::add).build();
    return DdbkitTransactions.create(viaProxy, base.toBuilder().retry(retry).build());
  }
}
