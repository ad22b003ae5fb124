package dev.ddbkit.cli.internal;

import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.orders.InvalidCursorException;
import dev.ddbkit.orders.NewOrder;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrderKey;
import dev.ddbkit.orders.OrderStatus;
import dev.ddbkit.orders.OrderStatusConflictException;
import dev.ddbkit.orders.OrdersRepository;
import dev.ddbkit.orders.Page;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/** The orders patterns of the seed: create, get, status transitions, and the three paged queries. */
final class OrdersSteps {
  /** Pages read at most per query against an existing table, whose partitions may be large. */
  static final int MAX_PAGES = 50;

  private final Demo demo;
  private final Connection connection;
  private final DemoSettings settings;
  private final Clock clock;
  private final List<Order> created = new ArrayList<>();
  private final Map<OrderStatus, Integer> byStatus = new LinkedHashMap<>();
  private OrdersRepository today;

  OrdersSteps(Demo demo, Connection connection, DemoSettings settings, Clock clock) {
    this.demo = demo;
    this.connection = connection;
    this.settings = settings;
    this.clock = clock;
  }

  String customer(int i) {
    return demo.prefix() + String.format(Locale.ROOT, "cust-%02d", i);
  }

  /** Orders created by this run. */
  List<Order> created() {
    return created;
  }

  void create(DemoReport.Step s) {
    today = repository(clock);
    // three days of orders: each day's repository stamps order_id, order_date and created_at from its clock
    List<OrdersRepository> days = List.of(repository(Clock.offset(clock, Duration.ofDays(-2))),
        repository(Clock.offset(clock, Duration.ofDays(-1))), today);
    Random random = new Random(42);
    Progress progress = demo.progress("creating orders", settings.orders());
    for (int i = 0; i < settings.orders(); i++) {
      OrdersRepository repo = days.get(i * days.size() / settings.orders());
      String customer = customer(i % settings.customers());
      long cents = 500 + random.nextInt(20_000);
      created.add(repo.create(NewOrder.builder().customerId(customer)
          .attribute("total", BigDecimal.valueOf(cents, 2))
          .attribute("items", 1 + random.nextInt(5))
          .build()));
      progress.update(i + 1);
    }
    progress.done();
    s.say("OrdersRepository.create x" + created.size() + ": PutItem conditional on attribute_not_exists(order_id); "
        + "ids ORD_<epoch millis>_<8 hex>, order_date, created_at and expires_at (+2 years) stamped from the clock");
    s.say("spread over " + settings.customers() + " customers (" + customer(0) + " ...) and 3 days ("
        + dates().get(0) + " to " + dates().get(2) + ")");

    // status transitions, each conditional on the current status
    int confirmed = 0;
    int shipped = 0;
    for (int i = 0; i < created.size(); i++) {
      Order o = created.get(i);
      if (i % 3 == 0) {
        created.set(i, today.updateStatus(o.key(), OrderStatus.PENDING, OrderStatus.CONFIRMED));
        confirmed++;
      } else if (i % 3 == 1) {
        Order c = today.updateStatus(o.key(), OrderStatus.PENDING, OrderStatus.CONFIRMED);
        created.set(i, today.updateStatus(c.key(), OrderStatus.CONFIRMED, OrderStatus.SHIPPED));
        shipped++;
      }
    }
    for (Order o : created) {
      byStatus.merge(o.status(), 1, Integer::sum);
    }
    s.say("updateStatus (UpdateItem conditional on the current status): " + confirmed + " pending -> confirmed, "
        + shipped + " pending -> confirmed -> shipped");

    // a transition that lost the race: the order is no longer pending
    Order moved = created.get(0);
    try {
      today.updateStatus(moved.key(), OrderStatus.PENDING, OrderStatus.CANCELLED);
      s.say("UNEXPECTED: a stale transition pending -> cancelled was applied");
      throw new IllegalStateException("A transition from a stale status was applied.");
    } catch (OrderStatusConflictException expected) {
      s.say("stale transition pending -> cancelled of " + moved.orderId() + " rejected: "
          + expected.getClass().getSimpleName() + " (actual status " + expected.actual().map(OrderStatus::wireValue)
              .orElse("?") + "), nothing written");
    }

    Optional<Order> read = today.get(moved.key());
    s.say("get (GetItem) of " + moved.orderId() + ": " + read.map(o -> "found, status " + o.status().wireValue())
        .orElse("NOT FOUND"));
    if (read.isEmpty()) {
      throw new IllegalStateException("An order just created was not found.");
    }
    s.count("created", created.size()).count("customers", settings.customers());
    byStatus.forEach((k, v) -> s.count(k.wireValue(), v));
  }

  void queryByCustomer(DemoReport.Step s) {
    String customer = customer(0);
    long expected = created.stream().filter(o -> o.customerId().equals(customer)).count();
    Walk<Order> walk = walk(cursor -> today.byCustomer(customer, q -> {
      q.pageSize(7);
      if (cursor != null) {
        q.cursor(cursor);
      }
    }));
    boolean newestFirst = true;
    for (int i = 1; i < walk.items.size(); i++) {
      newestFirst &= walk.items.get(i - 1).orderId().compareTo(walk.items.get(i).orderId()) >= 0;
    }
    s.say("byCustomer(\"" + customer + "\", pageSize 7): Query on customer_id, newest first, following the opaque "
        + "cursor of each page");
    s.say(walk.pages + " pages, " + walk.items.size() + " orders (" + expected + " created), each once: "
        + (walk.unique() ? "yes" : "NO") + ", newest first: " + (newestFirst ? "yes" : "NO"));
    if (walk.items.size() != expected || !walk.unique() || !newestFirst) {
      throw new IllegalStateException("The customer's pages did not return each of its orders exactly once, newest first.");
    }
    try {
      String foreign = walk.firstCursor;
      if (foreign != null) {
        today.byCustomer(customer(1), q -> q.cursor(foreign));
        throw new IllegalStateException("A cursor of another customer's query was accepted.");
      }
    } catch (InvalidCursorException expected2) {
      s.say("the cursor of " + customer + "'s query used for " + customer(1) + ": rejected ("
          + expected2.getClass().getSimpleName() + "), no items from elsewhere");
    }
    s.count("pages", walk.pages).count("orders", walk.items.size());
  }

  void queryByDate(DemoReport.Step s) {
    LocalDate day = dates().get(2);
    Set<String> ours = ids(o -> o.orderDate().equals(day));
    Walk<Order> walk = walk(cursor -> today.byDate(day, q -> {
      q.pageSize(25);
      if (cursor != null) {
        q.cursor(cursor);
      }
    }));
    long found = walk.items.stream().filter(o -> ours.contains(o.orderId())).count();
    s.say("byDate(" + day + ", pageSize 25): Query on OrderDateIndex (projection ALL)");
    s.say(walk.pages + " pages, " + walk.items.size() + " orders" + (walk.capped ? " (stopped after " + MAX_PAGES
        + " pages)" : "") + "; of the " + ours.size() + " this run created that day, found " + found);
    if (!walk.capped && found != ours.size()) {
      throw new IllegalStateException("The date index did not return every order of the day.");
    }
    s.count("pages", walk.pages).count("orders", walk.items.size());
  }

  void queryByStatus(DemoReport.Step s) {
    Set<String> shipped = ids(o -> o.status() == OrderStatus.SHIPPED);
    Walk<OrderKey> keys = walk(cursor -> today.keysByStatus(OrderStatus.SHIPPED, q -> {
      q.pageSize(10).from(dates().get(0));
      if (cursor != null) {
        q.cursor(cursor);
      }
    }));
    long found = keys.items.stream().filter(k -> shipped.contains(k.orderId())).count();
    s.say("keysByStatus(shipped, from " + dates().get(0) + ", pageSize 10): Query on StatusIndex (KEYS_ONLY)");
    s.say(keys.pages + " pages, " + keys.items.size() + " keys" + (keys.capped ? " (stopped after " + MAX_PAGES
        + " pages)" : "") + "; of the " + shipped.size() + " orders this run shipped, found " + found);
    Page<Order> hydrated = today.byStatus(OrderStatus.SHIPPED, q -> q.pageSize(10).from(dates().get(0)));
    s.say("byStatus(shipped, pageSize 10): the same keys hydrated with BatchGetItem in index order: "
        + hydrated.items().size() + " full orders on the first page, more: " + hydrated.hasMore());
    if (!keys.capped && found != shipped.size()) {
      throw new IllegalStateException("The status index did not return every shipped order.");
    }
    s.count("pages", keys.pages).count("keys", keys.items.size()).count("hydrated", hydrated.items().size());
  }

  List<LocalDate> dates() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return List.of(today.minusDays(2), today.minusDays(1), today);
  }

  private Set<String> ids(java.util.function.Predicate<Order> filter) {
    Set<String> ids = new HashSet<>();
    created.stream().filter(filter).forEach(o -> ids.add(o.orderId()));
    return ids;
  }

  private OrdersRepository repository(Clock c) {
    return OrdersRepository.builder().client(connection.sync()).tableName(SeedTables.ORDERS).clock(c)
        .cursorKey(OrdersCommand.cursorKey()).build();
  }

  private <T> Walk<T> walk(Function<String, Page<T>> query) {
    Walk<T> w = new Walk<>();
    String cursor = null;
    do {
      Page<T> page = query.apply(cursor);
      w.pages++;
      w.items.addAll(page.items());
      cursor = page.nextCursor().orElse(null);
      if (w.firstCursor == null) {
        w.firstCursor = cursor;
      }
      if (w.pages >= MAX_PAGES && cursor != null) {
        w.capped = true;
        break;
      }
    } while (cursor != null);
    return w;
  }

  private static final class Walk<T> {
    final List<T> items = new ArrayList<>();
    int pages;
    boolean capped;
    String firstCursor;

    boolean unique() {
      return new HashSet<>(items).size() == items.size();
    }
  }
}
