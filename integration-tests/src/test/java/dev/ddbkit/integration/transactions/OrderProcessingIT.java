package dev.ddbkit.integration.transactions;

import dev.ddbkit.testkit.TestClock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.IdempotentParameterMismatchException;
import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrderKey;
import dev.ddbkit.orders.OrderStatus;
import dev.ddbkit.orders.OrdersRepository;
import dev.ddbkit.orders.Page;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.transactions.DdbkitTransactions;
import dev.ddbkit.transactions.OrderLine;
import dev.ddbkit.transactions.OrderRequest;
import dev.ddbkit.transactions.OrderResult;
import dev.ddbkit.transactions.Shortage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
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
class OrderProcessingIT {
  private Fixture db;
  private DdbkitTransactions tx;

  /** Order {@code n}'s id in the orders layout, created when the test clock starts. */
  static String id(int n) {
    return "ORD_" + Instant.parse("2030-06-01T12:00:00Z").toEpochMilli() + "_" + String.format("%08x", n);
  }

  @BeforeEach
  void setUp(DynamoDbClient client, TestTables tables) {
    db = new Fixture(client, tables);
    tx = DdbkitTransactions.create(client, db.settings(TestClock.ticking(Instant.parse("2030-06-01T12:00:00Z"), Duration.ofMillis(1))));
    db.stock("sku-1", 10);
    db.stock("sku-2", 3);
    db.stock("sku-3", 0);
  }

  @Test
  void order_withStock_isConfirmedDecrementsStockAndWritesTheSeedsOrderLayout() {
    OrderResult r = tx.processOrder(o -> o.customerId("cust-1").orderId(id(1)).line("sku-1", 4).line("sku-2", 3));

    assertThat(r).isInstanceOf(OrderResult.Confirmed.class);
    OrderResult.Confirmed c = (OrderResult.Confirmed) r;
    assertThat(c.replayed()).isFalse();
    assertThat(c.lines()).containsExactly(OrderLine.of("sku-1", 4), OrderLine.of("sku-2", 3));
    assertThat(db.quantity("sku-1")).hasValue(6);
    assertThat(db.quantity("sku-2")).hasValue(0);
    Map<String, AttributeValue> order = db.order("cust-1", id(1));
    assertThat(order).containsOnlyKeys("customer_id", "order_id", "items", "status", "order_date", "created_at",
        "expires_at");
    assertThat(order.get("order_date").s()).isEqualTo("2030-06-01");
    // 730 days of seconds after created_at, as the orders module's default TTL
    assertThat(order.get("expires_at").n()).isEqualTo(Long.toString(Instant.parse("2030-06-01T12:00:00Z")
        .plus(Duration.ofDays(730)).getEpochSecond()));
    assertThat(order.get("status").s()).isEqualTo("confirmed");
    assertThat(order.get("created_at").s()).isEqualTo("2030-06-01T12:00:00.000Z");
    assertThat(order.get("items").l()).extracting(v -> v.m().get("productId").s() + "x" + v.m().get("quantity").n())
        .containsExactly("sku-1x4", "sku-2x3");
    Map<String, AttributeValue> stock = db.item(db.inventory, Map.of("product_id", AttributeValue.fromS("sku-1")));
    assertThat(stock.get("updated_at").s()).isEqualTo("2030-06-01T12:00:00.000Z");
  }

  @Test
  void confirmedOrder_isFoundByTheOrdersRepositorysDateAndStatusQueries() {
    tx.processOrder(o -> o.customerId("cust-7").orderId(id(7)).line("sku-1", 1));
    OrdersRepository orders = OrdersRepository.builder().client(db.client).tableName(db.orders)
        .cursorKey(new byte[32]).consistentReads(false).build();

    Page<Order> onTheDay = orders.byDate(LocalDate.parse("2030-06-01"));
    Page<OrderKey> confirmed = orders.keysByStatus(OrderStatus.CONFIRMED, q -> q.pageSize(10));

    assertThat(onTheDay.items()).extracting(Order::key).containsExactly(OrderKey.of("cust-7", id(7)));
    assertThat(onTheDay.items().get(0).status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(onTheDay.items().get(0).expiresAt())
        .hasValue(Instant.parse("2030-06-01T12:00:00Z").plus(Duration.ofDays(730)));
    assertThat(confirmed.items()).containsExactly(OrderKey.of("cust-7", id(7)));
  }

  @Test
  void order_shortOnSeveralProducts_namesEveryShortProductAndWritesNothing() {
    OrderResult r = tx.processOrder(o -> o.customerId("cust-1").orderId(id(2))
        .line("sku-1", 2).line("sku-2", 4).line("sku-3", 1).line("sku-missing", 1));

    assertThat(r).isEqualTo(new OrderResult.InsufficientStock("cust-1", id(2), List.of(
        new Shortage("sku-2", 4, 3, true),
        new Shortage("sku-3", 1, 0, true),
        new Shortage("sku-missing", 1, 0, false))));
    assertThat(db.quantity("sku-1")).hasValue(10);
    assertThat(db.quantity("sku-missing")).isEmpty();
    assertThat(db.order("cust-1", id(2))).isEmpty();
    assertThat(db.count(db.idempotency)).isZero();
  }

  @Test
  void order_whoseIdExists_isDuplicateNotOutOfStock() {
    tx.processOrder(o -> o.customerId("cust-1").orderId(id(3)).line("sku-1", 1));

    OrderResult r = tx.processOrder(o -> o.operationId("another-operation").customerId("cust-1").orderId(id(3))
        .line("sku-1", 1));

    assertThat(r).isEqualTo(new OrderResult.DuplicateOrder("cust-1", id(3)));
    assertThat(db.quantity("sku-1")).hasValue(9);
  }

  @Test
  void sameOrderSentTwice_isConfirmedOnceAndReportedAsReplay() {
    OrderRequest order = OrderRequest.builder().customerId("cust-1").orderId(id(4)).line("sku-1", 2).build();

    OrderResult first = tx.processOrder(order);
    OrderResult second = tx.processOrder(order);

    assertThat(first).isInstanceOfSatisfying(OrderResult.Confirmed.class, c -> assertThat(c.replayed()).isFalse());
    assertThat(second).isInstanceOfSatisfying(OrderResult.Confirmed.class, c -> {
      assertThat(c.replayed()).isTrue();
      assertThat(c.createdAt()).isEqualTo(((OrderResult.Confirmed) first).createdAt());
    });
    assertThat(db.quantity("sku-1")).hasValue(8);
  }

  @Test
  void ordersWhoseIdsJoinToTheSameTextWithHash_areBothConfirmedAndEachReplaysOnlyItself() {
    // customers "a#b" and "a" with one order id: their default operation ids must differ
    OrderRequest first = OrderRequest.builder().customerId("a#b").orderId(id(8)).line("sku-1", 1).build();
    OrderRequest second = OrderRequest.builder().customerId("a").orderId(id(8)).line("sku-1", 2).build();

    OrderResult r1 = tx.processOrder(first);
    OrderResult r2 = tx.processOrder(second);

    assertThat(first.operationId()).isNotEqualTo(second.operationId());
    assertThat(r1).isInstanceOfSatisfying(OrderResult.Confirmed.class, c -> assertThat(c.replayed()).isFalse());
    assertThat(r2).isInstanceOfSatisfying(OrderResult.Confirmed.class, c -> assertThat(c.replayed()).isFalse());
    assertThat(db.order("a#b", id(8))).isNotEmpty();
    assertThat(db.order("a", id(8))).isNotEmpty();
    assertThat(db.quantity("sku-1")).hasValue(7);
    assertThat(db.count(db.idempotency)).isEqualTo(2);
    // the same order again is still a replay, not a second decrement
    assertThat(tx.processOrder(o -> o.customerId("a").orderId(id(8)).line("sku-1", 2)))
        .isInstanceOfSatisfying(OrderResult.Confirmed.class, c -> assertThat(c.replayed()).isTrue());
    assertThat(db.quantity("sku-1")).hasValue(7);
  }

  @Test
  void orderOperationIdReusedWithOtherLines_isIdempotentParameterMismatch() {
    tx.processOrder(o -> o.customerId("cust-1").orderId(id(5)).line("sku-1", 2));

    assertThatThrownBy(() -> tx.processOrder(o -> o.customerId("cust-1").orderId(id(5)).line("sku-1", 3)))
        .isInstanceOf(IdempotentParameterMismatchException.class);
    assertThat(db.quantity("sku-1")).hasValue(8);
  }

  @Test
  void sameProductOnTwoLines_isMergedIntoOneDecrement() {
    OrderResult r = tx.processOrder(o -> o.customerId("cust-1").orderId(id(6)).line("sku-1", 2).line("sku-1", 5));

    assertThat(r).isInstanceOfSatisfying(OrderResult.Confirmed.class,
        c -> assertThat(c.lines()).containsExactly(OrderLine.of("sku-1", 7)));
    assertThat(db.quantity("sku-1")).hasValue(3);
    assertThat(db.order("cust-1", id(6)).get("items").l()).hasSize(1);
  }

  @Test
  void orderOfMoreThan98Products_isRejectedBeforeSendingNamingTheLimit() {
    OrderRequest.Builder b = OrderRequest.builder().customerId("cust-1").orderId(id(7));
    for (int i = 0; i < 99; i++) {
      b.line("bulk-" + i, 1);
    }
    OrderRequest order = b.build();

    assertThatThrownBy(() -> tx.processOrder(order))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("100 items per transaction");
    assertThat(db.order("cust-1", id(7))).isEmpty();
  }

  @Test
  void flashSale_eightBuyersRacingFor100Units_sellExactly100AndEveryBuyerIsToldTheTruth() throws Exception {
    db.stock("hot", 100);
    int buyers = 8;
    int attemptsEach = 20;
    ConcurrentLinkedQueue<OrderResult> outcomes = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong negativeSeen = new AtomicLong();
    CyclicBarrier start = new CyclicBarrier(buyers);
    ExecutorService pool = Executors.newFixedThreadPool(buyers + 1);
    try {
      Future<?> watcher = pool.submit(() -> {
        while (running.get()) {
          if (db.quantity("hot").orElseThrow() < 0) {
            negativeSeen.incrementAndGet();
          }
        }
      });
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < buyers; t++) {
        String buyer = "buyer-" + t;
        workers.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < attemptsEach; i++) {
            int n = i;
            outcomes.add(tx.processOrder(o -> o.customerId(buyer).orderId(id(n)).line("hot", 1)));
          }
          return null;
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

    long sold = 0;
    for (OrderResult r : outcomes) {
      Map<String, AttributeValue> stored = db.order(r.customerId(), r.orderId());
      if (r instanceof OrderResult.Confirmed c) {
        sold += c.lines().get(0).quantity();
        assertThat(stored).as("confirmed order %s/%s is stored", r.customerId(), r.orderId()).isNotEmpty();
      } else if (r instanceof OrderResult.InsufficientStock s) {
        assertThat(s.shortages()).singleElement().satisfies(sh -> {
          assertThat(sh.productId()).isEqualTo("hot");
          assertThat(sh.available()).isZero();
        });
        assertThat(stored).as("refused order %s/%s is not stored", r.customerId(), r.orderId()).isEmpty();
      } else {
        throw new AssertionError("unexpected outcome " + r);
      }
    }
    assertThat(outcomes).hasSize(buyers * attemptsEach);
    assertThat(sold).isEqualTo(100);
    assertThat(db.quantity("hot")).hasValue(0);
    assertThat(negativeSeen.get()).isZero();
  }
}
