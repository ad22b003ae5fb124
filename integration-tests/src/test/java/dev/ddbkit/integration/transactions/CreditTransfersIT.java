package dev.ddbkit.integration.transactions;

import dev.ddbkit.testkit.TestClock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.IdempotentParameterMismatchException;
import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.transactions.DdbkitTransactions;
import dev.ddbkit.transactions.IdempotencyTable;
import dev.ddbkit.transactions.TransferResult;
import dev.ddbkit.transactions.internal.TransferPlan;
import dev.ddbkit.transactions.TransferRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoDbLocalTest
class CreditTransfersIT {
  private Fixture db;
  private DdbkitTransactions tx;

  @BeforeEach
  void setUp(DynamoDbClient client, TestTables tables) {
    db = new Fixture(client, tables);
    tx = DdbkitTransactions.create(client, db.settings(TestClock.ticking(Instant.parse("2030-06-01T12:00:00Z"), Duration.ofMillis(1))));
    db.account("alice", 1_000);
    db.account("bob", 50);
  }

  @Test
  void transfer_withEnoughFunds_movesTheAmountBothWays() {
    TransferResult r = tx.transferCredits("op-1", "alice", "bob", 300);

    assertThat(r).isEqualTo(new TransferResult.Transferred("op-1", "alice", "bob", 300, false));
    assertThat(db.balance("alice")).isEqualTo(700);
    assertThat(db.balance("bob")).isEqualTo(350);
    Map<String, AttributeValue> alice = db.item(db.accounts, Map.of("account_id", AttributeValue.fromS("alice")));
    assertThat(alice.get("updated_at").s()).matches("2030-06-01T12:00:00\\.\\d{3}Z");
    assertThat(db.count(db.idempotency)).isEqualTo(1);
  }

  @Test
  void transfer_overTheBalance_isInsufficientFundsAndWritesNothing() {
    TransferResult r = tx.transferCredits("op-2", "bob", "alice", 51);

    assertThat(r).isEqualTo(new TransferResult.InsufficientFunds("op-2", "bob", 51, 50));
    assertThat(db.balance("bob")).isEqualTo(50);
    assertThat(db.balance("alice")).isEqualTo(1_000);
    assertThat(db.count(db.idempotency)).isZero();
  }

  @Test
  void transfer_fromAnUnknownAccount_isUnknownSourceNotInsufficientFunds() {
    TransferResult r = tx.transferCredits("op-3", "nobody", "alice", 1);

    assertThat(r).isEqualTo(new TransferResult.UnknownSourceAccount("op-3", "nobody"));
    assertThat(db.balance("alice")).isEqualTo(1_000);
    assertThat(db.balances()).doesNotContainKey("nobody");
  }

  @Test
  void transfer_toAnUnknownAccount_isUnknownTargetAndNeitherDebitsNorCreatesIt() {
    TransferResult r = tx.transferCredits("op-4", "alice", "nobody", 10);

    assertThat(r).isEqualTo(new TransferResult.UnknownTargetAccount("op-4", "nobody"));
    assertThat(db.balance("alice")).isEqualTo(1_000);
    assertThat(db.balances()).containsOnlyKeys("alice", "bob");
  }

  @Test
  void transfer_zeroNegativeOrToSameAccount_isRejectedBeforeAnyWrite() {
    assertThatThrownBy(() -> tx.transferCredits("op-5", "alice", "bob", 0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> tx.transferCredits("op-6", "alice", "bob", -100))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("never moves money backwards");
    assertThatThrownBy(() -> tx.transferCredits("op-7", "alice", "alice", 10))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("same account");

    assertThat(db.balances()).containsEntry("alice", 1_000L).containsEntry("bob", 50L);
    assertThat(db.count(db.idempotency)).isZero();
  }

  @Test
  void sameTransferSentTwiceWithOneOperationId_movesMoneyOnce() {
    TransferResult first = tx.transferCredits("op-twice", "alice", "bob", 200);
    // the caller lost the response and sends the same operation again (with a later updated_at)
    TransferResult second = tx.transferCredits("op-twice", "alice", "bob", 200);

    assertThat(first).isEqualTo(new TransferResult.Transferred("op-twice", "alice", "bob", 200, false));
    assertThat(second).isEqualTo(new TransferResult.Transferred("op-twice", "alice", "bob", 200, true));
    assertThat(db.balance("alice")).isEqualTo(800);
    assertThat(db.balance("bob")).isEqualTo(250);
  }

  @Test
  void operationIdReusedForADifferentTransfer_isIdempotentParameterMismatchAndWritesNothing() {
    tx.transferCredits("op-reuse", "alice", "bob", 200);

    assertThatThrownBy(() -> tx.transferCredits("op-reuse", "alice", "bob", 201))
        .isInstanceOf(IdempotentParameterMismatchException.class)
        .hasMessageContaining("op-reuse");
    assertThat(db.balance("alice")).isEqualTo(800);
    assertThat(db.balance("bob")).isEqualTo(250);
  }

  @Test
  void operationIdRecordedLongAgo_afterDynamoDbForgotItsToken_isAReplayThatWritesNothing() {
    // the record a transfer wrote more than 10 minutes ago: DynamoDB no longer knows the token, the record does
    TransferRequest request = TransferRequest.of("op-old", "alice", "bob", 75);
    db.client.putItem(p -> p.tableName(db.idempotency).item(Map.of(
        IdempotencyTable.KEY, AttributeValue.fromS(TransferPlan.of(request, tx.settings(), Instant.EPOCH).recordKey()),
        "operation", AttributeValue.fromS(TransferPlan.OPERATION),
        "fingerprint", AttributeValue.fromS(TransferPlan.fingerprint(request)),
        "created_at", AttributeValue.fromS("2024-05-01T00:00:00.000Z"),
        "expires_at", AttributeValue.fromN("1999999999"))));

    TransferResult r = tx.transferCredits(request);

    assertThat(r).isEqualTo(new TransferResult.Transferred("op-old", "alice", "bob", 75, true));
    assertThat(db.balance("alice")).isEqualTo(1_000);
    assertThat(db.balance("bob")).isEqualTo(50);
    assertThatThrownBy(() -> tx.transferCredits("op-old", "alice", "bob", 76))
        .isInstanceOf(IdempotentParameterMismatchException.class);
  }

  @Test
  void concurrentRandomTransfers_keepTheTotalNeverGoNegativeAndMatchTheLedger() throws Exception {
    int accounts = 20;
    long initial = 500;
    for (int i = 0; i < accounts; i++) {
      db.account("acct-" + i, initial);
    }
    ConcurrentLinkedQueue<TransferResult> outcomes = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong negativeSeen = new AtomicLong();
    AtomicLong scans = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      Future<?> watcher = pool.submit(() -> {
        while (running.get()) {
          db.balances().values().stream().filter(b -> b < 0).forEach(b -> negativeSeen.incrementAndGet());
          scans.incrementAndGet();
        }
      });
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        workers.add(pool.submit(() -> {
          Random random = new Random(1_000 + thread);
          for (int i = 0; i < 500; i++) {
            int from = random.nextInt(accounts);
            int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
            long amount = 1 + random.nextInt(400);
            outcomes.add(tx.transferCredits("t" + thread + "-" + i, "acct-" + from, "acct-" + to, amount));
          }
        }));
      }
      for (Future<?> w : workers) {
        w.get(5, TimeUnit.MINUTES);
      }
      running.set(false);
      watcher.get(1, TimeUnit.MINUTES);
    } finally {
      running.set(false);
      pool.shutdownNow();
    }

    Map<String, Long> ledger = new HashMap<>();
    for (int i = 0; i < accounts; i++) {
      ledger.put("acct-" + i, initial);
    }
    long transferred = 0;
    long insufficient = 0;
    for (TransferResult r : outcomes) {
      if (r instanceof TransferResult.Transferred t) {
        assertThat(t.replayed()).isFalse();
        ledger.merge(t.fromAccount(), -t.amount(), Long::sum);
        ledger.merge(t.toAccount(), t.amount(), Long::sum);
        transferred++;
      } else if (r instanceof TransferResult.InsufficientFunds f) {
        assertThat(f.available()).isLessThan(f.requested()).isNotNegative();
        insufficient++;
      } else {
        throw new AssertionError("unexpected outcome " + r);
      }
    }
    Map<String, Long> finalBalances = db.balances();
    finalBalances.remove("alice");
    finalBalances.remove("bob");
    assertThat(outcomes).hasSize(2_000);
    assertThat(transferred).isPositive();
    assertThat(insufficient).isPositive();
    assertThat(finalBalances).isEqualTo(ledger);
    assertThat(finalBalances.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(accounts * initial);
    assertThat(finalBalances.values()).allMatch(b -> b >= 0);
    assertThat(scans.get()).isPositive();
    assertThat(negativeSeen.get()).isZero();
    assertThat(db.count(db.idempotency)).isEqualTo(transferred);
  }
}
