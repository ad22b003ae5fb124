package dev.ddbkit.integration.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrdersRepository;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestClock;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.transactions.DdbkitTransactions;
import dev.ddbkit.transactions.OrderResult;
import dev.ddbkit.transactions.TransferResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Issue 13, points 1-3: tokens scoped to their tables, {@code replayed} true for every send but the one that
 * applied the operation, and one {@code createdAt} per order. Every outcome is read back through the plain
 * client.
 */
@DynamoDbLocalTest
class TruthfulOutcomesIT {
  private static final int SENDERS = 8;
  private static final int ROUNDS = 5;
  /** A fixed clock: every send of one operation is stamped alike, down to the nanosecond. */
  private static final Instant FIXED = Instant.parse("2030-06-01T12:00:52.734182323Z");

  private DynamoDbClient client;
  private Fixture db;
  private DdbkitTransactions tx;

  @BeforeEach
  void setUp(DynamoDbClient client, TestTables tables) {
    this.client = client;
    db = new Fixture(client, tables);
    tx = DdbkitTransactions.create(client, db.settings(TestClock.at(FIXED)));
  }

  // ---------------------------------------------------------------- 1. tokens scoped to their tables

  @Test
  void sameOperationId_onTwoIndependentTableSets_isAppliedInEachAndInterferesWithNeither() {
    try (TestTables otherTables = new TestTables(client)) {
      Fixture other = new Fixture(client, otherTables);
      DdbkitTransactions otherTx = DdbkitTransactions.create(client, other.settings(TestClock.at(FIXED)));
      db.account("alice", 1_000);
      db.account("bob", 0);
      other.account("alice", 1_000);
      other.account("bob", 0);
      db.stock("sku-1", 5);
      other.stock("sku-1", 5);
      String orderId = tx.newOrderId();

      TransferResult here = tx.transferCredits("op-1", "alice", "bob", 100);
      TransferResult there = otherTx.transferCredits("op-1", "alice", "bob", 100);
      OrderResult orderHere = tx.processOrder(o -> o.operationId("op-1").customerId("c-1").orderId(orderId).line("sku-1", 2));
      OrderResult orderThere = otherTx.processOrder(o -> o.operationId("op-1").customerId("c-1").orderId(orderId).line("sku-1", 2));

      assertThat(here).isEqualTo(new TransferResult.Transferred("op-1", "alice", "bob", 100, false));
      assertThat(there).isEqualTo(new TransferResult.Transferred("op-1", "alice", "bob", 100, false));
      assertThat(orderHere).isInstanceOfSatisfying(OrderResult.Confirmed.class, c -> assertThat(c.replayed()).isFalse());
      assertThat(orderThere).isInstanceOfSatisfying(OrderResult.Confirmed.class, c -> assertThat(c.replayed()).isFalse());
      for (Fixture f : List.of(db, other)) {
        assertThat(f.balance("alice")).isEqualTo(900);
        assertThat(f.balance("bob")).isEqualTo(100);
        assertThat(f.quantity("sku-1")).hasValue(3);
        assertThat(f.order("c-1", orderId)).isNotEmpty();
      }
      // the same operation on the same tables is still a replay
      assertThat(otherTx.transferCredits("op-1", "alice", "bob", 100))
          .isEqualTo(new TransferResult.Transferred("op-1", "alice", "bob", 100, true));
      assertThat(other.balance("alice")).isEqualTo(900);
    }
  }

  @Test
  void sameOperationId_onTablesSharingOneIdempotencyTable_isAppliedOnEach() {
    try (TestTables otherTables = new TestTables(client)) {
      Fixture other = new Fixture(client, otherTables);
      DdbkitTransactions otherTx = DdbkitTransactions.create(client,
          other.settings(TestClock.at(FIXED)).toBuilder().idempotencyTable(db.idempotency).build());
      db.account("alice", 1_000);
      db.account("bob", 0);
      other.account("alice", 1_000);
      other.account("bob", 0);

      assertThat(replayed(tx.transferCredits("op-shared", "alice", "bob", 10))).isFalse();
      assertThat(replayed(otherTx.transferCredits("op-shared", "alice", "bob", 10))).isFalse();

      assertThat(db.balance("bob")).isEqualTo(10);
      assertThat(other.balance("bob")).isEqualTo(10);
      assertThat(db.count(db.idempotency)).isEqualTo(2);
    }
  }

  // ---------------------------------------------------------------- 2. replayed tells the truth

  @Test
  void identicalSendsInTheSameMillisecond_firstAppliesAndSecondIsAReplay() {
    db.account("alice", 1_000);
    db.account("bob", 0);

    TransferResult first = tx.transferCredits("op-same-ms", "alice", "bob", 10);
    TransferResult second = tx.transferCredits("op-same-ms", "alice", "bob", 10);

    assertThat(replayed(first)).isFalse();
    assertThat(replayed(second)).isTrue();
    assertThat(db.balance("bob")).isEqualTo(10);
  }

  @Test
  void concurrentSendsOfOneTransfer_exactlyOneReportsApplying_inEveryRound() throws Exception {
    db.account("alice", 1_000_000);
    db.account("bob", 0);
    for (int round = 0; round < ROUNDS; round++) {
      String op = "op-concurrent-" + round;
      List<TransferResult> results = concurrently(() -> tx.transferCredits(op, "alice", "bob", 7));

      assertThat(results).hasSize(SENDERS).allSatisfy(r -> assertThat(r).isInstanceOf(TransferResult.Transferred.class));
      assertThat(results.stream().filter(r -> !replayed(r)).count()).as("round %d", round).isEqualTo(1);
      assertThat(db.balance("bob")).isEqualTo(7L * (round + 1));
    }
    assertThat(db.balance("alice")).isEqualTo(1_000_000 - 7L * ROUNDS);
  }

  @Test
  void concurrentSendsOfOneOrder_exactlyOneReportsApplying_inEveryRound() throws Exception {
    db.stock("sku-1", 1_000);
    for (int round = 0; round < ROUNDS; round++) {
      String orderId = "ORD_" + FIXED.toEpochMilli() + "_0000000" + round;
      List<OrderResult> results = concurrently(() -> tx.processOrder(o -> o.customerId("c-1").orderId(orderId)
          .line("sku-1", 3)));

      assertThat(results).hasSize(SENDERS).allSatisfy(r -> assertThat(r).isInstanceOf(OrderResult.Confirmed.class));
      assertThat(results.stream().filter(r -> !((OrderResult.Confirmed) r).replayed()).count()).as("round %d", round)
          .isEqualTo(1);
      assertThat(db.quantity("sku-1")).hasValue(1_000 - 3L * (round + 1));
    }
  }

  // ---------------------------------------------------------------- 3. one order, one createdAt

  @Test
  void confirmedCreatedAt_equalsWhatEveryLaterReadAndReplaySays() {
    db.stock("sku-1", 10);
    String orderId = tx.newOrderId();

    OrderResult.Confirmed fresh = (OrderResult.Confirmed) tx.processOrder(o -> o.customerId("c-3").orderId(orderId)
        .line("sku-1", 1));
    OrderResult.Confirmed replay = (OrderResult.Confirmed) tx.processOrder(o -> o.customerId("c-3").orderId(orderId)
        .line("sku-1", 1));
    Order read = OrdersRepository.builder().client(client).tableName(db.orders).cursorKey(new byte[32]).build()
        .get("c-3", orderId).orElseThrow();

    assertThat(fresh.createdAt()).isEqualTo(Instant.parse("2030-06-01T12:00:52.734Z"))
        .isEqualTo(read.createdAt()).isEqualTo(replay.createdAt());
    assertThat(fresh.replayed()).isFalse();
    assertThat(replay.replayed()).isTrue();
    assertThat(db.order("c-3", orderId).get("created_at").s()).isEqualTo("2030-06-01T12:00:52.734Z");
  }

  private static boolean replayed(TransferResult r) {
    assertThat(r).isInstanceOf(TransferResult.Transferred.class);
    return ((TransferResult.Transferred) r).replayed();
  }

  private static <R> List<R> concurrently(Supplier<R> send) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
    try {
      CyclicBarrier start = new CyclicBarrier(SENDERS);
      List<Future<R>> futures = new ArrayList<>();
      for (int i = 0; i < SENDERS; i++) {
        futures.add(pool.submit(() -> {
          start.await(1, TimeUnit.MINUTES);
          return send.get();
        }));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> f : futures) {
        results.add(f.get(2, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
