package dev.ddbkit.integration.orders;

import dev.ddbkit.integration.TestCursorKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.metrics.MetricsHook;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.orders.MalformedOrderException;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrderStatus;
import dev.ddbkit.orders.OrderStatusConflictException;
import dev.ddbkit.orders.OrdersRepository;
import dev.ddbkit.orders.Page;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestClock;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.testkit.fault.Fault;
import dev.ddbkit.testkit.fault.FaultKind;
import dev.ddbkit.testkit.fault.FaultProxy;
import dev.ddbkit.testkit.fault.FaultRule;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@code updateStatus} when the {@code UpdateItem} is applied but its response lost, when the fallback read
 * of a failed transition fails; malformed items on query pages; retries of unprocessed keys reported to
 * metrics.
 */
@DynamoDbLocalTest
class OrdersResilienceIT {
  // recent: DynamoDB Local applies TTL, and orders expire two years after creation
  private static final Instant NOW = LocalDate.now(ZoneOffset.UTC).minusDays(2).atTime(8, 0)
      .toInstant(ZoneOffset.UTC).plusMillis(5);

  @Test
  void updateStatus_whoseResponseIsLost_succeedsOnTheSdkRetry(DynamoDbLocal local, TestTables tables,
      DynamoDbClient direct) {
    String table = tables.ensure(SeedTables.orders()).name();
    try (FaultProxy proxy = lostUpdateItems(local, 1); DynamoDbClient client = retryingClient(local, proxy)) {
      OrdersRepository orders = repository(client, table);
      Order order = orders.create(o -> o.customerId("c-1").attribute("note", "keep"));

      Order confirmed = orders.updateStatus(order.key(), OrderStatus.PENDING, OrderStatus.CONFIRMED);

      assertThat(proxy.counters().injected(FaultKind.DROPPED_CONNECTION, "UpdateItem")).isEqualTo(1);
      assertThat(proxy.counters().forwarded("UpdateItem")).as("UpdateItem attempts that reached DynamoDB")
          .isEqualTo(2);
      assertThat(confirmed).isEqualTo(order.withStatus(OrderStatus.CONFIRMED));
      assertThat(confirmed.attributes()).doesNotContainKey(Order.STATUS_TOKEN);
      Map<String, AttributeValue> stored = direct.scan(s -> s.tableName(table).consistentRead(true)).items().get(0);
      assertThat(stored.get("status").s()).isEqualTo("confirmed");
      assertThat(stored.get(Order.STATUS_TOKEN).s()).matches("[0-9a-f]{16}");
      assertThat(orders.get(order.key())).contains(confirmed);
    }
  }

  @Test
  void racingTransitions_withALostResponse_stillHaveExactlyOneWinner(DynamoDbLocal local, TestTables tables)
      throws Exception {
    String table = tables.ensure(SeedTables.orders()).name();
    Clock clock = TestClock.ticking(NOW, Duration.ofMillis(1));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 4; round++) {
        // a fresh proxy per round: the first UpdateItem of the round (either racer's) is applied, its response lost
        try (FaultProxy proxy = lostUpdateItems(local, 1); DynamoDbClient client = retryingClient(local, proxy)) {
          OrdersRepository orders = OrdersRepository.builder().cursorKey(TestCursorKeys.fixed()).client(client).tableName(table).clock(clock).build();
          Order order = orders.create(o -> o.customerId("c-race"));
          CyclicBarrier start = new CyclicBarrier(2);
          List<Future<OrderStatus>> racers = new ArrayList<>();
          for (OrderStatus target : List.of(OrderStatus.CONFIRMED, OrderStatus.CANCELLED)) {
            racers.add(pool.submit(() -> {
              start.await(10, TimeUnit.SECONDS);
              try {
                return orders.updateStatus(order.key(), OrderStatus.PENDING, target).status();
              } catch (OrderStatusConflictException lost) {
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
          assertThat(proxy.counters().injected(FaultKind.DROPPED_CONNECTION, "UpdateItem")).isEqualTo(1);
          assertThat(winners).as("round %d", round).hasSize(1);
          assertThat(orders.get(order.key()).orElseThrow().status()).isEqualTo(winners.get(0));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void updateStatus_whoseFallbackReadFails_throwsTheReadError_withTheConditionFailureSuppressed(
      TestTables tables, DynamoDbClient direct) {
    String table = tables.ensure(SeedTables.orders()).name();
    OrdersRepository plain = repository(direct, table);
    Order order = plain.create(o -> o.customerId("c-1").status(OrderStatus.SHIPPED));
    OrdersRepository orders = repository(noOldItemAndFailingGetItem(direct), table);

    Throwable error = catchThrowable(() -> orders.updateStatus(order.key(), OrderStatus.PENDING,
        OrderStatus.CONFIRMED));

    assertThat(error).isInstanceOf(DdbkitException.class).isNotInstanceOf(OrderStatusConflictException.class);
    assertThat(((DdbkitException) error).operation()).contains("GetItem");
    assertThat(error.getSuppressed()).hasSize(1);
    assertThat(plain.get(order.key()).orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);
  }

  @Test
  void malformedItem_onACustomerPage_carriesItsKeyAndTheNextCursor_soLaterPagesStayReadable(TestTables tables,
      DynamoDbClient direct) {
    String table = tables.ensure(SeedTables.orders()).name();
    OrdersRepository orders = OrdersRepository.builder().cursorKey(TestCursorKeys.fixed()).client(direct).tableName(table)
        .clock(TestClock.ticking(NOW, Duration.ofMillis(1))).build();
    List<Order> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(orders.create(o -> o.customerId("c-1")));
    }
    // newest first: pages [4,3] [2,1] [0]; break order 2 (page two) and order 0 (the last page)
    corrupt(direct, table, created.get(2));
    corrupt(direct, table, created.get(0));

    Page<Order> first = orders.byCustomer("c-1", q -> q.pageSize(2));
    assertThat(first.items()).containsExactly(created.get(4), created.get(3));
    MalformedOrderException second = (MalformedOrderException) catchThrowable(() ->
        orders.byCustomer("c-1", q -> q.pageSize(2).cursor(first.nextCursor().orElseThrow())));
    assertThat(second.key()).contains(created.get(2).key());
    assertThat(second.nextCursor()).isPresent();
    MalformedOrderException last = (MalformedOrderException) catchThrowable(() ->
        orders.byCustomer("c-1", q -> q.pageSize(2).cursor(second.nextCursor().orElseThrow())));
    assertThat(last.key()).contains(created.get(0).key());
    assertThat(last.nextCursor()).as("nothing after the last page").isEmpty();

    MalformedOrderException streamed = (MalformedOrderException) catchThrowable(() -> {
      try (Stream<Order> all = orders.streamByCustomer("c-1", q -> q.pageSize(2))) {
        all.forEach(o -> { });
      }
    });
    assertThat(streamed.key()).contains(created.get(2).key());
    assertThat(streamed.nextCursor()).isPresent();
  }

  @Test
  void malformedItem_onAHydratedStatusPage_carriesItsKeyAndTheNextCursor(TestTables tables,
      DynamoDbClient direct) {
    String table = tables.ensure(SeedTables.orders()).name();
    OrdersRepository orders = OrdersRepository.builder().cursorKey(TestCursorKeys.fixed()).client(direct).tableName(table)
        .clock(TestClock.ticking(NOW, Duration.ofMillis(1))).build();
    List<Order> created = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      created.add(orders.create(o -> o.customerId("c-" + created.size())));
    }
    // still pending, so still in StatusIndex, but without created_at
    Order bad = created.get(1);
    direct.updateItem(b -> b.tableName(table).key(key(bad)).updateExpression("REMOVE created_at"));
    List<Order> read = new ArrayList<>();
    MalformedOrderException malformed = null;
    String cursor = null;
    for (int pages = 0; pages < 10; pages++) {
      String from = cursor;
      try {
        Page<Order> page = orders.byStatus(OrderStatus.PENDING, q -> {
          q.pageSize(1);
          if (from != null) {
            q.cursor(from);
          }
        });
        read.addAll(page.items());
        cursor = page.nextCursor().orElse(null);
      } catch (MalformedOrderException e) {
        malformed = e;
        cursor = e.nextCursor().orElse(null);
      }
      if (cursor == null) {
        break;
      }
    }
    assertThat(malformed).isNotNull();
    assertThat(malformed.key()).contains(bad.key());
    assertThat(read).containsExactlyInAnyOrder(created.get(0), created.get(2));
  }

  @Test
  void unprocessedKeys_retriedByTheRepository_areReportedToMetrics(DynamoDbLocal local, TestTables tables,
      DynamoDbClient direct) {
    String table = tables.ensure(SeedTables.orders()).name();
    AtomicInteger retried = new AtomicInteger();
    AtomicInteger throttled = new AtomicInteger();
    MetricsHook hook = new MetricsHook() {
      @Override
      public void retried(String operation, String tableName, RetrySource source) {
        if (operation.equals("BatchGetItem") && tableName.equals(table) && source == RetrySource.DDBKIT) {
          retried.incrementAndGet();
        }
      }

      @Override
      public void throttled(String operation, String tableName) {
        throttled.incrementAndGet();
      }
    };
    OrdersRepository writer = repository(direct, table);
    for (int i = 0; i < 4; i++) {
      int n = i;
      writer.create(o -> o.customerId("c-" + n));
    }
    try (FaultProxy proxy = FaultProxy.builder().target(local.endpoint())
        .rule(FaultRule.forOperation("BatchGetItem").unprocessed(1.0, 0.5).times(2)).start();
        DynamoDbClient client = retryingClient(local, proxy)) {
      OrdersRepository orders = OrdersRepository.builder().cursorKey(TestCursorKeys.fixed()).client(client).tableName(table).metrics(hook).build();

      assertThat(orders.byStatus(OrderStatus.PENDING, q -> q.pageSize(10)).items()).hasSize(4);

      assertThat(proxy.counters().unprocessedItems()).isPositive();
      assertThat(retried.get()).as("retries reported").isPositive();
      assertThat(throttled).as("unprocessed keys are throttling").hasValue(retried.get());
    }
  }

  private static void corrupt(DynamoDbClient direct, String table, Order order) {
    direct.updateItem(b -> b.tableName(table).key(key(order)).updateExpression("SET #s = :s")
        .expressionAttributeNames(Map.of("#s", "status"))
        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("lost"))));
  }

  private static Map<String, AttributeValue> key(Order order) {
    return Map.of("customer_id", AttributeValue.fromS(order.customerId()),
        "order_id", AttributeValue.fromS(order.orderId()));
  }

  private static FaultProxy lostUpdateItems(DynamoDbLocal local, int times) {
    return FaultProxy.builder().target(local.endpoint())
        .rule(FaultRule.forOperation("UpdateItem").inject(Fault.dropConnectionAfterForwarding(), 1.0).times(times))
        .start();
  }

  private static DynamoDbClient retryingClient(DynamoDbLocal local, FaultProxy proxy) {
    return DdbkitClients.newSyncClient(local.clientSettings().toBuilder().endpointOverride(proxy.endpoint())
        .retryMode(ClientSettings.RetryMode.STANDARD).maxAttempts(3).build());
  }

  private static OrdersRepository repository(DynamoDbClient client, String table) {
    return OrdersRepository.builder().cursorKey(TestCursorKeys.fixed()).client(client).tableName(table).clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  /** A client that returns no old item on a failed condition (as DAX) and whose GetItem fails. */
  @SuppressWarnings("unchecked")
  private static DynamoDbClient noOldItemAndFailingGetItem(DynamoDbClient delegate) {
    return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("updateItem") && args != null && args.length == 1) {
            UpdateItemRequest request = args[0] instanceof UpdateItemRequest r ? r
                : UpdateItemRequest.builder().applyMutation((Consumer<UpdateItemRequest.Builder>) args[0]).build();
            return delegate.updateItem(request.toBuilder().returnValuesOnConditionCheckFailure((String) null).build());
          }
          if (method.getName().equals("getItem")) {
            throw DynamoDbException.builder().message("GetItem unavailable").statusCode(500).build();
          }
          try {
            return method.invoke(delegate, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
