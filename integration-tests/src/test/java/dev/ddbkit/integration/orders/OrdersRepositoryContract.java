package dev.ddbkit.integration.orders;

import dev.ddbkit.integration.TestCursorKeys;

import dev.ddbkit.testkit.TestClock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.core.error.ValidationException;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.orders.MalformedOrderException;
import dev.ddbkit.orders.NewOrder;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrderAlreadyExistsException;
import dev.ddbkit.orders.OrderKey;
import dev.ddbkit.orders.OrderNotFoundException;
import dev.ddbkit.orders.OrderStatus;
import dev.ddbkit.orders.OrderStatusConflictException;
import dev.ddbkit.orders.OrderTooLargeException;
import dev.ddbkit.orders.OrdersRepository;
import dev.ddbkit.orders.Page;
import dev.ddbkit.orders.StatusQuery;
import dev.ddbkit.orders.UnknownOrderStatusException;
import dev.ddbkit.core.item.ItemSize;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Behaviour of {@link OrdersRepository} writes and reads by key. Runs against any client: subclasses may
 * override {@link #clientUnderTest(DynamoDbClient)} (for example with a DAX-aware client); tables are always
 * created and inspected through the plain DynamoDB Local client.
 */
@DynamoDbLocalTest
public abstract class OrdersRepositoryContract {
  // recent: DynamoDB Local applies TTL, and orders expire two years after creation
  private static final Instant NOW = LocalDate.now(ZoneOffset.UTC).minusDays(3).atTime(10, 30)
      .toInstant(ZoneOffset.UTC).plusMillis(123);
  private static final String NOW_MILLIS = Long.toString(NOW.toEpochMilli());

  /** The client the repository under test talks through; the plain local client by default. */
  protected DynamoDbClient clientUnderTest(DynamoDbClient local) {
    return local;
  }

  private OrdersRepository repository(DynamoDbClient client, String table, Clock clock) {
    return OrdersRepository.builder().cursorKey(TestCursorKeys.fixed()).client(client).tableName(table).clock(clock).build();
  }

  private String ordersTable(TestTables tables) {
    return tables.ensure(SeedTables.orders()).name();
  }

  @Test
  void create_writesTheSeedLayoutAndKeepsCallerAttributesAsTheyAre(DynamoDbClient local, TestTables tables) {
    String table = ordersTable(tables);
    OrdersRepository orders = repository(clientUnderTest(local), table, Clock.fixed(NOW, ZoneOffset.UTC));
    Map<String, AttributeValue> document = Map.of("sku", AttributeValue.fromS("sku-1"), "qty", AttributeValue.fromN("2"));

    Order order = orders.create(o -> o.customerId("c-1")
        .attribute("total", new BigDecimal("19.90"))
        .attribute("items", AttributeValue.fromL(List.of(AttributeValue.fromM(document))))
        .attribute("tags", AttributeValue.fromSs(List.of("gift", "express")))
        .attribute("gift", true)
        .attribute("coupon", AttributeValue.fromNul(true))
        .attribute("blob", AttributeValue.fromB(SdkBytes.fromUtf8String("raw"))));

    Map<String, AttributeValue> item = local.getItem(b -> b.tableName(table).consistentRead(true)
        .key(Map.of("customer_id", AttributeValue.fromS("c-1"), "order_id", AttributeValue.fromS(order.orderId()))))
        .item();
    assertThat(item.get("order_id").s()).matches("ORD_" + NOW_MILLIS + "_[0-9a-f]{8}");
    assertThat(item.get("order_date").s()).isEqualTo(LocalDate.ofInstant(NOW, ZoneOffset.UTC).toString());
    assertThat(item.get("created_at").s()).isEqualTo(LocalDate.ofInstant(NOW, ZoneOffset.UTC) + "T10:30:00.123Z");
    assertThat(item.get("status").s()).isEqualTo("pending");
    assertThat(item.get("expires_at").n()).isEqualTo(Long.toString(NOW.getEpochSecond() + 2L * 365 * 24 * 60 * 60));
    // DynamoDB keeps numbers exactly but returns them in canonical form
    assertThat(new BigDecimal(item.get("total").n())).isEqualByComparingTo("19.90");
    assertThat(item.get("items").l().get(0).m()).isEqualTo(document);
    assertThat(item.get("tags").ss()).containsExactlyInAnyOrder("gift", "express");
    assertThat(item.get("gift").bool()).isTrue();
    assertThat(item.get("coupon").nul()).isTrue();
    assertThat(item.get("blob").b().asUtf8String()).isEqualTo("raw");
    Order read = orders.get(order.key()).orElseThrow();
    assertThat(read.attributes().keySet()).isEqualTo(order.attributes().keySet());
    assertThat(read.createdAt()).isEqualTo(order.createdAt());
    assertThat(read.expiresAt()).isEqualTo(order.expiresAt());
    assertThat(orders.get("c-1", "ORD_" + NOW_MILLIS + "_00000000")).isEmpty();
  }

  @Test
  void create_ofAnExistingKey_isATypedErrorAndNeverOverwrites(DynamoDbClient local, TestTables tables) {
    String table = ordersTable(tables);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    OrdersRepository first = OrdersRepository.builder().cursorKey(TestCursorKeys.fixed()).client(clientUnderTest(local)).tableName(table).clock(clock)
        .idRandom(new Random(7)).build();
    OrdersRepository second = OrdersRepository.builder().cursorKey(TestCursorKeys.fixed()).client(clientUnderTest(local)).tableName(table).clock(clock)
        .idRandom(new Random(7)).build();
    Order original = first.create(o -> o.customerId("c-1").attribute("note", "first"));

    Throwable duplicate = catchThrowable(() -> second.create(o -> o.customerId("c-1").attribute("note", "second")));

    assertThat(duplicate).isInstanceOf(OrderAlreadyExistsException.class);
    assertThat(((OrderAlreadyExistsException) duplicate).key()).isEqualTo(original.key());
    assertThat(first.get(original.key())).contains(original);
  }

  @Test
  void create_findingTheIdenticalOrderUnderItsKey_takesItForItsOwnEarlierAttempt(DynamoDbClient local,
      TestTables tables) {
    // what an SDK retry after a lost response finds; the fault suites lose real responses, this runs the
    // comparison (and, on clients that return no old item, the read-back) through every client under test
    String table = ordersTable(tables);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    OrdersRepository earlier = OrdersRepository.builder().cursorKey(TestCursorKeys.fixed()).client(local).tableName(table).clock(clock)
        .idRandom(new Random(9)).build();
    OrdersRepository retried = OrdersRepository.builder().cursorKey(TestCursorKeys.fixed()).client(clientUnderTest(local)).tableName(table)
        .clock(clock).idRandom(new Random(9)).build();
    Order stored = earlier.create(o -> o.customerId("c-1").attribute("total", new BigDecimal("19.90"))
        .attribute("tags", AttributeValue.fromSs(List.of("gift", "express"))));

    Order created = retried.create(o -> o.customerId("c-1").attribute("total", new BigDecimal("19.90"))
        .attribute("tags", AttributeValue.fromSs(List.of("gift", "express"))));

    assertThat(created).isEqualTo(stored);
    assertThat(local.scan(b -> b.tableName(table).consistentRead(true)).count()).isEqualTo(1);
  }

  @Test
  void create_overFourHundredKilobytes_isRejectedBeforeAnyRequest(DynamoDbClient local, TestTables tables) {
    String table = ordersTable(tables);
    CountingDynamoDb counting = new CountingDynamoDb(clientUnderTest(local));
    OrdersRepository orders = repository(counting.client(), table, Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatThrownBy(() -> orders.create(o -> o.customerId("c-1").attribute("pad", "x".repeat(410_000))))
        .isInstanceOf(OrderTooLargeException.class).isInstanceOf(InvalidInputException.class);

    assertThat(counting.requests()).isZero();
    assertThat(local.scan(b -> b.tableName(table)).count()).isZero();
  }

  @Test
  void itemSizeLimit_isComputedAsDynamoDbComputesIt(DynamoDbClient local, TestTables tables) {
    String table = ordersTable(tables);
    OrdersRepository orders = repository(clientUnderTest(local), table, Clock.fixed(NOW, ZoneOffset.UTC));
    Order probe = Order.of(OrderKey.of("c-1", "ORD_" + NOW_MILLIS + "_00000000"), LocalDate.ofInstant(NOW, ZoneOffset.UTC), NOW,
        OrderStatus.PENDING, Instant.ofEpochSecond(NOW.getEpochSecond() + 2L * 365 * 24 * 60 * 60),
        Map.of("pad", AttributeValue.fromS("")));
    int padAtLimit = (int) (ItemSize.MAX_ITEM_BYTES - ItemSize.of(probe.toItem()));

    Order atLimit = orders.create(o -> o.customerId("c-1").attribute("pad", "x".repeat(padAtLimit)));
    assertThat(ItemSize.of(atLimit.toItem())).isEqualTo(ItemSize.MAX_ITEM_BYTES);
    assertThatThrownBy(() -> orders.create(o -> o.customerId("c-1").attribute("pad", "x".repeat(padAtLimit + 1))))
        .isInstanceOf(OrderTooLargeException.class);
    // DynamoDB draws the line at the same byte
    Map<String, AttributeValue> oneByteOver = new HashMap<>(atLimit.toItem());
    oneByteOver.put("pad", AttributeValue.fromS("x".repeat(padAtLimit + 1)));
    assertThatThrownBy(() -> local.putItem(b -> b.tableName(table).item(oneByteOver)))
        .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class)
        .hasMessageContaining("size");
  }

  @Test
  void pages_stayFullAcrossDynamoDbsOneMegabyteResponseCap(DynamoDbClient local, TestTables tables) {
    String table = ordersTable(tables);
    CountingDynamoDb counting = new CountingDynamoDb(clientUnderTest(local));
    OrdersRepository orders = repository(counting.client(), table, TestClock.ticking(NOW, Duration.ofMillis(1)));
    String pad = "x".repeat(200_000);
    List<Order> created = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      created.add(orders.create(o -> o.customerId("c-big").attribute("pad", pad)));
    }
    int before = counting.requests();

    Page<Order> first = orders.byCustomer("c-big", q -> q.pageSize(20));
    int firstPageRequests = counting.requests() - before;
    Page<Order> second = orders.byCustomer("c-big", q -> q.pageSize(20).cursor(first.nextCursor().orElseThrow()));

    // 20 items of 200 KB need at least four responses of at most 1 MB
    assertThat(firstPageRequests).isGreaterThanOrEqualTo(4);
    assertThat(first.items()).hasSize(20);
    assertThat(first.hasMore()).isTrue();
    assertThat(second.items()).hasSize(4);
    assertThat(second.hasMore()).isFalse();
    List<Order> all = new ArrayList<>(first.items());
    all.addAll(second.items());
    List<OrderKey> newestFirst = new ArrayList<>(created.stream().map(Order::key).toList());
    java.util.Collections.reverse(newestFirst);
    assertThat(all.stream().map(Order::key).toList()).containsExactlyElementsOf(newestFirst);
  }

  @Test
  void badInput_isATypedErrorAndSendsNothing(DynamoDbClient local, TestTables tables) {
    String table = ordersTable(tables);
    CountingDynamoDb counting = new CountingDynamoDb(clientUnderTest(local));
    OrdersRepository orders = repository(counting.client(), table, Clock.fixed(NOW, ZoneOffset.UTC));
    List<Runnable> calls = List.of(
        () -> orders.create(o -> o.customerId(" ")),
        () -> orders.create(o -> o.customerId("c-1").attribute("status", "shipped")),
        () -> orders.create(o -> o.customerId("c-1").attribute("order_id", "ORD_1_a")),
        () -> orders.create(o -> o.customerId("c-1").attributes(Map.of("expires_at", AttributeValue.fromN("1")))),
        () -> orders.create(o -> o.customerId("c-1").attribute("empty", AttributeValue.fromSs(List.of()))),
        () -> orders.create((NewOrder) null),
        () -> orders.get("", "ORD_1_a"),
        () -> orders.get("c-1", " "),
        () -> orders.get(null),
        () -> orders.updateStatus("c-1", "", OrderStatus.PENDING, OrderStatus.CONFIRMED),
        () -> orders.updateStatus("c-1", "ORD_1_a", OrderStatus.PENDING, OrderStatus.PENDING),
        () -> orders.updateStatus("c-1", "ORD_1_a", null, OrderStatus.PENDING),
        () -> orders.byCustomer(" "),
        () -> orders.byCustomer("c-1", q -> q.pageSize(0)),
        () -> orders.byDate((LocalDate) null),
        () -> orders.byStatus(OrderStatus.fromWire("lost")),
        () -> orders.keysByStatus((StatusQuery) null));

    for (Runnable call : calls) {
      assertThatThrownBy(call::run).isInstanceOf(InvalidInputException.class);
    }
    assertThat(counting.requests()).isZero();
    assertThat(local.scan(b -> b.tableName(table)).count()).isZero();
  }

  @Test
  void unknownStatus_isATypedError_onInputAndOnRead(DynamoDbClient local, TestTables tables) {
    String table = ordersTable(tables);
    OrdersRepository orders = repository(clientUnderTest(local), table, Clock.fixed(NOW, ZoneOffset.UTC));
    assertThatThrownBy(() -> OrderStatus.fromWire("Pending")).isInstanceOf(UnknownOrderStatusException.class);

    Order order = orders.create(o -> o.customerId("c-1"));
    local.updateItem(b -> b.tableName(table)
        .key(Map.of("customer_id", AttributeValue.fromS("c-1"), "order_id", AttributeValue.fromS(order.orderId())))
        .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("lost"))));

    assertThatThrownBy(() -> orders.get(order.key())).isInstanceOf(MalformedOrderException.class)
        .hasMessageContaining("lost");
  }

  @Test
  void updateStatus_fromTheCurrentStatus_movesTheOrderBetweenStatusIndexPartitions(DynamoDbClient local,
      TestTables tables) {
    String table = ordersTable(tables);
    OrdersRepository orders = repository(clientUnderTest(local), table, Clock.fixed(NOW, ZoneOffset.UTC));
    Order order = orders.create(o -> o.customerId("c-1").attribute("note", "keep me"));

    Order confirmed = orders.updateStatus(order.key(), OrderStatus.PENDING, OrderStatus.CONFIRMED);

    assertThat(confirmed).isEqualTo(order.withStatus(OrderStatus.CONFIRMED));
    assertThat(orders.get(order.key())).contains(confirmed);
    assertThat(orders.keysByStatus(OrderStatus.CONFIRMED, q -> { }).items()).containsExactly(order.key());
    assertThat(orders.keysByStatus(OrderStatus.PENDING, q -> { }).items()).isEmpty();
    assertThat(orders.byDate(order.orderDate()).items()).containsExactly(confirmed);
  }

  @Test
  void updateStatus_fromAStaleStatus_isRejectedWithTheActualStatus(DynamoDbClient local, TestTables tables) {
    String table = ordersTable(tables);
    OrdersRepository orders = repository(clientUnderTest(local), table, Clock.fixed(NOW, ZoneOffset.UTC));
    Order order = orders.create(o -> o.customerId("c-1").status(OrderStatus.SHIPPED));

    Throwable stale = catchThrowable(() -> orders.updateStatus(order.key(), OrderStatus.PENDING, OrderStatus.CANCELLED));

    assertThat(stale).isInstanceOf(OrderStatusConflictException.class);
    assertThat(((OrderStatusConflictException) stale).actual()).contains(OrderStatus.SHIPPED);
    assertThat(orders.get(order.key())).contains(order);
  }

  @Test
  void updateStatus_ofAMissingOrder_isNotFoundAndCreatesNothing(DynamoDbClient local, TestTables tables) {
    String table = ordersTable(tables);
    OrdersRepository orders = repository(clientUnderTest(local), table, Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatThrownBy(() -> orders.updateStatus("c-1", "ORD_" + NOW_MILLIS + "_00000000", OrderStatus.PENDING,
        OrderStatus.CONFIRMED)).isInstanceOf(OrderNotFoundException.class);
    assertThat(local.scan(b -> b.tableName(table)).count()).isZero();
  }

  @Test
  void concurrentTransitions_fromTheSameStatus_exactlyOneWins(DynamoDbClient local, TestTables tables)
      throws Exception {
    String table = ordersTable(tables);
    OrdersRepository orders = repository(clientUnderTest(local), table, TestClock.ticking(NOW, Duration.ofMillis(1)));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        Order order = orders.create(o -> o.customerId("c-race"));
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<OrderStatus>> racers = new ArrayList<>();
        for (OrderStatus target : List.of(OrderStatus.CONFIRMED, OrderStatus.CANCELLED)) {
          racers.add(pool.submit(() -> {
            start.await(10, TimeUnit.SECONDS);
            try {
              return orders.updateStatus(order.key(), OrderStatus.PENDING, target).status();
            } catch (OrderStatusConflictException lost) {
              assertThat(lost.actual()).isPresent().get().isNotEqualTo(OrderStatus.PENDING);
              return null;
            }
          }));
        }
        List<OrderStatus> winners = new ArrayList<>();
        for (Future<OrderStatus> racer : racers) {
          OrderStatus won = racer.get(30, TimeUnit.SECONDS);
          if (won != null) {
            winners.add(won);
          }
        }
        assertThat(winners).hasSize(1);
        assertThat(orders.get(order.key()).orElseThrow().status()).isEqualTo(winners.get(0));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(orders.keysByStatus(OrderStatus.PENDING, q -> { }).items()).isEmpty();
    long confirmed = orders.streamKeysByStatus(OrderStatus.CONFIRMED, q -> { }).count();
    long cancelled = orders.streamKeysByStatus(OrderStatus.CANCELLED, q -> { }).count();
    assertThat(confirmed + cancelled).isEqualTo(20);
  }

  @Test
  void sdkErrors_areTranslated(DynamoDbClient local, TestTables tables) {
    OrdersRepository orders = repository(clientUnderTest(local), tables.uniqueName("missing-table"),
        Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatThrownBy(() -> orders.get("c-1", "ORD_1_a"))
        .isInstanceOf(dev.ddbkit.core.error.ResourceNotFoundException.class);
    assertThatThrownBy(() -> orders.byCustomer("c-1")).isInstanceOf(dev.ddbkit.core.error.DdbkitException.class)
        .isNotInstanceOf(ValidationException.class);
  }
}
