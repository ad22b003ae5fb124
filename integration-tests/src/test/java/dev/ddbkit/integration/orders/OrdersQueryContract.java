package dev.ddbkit.integration.orders;

import dev.ddbkit.integration.TestCursorKeys;

import dev.ddbkit.testkit.TestClock;
import java.time.Duration;

import static java.util.Comparator.comparing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.ThrottlingException;
import dev.ddbkit.core.retry.DdbkitRetry;
import dev.ddbkit.core.retry.RetrySettings;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.orders.CustomerQuery;
import dev.ddbkit.orders.DateQuery;
import dev.ddbkit.orders.InvalidCursorException;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrderKey;
import dev.ddbkit.orders.OrderStatus;
import dev.ddbkit.orders.OrdersRepository;
import dev.ddbkit.orders.Page;
import dev.ddbkit.orders.StatusQuery;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * List queries over one shared table of 1,000 orders: 20 customers, 5 days, 3 statuses, every order with its
 * own millisecond. Runs against any client: subclasses may override {@link #clientUnderTest(DynamoDbClient)};
 * the table is created with the plain DynamoDB Local client.
 */
@DynamoDbLocalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OrdersQueryContract {
  private static final int ORDERS = 1000;
  private static final List<String> CUSTOMERS =
      IntStream.range(0, 20).mapToObj(i -> String.format("customer-%02d", i)).toList();
  // recent days: DynamoDB Local applies TTL, and orders expire two years after creation
  private static final LocalDate FIRST_DAY = LocalDate.now(ZoneOffset.UTC).minusDays(30);
  private static final List<LocalDate> DATES =
      IntStream.range(0, 5).mapToObj(i -> FIRST_DAY.plusDays(i * 3L)).toList();
  private static final List<OrderStatus> STATUSES =
      List.of(OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.SHIPPED);
  private static final byte[] CURSOR_KEY = "orders-query-contract-cursor-key".getBytes(StandardCharsets.US_ASCII);

  private String table;
  private DynamoDbClient client;
  private OrdersRepository orders;
  private CountingDynamoDb counting;
  private OrdersRepository countedOrders;
  private List<Order> all;

  /** The client the repository under test talks through; the plain local client by default. */
  protected DynamoDbClient clientUnderTest(DynamoDbClient local) {
    return local;
  }

  @BeforeAll
  void seedOneThousandOrders(DynamoDbClient local, TestTables tables) throws Exception {
    table = tables.ensure(SeedTables.orders()).name();
    client = clientUnderTest(local);
    orders = OrdersRepository.builder().client(client).tableName(table).cursorKey(CURSOR_KEY).build();
    counting = new CountingDynamoDb(client);
    countedOrders = OrdersRepository.builder().client(counting.client()).tableName(table).cursorKey(CURSOR_KEY).build();
    // one repository per day, each with a clock ticking a millisecond per order: ids never collide and the
    // newest-first order is total
    List<OrdersRepository> byDay = DATES.stream()
        .map(d -> OrdersRepository.builder().cursorKey(TestCursorKeys.fixed()).client(client).tableName(table)
            .clock(TestClock.ticking(d.atTime(8, 0).toInstant(ZoneOffset.UTC), Duration.ofMillis(1))).build())
        .toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Order>> created = new ArrayList<>();
      for (int i = 0; i < ORDERS; i++) {
        int n = i;
        created.add(pool.submit(() -> byDay.get((n / 20) % 5).create(o -> o
            .customerId(CUSTOMERS.get(n % 20))
            .status(STATUSES.get(n % 3))
            .attribute("sequence", n))));
      }
      List<Order> result = new ArrayList<>();
      for (Future<Order> f : created) {
        result.add(f.get());
      }
      all = List.copyOf(result);
    } finally {
      pool.shutdownNow();
    }
    assertThat(all.stream().map(Order::key).distinct()).hasSize(ORDERS);
  }

  @AfterAll
  void release() {
    all = List.of();
  }

  private static <T> List<T> walk(Function<Optional<String>, Page<T>> query, int pageSize) {
    List<T> items = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    while (true) {
      Page<T> page = query.apply(cursor);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
      items.addAll(page.items());
      if (!page.hasMore()) {
        return items;
      }
      // a page followed by another is full, so the caller gets exactly pageSize per round trip
      assertThat(page.items()).hasSize(pageSize);
      cursor = page.nextCursor();
      assertThat(cursor).isPresent().get().asString().matches("[A-Za-z0-9_-]+");
    }
  }

  private List<Order> expected(java.util.function.Predicate<Order> filter) {
    return all.stream().filter(filter).collect(Collectors.toList());
  }

  @ParameterizedTest(name = "page size {0}")
  @ValueSource(ints = {1, 7, 100})
  void byCustomer_returnsEveryOrderOnce_newestFirst(int pageSize) {
    for (String customer : CUSTOMERS) {
      List<Order> got = walk(c -> orders.byCustomer(customer, q -> {
        q.pageSize(pageSize);
        c.ifPresent(q::cursor);
      }), pageSize);
      List<Order> want = expected(o -> o.customerId().equals(customer));
      want.sort(comparing(Order::createdAt).reversed());
      assertThat(got).hasSize(50).containsExactlyElementsOf(want);
    }
  }

  @ParameterizedTest(name = "page size {0}")
  @ValueSource(ints = {1, 7, 100})
  void byCustomer_createdBetween_includesBothBoundsExactly(int pageSize) {
    String customer = CUSTOMERS.get(3);
    List<Order> newestFirst = expected(o -> o.customerId().equals(customer));
    newestFirst.sort(comparing(Order::createdAt).reversed());
    Instant until = newestFirst.get(5).createdAt();
    Instant from = newestFirst.get(30).createdAt();

    List<Order> got = walk(c -> orders.byCustomer(customer, q -> {
      q.pageSize(pageSize).createdBetween(from, until);
      c.ifPresent(q::cursor);
    }), pageSize);

    assertThat(got).containsExactlyElementsOf(newestFirst.subList(5, 31));
    // a nanosecond inward on either side drops the bound's order
    List<Order> inward = orders.streamByCustomer(customer,
        q -> q.pageSize(pageSize).createdBetween(from.plusNanos(1), until.minusNanos(1))).toList();
    assertThat(inward).containsExactlyElementsOf(newestFirst.subList(6, 30));
  }

  @Test
  void byCustomer_oneSidedAndOldestFirstRanges() {
    String customer = CUSTOMERS.get(11);
    List<Order> oldestFirst = expected(o -> o.customerId().equals(customer));
    oldestFirst.sort(comparing(Order::createdAt));
    Instant pivot = oldestFirst.get(20).createdAt();

    assertThat(orders.streamByCustomer(customer, q -> q.oldestFirst().createdFrom(pivot).pageSize(9)).toList())
        .containsExactlyElementsOf(oldestFirst.subList(20, 50));
    assertThat(orders.streamByCustomer(customer, q -> q.oldestFirst().createdUntil(pivot).pageSize(9)).toList())
        .containsExactlyElementsOf(oldestFirst.subList(0, 21));
    assertThat(orders.byCustomer(customer, q -> q.createdBetween(Instant.EPOCH, Instant.EPOCH.plusSeconds(1)))
        .items()).isEmpty();
    assertThat(orders.byCustomer("nobody").items()).isEmpty();
    assertThat(orders.byCustomer("nobody").hasMore()).isFalse();
  }

  @ParameterizedTest(name = "page size {0}")
  @ValueSource(ints = {1, 7, 100})
  void byDate_returnsEveryOrderOfTheDayOnce_inOrderIdOrder(int pageSize) {
    for (LocalDate date : DATES) {
      List<Order> got = walk(c -> orders.byDate(date, q -> {
        q.pageSize(pageSize);
        c.ifPresent(q::cursor);
      }), pageSize);
      List<Order> want = expected(o -> o.orderDate().equals(date));
      want.sort(comparing(Order::orderId));
      assertThat(got).hasSize(200).containsExactlyElementsOf(want);
    }
    assertThat(orders.streamByDate(DATES.get(2), q -> q.newestFirst().pageSize(pageSize)).toList())
        .containsExactlyElementsOf(expected(o -> o.orderDate().equals(DATES.get(2))).stream()
            .sorted(comparing(Order::orderId).reversed()).toList());
  }

  @ParameterizedTest(name = "page size {0}")
  @ValueSource(ints = {1, 7, 100})
  void byStatus_keysAndHydratedOrders_coverTheStatusOnce_inIndexOrder(int pageSize) {
    for (OrderStatus status : STATUSES) {
      List<OrderKey> keys = walk(c -> orders.keysByStatus(status, q -> {
        q.pageSize(pageSize);
        c.ifPresent(q::cursor);
      }), pageSize);
      List<Order> hydrated = walk(c -> orders.byStatus(status, q -> {
        q.pageSize(pageSize);
        c.ifPresent(q::cursor);
      }), pageSize);
      List<Order> want = expected(o -> o.status() == status);

      assertThat(keys).hasSize(want.size()).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(want.stream().map(Order::key).toList());
      assertThat(hydrated).containsExactlyInAnyOrderElementsOf(want);
      // full orders in exactly the index's order
      assertThat(hydrated.stream().map(Order::key).toList()).containsExactlyElementsOf(keys);
      List<LocalDate> days = hydrated.stream().map(Order::orderDate).toList();
      assertThat(days).isSortedAccordingTo(LocalDate::compareTo);
    }
  }

  @ParameterizedTest(name = "page size {0}")
  @ValueSource(ints = {1, 7, 100})
  void byStatus_fromADay_returnsOnlyThatDayAndLater(int pageSize) {
    LocalDate from = DATES.get(2);
    List<Order> got = walk(c -> orders.byStatus(OrderStatus.CONFIRMED, q -> {
      q.pageSize(pageSize).from(from);
      c.ifPresent(q::cursor);
    }), pageSize);
    assertThat(got).containsExactlyInAnyOrderElementsOf(
        expected(o -> o.status() == OrderStatus.CONFIRMED && !o.orderDate().isBefore(from)));
    assertThat(orders.streamKeysByStatus(OrderStatus.CONFIRMED, q -> q.from(from.minusDays(1)).pageSize(pageSize))
        .count()).isEqualTo(got.size());
  }

  @Test
  void hydration_ofMoreThanOneHundredKeys_splitsBatchesAndKeepsOrder() {
    StatusQuery query = StatusQuery.builder(OrderStatus.PENDING).pageSize(250).build();
    Page<OrderKey> keys = orders.keysByStatus(query);
    Page<Order> page = orders.byStatus(query);
    assertThat(page.items()).hasSize(250);
    assertThat(page.items().stream().map(Order::key).toList()).containsExactlyElementsOf(keys.items());
  }

  @Test
  void hydration_retriesUnprocessedKeysWithBackoff_andKeepsIndexOrder() {
    List<Duration> waits = new CopyOnWriteArrayList<>();
    PartialBatches partial = new PartialBatches(client, 5);
    OrdersRepository flaky = OrdersRepository.builder().client(partial.client()).tableName(table)
        .cursorKey(CURSOR_KEY)
        .retry(DdbkitRetry.of("orders-it", RetrySettings.builder().maxAttempts(10).sleeper(waits::add).build()))
        .build();
    StatusQuery query = StatusQuery.builder(OrderStatus.SHIPPED).pageSize(300).build();

    Page<Order> page = flaky.byStatus(query);

    assertThat(page.items().stream().map(Order::key).toList()).containsExactlyElementsOf(orders.keysByStatus(query).items());
    assertThat(page.items()).hasSize(300).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.SHIPPED));
    assertThat(waits).isNotEmpty();
    assertThat(partial.calls()).isGreaterThan(3);
    assertThat(partial.largestCall()).isLessThanOrEqualTo(100);
  }

  @Test
  void hydration_withKeysStillUnprocessedAfterTheLastAttempt_isAThrottlingError() {
    List<Duration> waits = new CopyOnWriteArrayList<>();
    PartialBatches neverDone = new PartialBatches(client, Integer.MAX_VALUE);
    OrdersRepository flaky = OrdersRepository.builder().cursorKey(TestCursorKeys.fixed()).client(neverDone.client()).tableName(table)
        .retry(DdbkitRetry.of("orders-it", RetrySettings.builder().maxAttempts(3).sleeper(waits::add).build()))
        .build();

    assertThatThrownBy(() -> flaky.byStatus(OrderStatus.PENDING, q -> q.pageSize(4)))
        .isInstanceOf(ThrottlingException.class).hasMessageContaining("unprocessed");
    assertThat(waits).hasSize(2);
  }

  @Test
  void streams_readLazily_andContinueFromACursor() {
    String customer = CUSTOMERS.get(7);
    int before = counting.requests();
    var stream = countedOrders.streamByCustomer(customer, q -> q.pageSize(10));
    assertThat(counting.requests()).isEqualTo(before);
    assertThat(stream.limit(3).toList()).hasSize(3);
    assertThat(counting.requests()).isEqualTo(before + 1);

    Page<Order> first = orders.byCustomer(customer, q -> q.pageSize(10));
    List<Order> rest = orders.streamByCustomer(CustomerQuery.builder(customer).pageSize(10)
        .cursor(first.nextCursor().orElseThrow()).build()).toList();
    List<Order> whole = new ArrayList<>(first.items());
    whole.addAll(rest);
    assertThat(whole).containsExactlyElementsOf(orders.streamByCustomer(customer, q -> q.pageSize(50)).toList());
    assertThat(orders.streamByStatus(OrderStatus.SHIPPED, q -> q.pageSize(64)).collect(Collectors.toSet()))
        .isEqualTo(new HashSet<>(expected(o -> o.status() == OrderStatus.SHIPPED)));
  }

  @Test
  void cursor_usedWithAnotherQuery_isATypedErrorBeforeAnyRequest() {
    String customerCursor = orders.byCustomer(CUSTOMERS.get(0), q -> q.pageSize(5)).nextCursor().orElseThrow();
    String rangeCursor = orders.byCustomer(CUSTOMERS.get(0), q -> q.pageSize(5)
        .createdFrom(FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC))).nextCursor().orElseThrow();
    String dateCursor = orders.byDate(DATES.get(0), q -> q.pageSize(5)).nextCursor().orElseThrow();
    String keysCursor = orders.keysByStatus(OrderStatus.PENDING, q -> q.pageSize(5)).nextCursor().orElseThrow();
    String ordersCursor = orders.byStatus(OrderStatus.PENDING, q -> q.pageSize(5)).nextCursor().orElseThrow();
    int before = counting.requests();

    List<Runnable> misuse = List.of(
        () -> countedOrders.byCustomer(CUSTOMERS.get(1), q -> q.cursor(customerCursor)),
        () -> countedOrders.byCustomer(CUSTOMERS.get(0), q -> q.cursor(customerCursor).oldestFirst()),
        () -> countedOrders.byCustomer(CUSTOMERS.get(0), q -> q.cursor(rangeCursor)),
        () -> countedOrders.byCustomer(CUSTOMERS.get(0), q -> q.cursor(dateCursor)),
        () -> countedOrders.byDate(DATES.get(1), q -> q.cursor(dateCursor)),
        () -> countedOrders.byDate(DATES.get(0), q -> q.cursor(customerCursor)),
        () -> countedOrders.keysByStatus(OrderStatus.CONFIRMED, q -> q.cursor(keysCursor)),
        () -> countedOrders.keysByStatus(OrderStatus.PENDING, q -> q.cursor(ordersCursor)),
        () -> countedOrders.byStatus(OrderStatus.PENDING, q -> q.cursor(keysCursor)),
        () -> countedOrders.byStatus(OrderStatus.PENDING, q -> q.cursor(ordersCursor).from(DATES.get(0))),
        () -> countedOrders.streamByStatus(OrderStatus.SHIPPED, q -> q.cursor(ordersCursor)),
        () -> countedOrders.streamByCustomer(CUSTOMERS.get(2), q -> q.cursor(customerCursor)));
    for (Runnable call : misuse) {
      assertThatThrownBy(call::run).isInstanceOf(InvalidCursorException.class);
    }
    assertThat(counting.requests()).isEqualTo(before);
  }

  @Test
  void cursor_malformedTamperedOrForeign_isATypedErrorBeforeAnyRequest() {
    String cursor = orders.byCustomer(CUSTOMERS.get(0), q -> q.pageSize(5)).nextCursor().orElseThrow();
    OrdersRepository otherKey = OrdersRepository.builder().client(counting.client()).tableName(table)
        .cursorKey("some-other-cursor-key-0123456789".getBytes(StandardCharsets.US_ASCII)).build();
    OrdersRepository otherTable = OrdersRepository.builder().client(counting.client()).tableName(table + "-copy")
        .cursorKey(CURSOR_KEY).build();
    char last = cursor.charAt(cursor.length() / 2);
    String tampered = cursor.substring(0, cursor.length() / 2) + (last == 'A' ? 'B' : 'A')
        + cursor.substring(cursor.length() / 2 + 1);
    int before = counting.requests();

    for (String bad : List.of("", "not a cursor", "%%%", "abc", tampered, cursor + "AA", cursor.substring(1),
        new StringBuilder(cursor).reverse().toString())) {
      assertThatThrownBy(() -> countedOrders.byCustomer(CUSTOMERS.get(0), q -> q.cursor(bad)))
          .isInstanceOf(InvalidCursorException.class);
    }
    assertThatThrownBy(() -> otherKey.byCustomer(CUSTOMERS.get(0), q -> q.cursor(cursor)))
        .isInstanceOf(InvalidCursorException.class);
    assertThatThrownBy(() -> otherTable.byCustomer(CUSTOMERS.get(0), q -> q.cursor(cursor)))
        .isInstanceOf(InvalidCursorException.class);
    assertThat(counting.requests()).isEqualTo(before);
    // the genuine cursor still works, on another repository instance sharing the key
    assertThat(countedOrders.byCustomer(CUSTOMERS.get(0), q -> q.cursor(cursor).pageSize(5)).items()).hasSize(5);
  }

  @Test
  void lastPage_isNeverEmptyAfterAFullPage() {
    // 50 orders a customer: with page size 10 the fifth page is full and must say there is no more
    List<Page<Order>> pages = new ArrayList<>();
    Page<Order> page = orders.byCustomer(CUSTOMERS.get(4), q -> q.pageSize(10));
    pages.add(page);
    while (page.hasMore()) {
      String next = page.nextCursor().orElseThrow();
      page = orders.byCustomer(CUSTOMERS.get(4), q -> q.pageSize(10).cursor(next));
      pages.add(page);
    }
    assertThat(pages).hasSize(5).allSatisfy(p -> assertThat(p.items()).hasSize(10));
    assertThat(Collections.frequency(pages.stream().map(Page::hasMore).toList(), false)).isEqualTo(1);
    Set<Order> distinct = pages.stream().flatMap(p -> p.items().stream()).collect(Collectors.toSet());
    assertThat(distinct).hasSize(50);
  }

  @Test
  void queries_areValidatedBeforeAnyRequest() {
    int before = counting.requests();
    assertThatThrownBy(() -> countedOrders.byDate(LocalDate.of(10_000, 1, 1)))
        .isInstanceOf(dev.ddbkit.core.error.InvalidInputException.class);
    assertThatThrownBy(() -> countedOrders.byDate(DateQuery.builder(DATES.get(0)).pageSize(-1).build()))
        .isInstanceOf(dev.ddbkit.core.error.InvalidInputException.class);
    assertThatThrownBy(() -> countedOrders.keysByStatus(OrderStatus.PENDING, q -> q.pageSize(1001)))
        .isInstanceOf(dev.ddbkit.core.error.InvalidInputException.class);
    assertThat(counting.requests()).isEqualTo(before);
  }
}
