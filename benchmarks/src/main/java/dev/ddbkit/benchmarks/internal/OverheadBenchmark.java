package dev.ddbkit.benchmarks.internal;

import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableManager;
import dev.ddbkit.orders.NewOrder;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrderKey;
import dev.ddbkit.orders.OrdersRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * ddbkit's orders repository against the raw SDK doing the same requests over the same client: GetItem,
 * conditional PutItem, Query by customer (newest first, 20 a page) and Query on OrderDateIndex (20 a page).
 * Calls alternate between the two sides (ABBA order) so drift of the server affects both alike.
 */
public final class OverheadBenchmark {
  private static final Logger log = LoggerFactory.getLogger(OverheadBenchmark.class);
  private static final int CUSTOMERS = 20;
  private static final int ORDERS_PER_CUSTOMER = 50;
  private static final int PAGE = 20;

  private OverheadBenchmark() {}

  /** Runs the comparison and returns its section. */
  public static Section run(LocalServerProcess server, Mode mode) {
    try (DdbkitClients clients = DdbkitClients.create(server.settings().build())) {
      DynamoDbClient client = clients.sync();
      TableManager.of(client).ensure(SeedTables.orders());
      OrdersRepository repo = OrdersRepository.builder().client(client)
        .cursorKey("ddbkit-benchmark-cursor-key-0001".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).build();
      RawOrders raw = new RawOrders(client, SeedTables.ORDERS, Clock.systemUTC());
      List<Order> orders = new ArrayList<>();
      for (int c = 0; c < CUSTOMERS; c++) {
        for (int i = 0; i < ORDERS_PER_CUSTOMER; i++) {
          orders.add(repo.create(NewOrder.builder().customerId("bench-" + c).attribute("total", 1990L).build()));
        }
      }
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      log.info("Overhead: {} orders loaded; measuring {} calls per operation and side", orders.size(),
          mode.iterations());

      Map<String, Samples[]> results = new java.util.LinkedHashMap<>();
      results.put("GetItem (get by key)", measure(mode, i -> {
        OrderKey k = orders.get(i % orders.size()).key();
        return new Runnable[] {() -> repo.get(k), () -> raw.get(k.customerId(), k.orderId())};
      }));
      results.put("PutItem (create, conditional)", measure(mode, i -> new Runnable[] {
          () -> repo.create(NewOrder.builder().customerId("bench-put").attribute("total", 1990L).build()),
          () -> raw.create("bench-put-raw", Map.of("total", AttributeValue.fromN("1990")))}));
      results.put("Query by customer (20, newest first)", measure(mode, i -> {
        String customer = "bench-" + (i % CUSTOMERS);
        return new Runnable[] {() -> repo.byCustomer(customer, q -> q.pageSize(PAGE)).nextCursor(),
            () -> raw.byCustomer(customer, PAGE)};
      }));
      results.put("GSI query OrderDateIndex (20)", measure(mode, i -> new Runnable[] {
          () -> repo.byDate(today, q -> q.pageSize(PAGE)).nextCursor(), () -> raw.byDate(today.toString(), PAGE)}));

      Section s = Section.titled("ddbkit versus the raw AWS SDK v2")
          .intro("The orders repository against hand-written SDK requests of the same shape (same table, same "
              + "`DynamoDbClient`, same key and page size), " + mode.iterations() + " measured calls per operation "
              + "and side after " + mode.warmup() + " warm-up calls (enough for the JIT to compile both paths fully, "
              + "as in a long-running service), the two sides interleaved. Data: "
              + CUSTOMERS * ORDERS_PER_CUSTOMER + " orders over " + CUSTOMERS + " customers. Latency is the whole "
              + "call as the caller sees it, including ddbkit's validation, cursor signing and item mapping.")
          .columns("operation", "raw SDK median", "ddbkit median", "median ratio", "raw SDK p99", "ddbkit p99",
              "p99 ratio");
      double worst = 0;
      String worstOp = "";
      for (Map.Entry<String, Samples[]> e : results.entrySet()) {
        Samples d = e.getValue()[0];
        Samples r = e.getValue()[1];
        double ratio = (double) d.median() / r.median();
        if (ratio > worst) {
          worst = ratio;
          worstOp = e.getKey();
        }
        s.row(e.getKey(), Samples.millis(r.median()), Samples.millis(d.median()), Samples.ratio(d.median(), r.median()),
            Samples.millis(r.p99()), Samples.millis(d.p99()), Samples.ratio(d.p99(), r.p99()));
      }
      s.target("overhead ≤ 5 % versus raw SDK medians", worst <= 1.05,
          String.format(java.util.Locale.ROOT, "worst median ratio %.3f, %s", worst, worstOp));
      s.note("A ratio of 1.00x means no measurable overhead; below 1.00x is noise in ddbkit's favour. "
          + "ddbkit's create also generates the id and stamps dates, which the raw side does too (same item). "
          + "A ddbkit page asks DynamoDB for one item more than its size (21 here) to know whether more follow "
          + "without an extra empty request, maps every item to an `Order` and signs a cursor (a few "
          + "microseconds a page, see `OrdersPageBenchmark` in the JMH section); the raw side reads exactly 20 items "
          + "and returns them as maps.");
      return s;
    }
  }

  interface Pair {
    Runnable[] calls(int i);
  }

  private static Samples[] measure(Mode mode, Pair pair) {
    Samples ddbkit = new Samples();
    Samples raw = new Samples();
    for (int i = 0; i < mode.warmup(); i++) {
      Runnable[] c = pair.calls(i);
      c[0].run();
      c[1].run();
    }
    for (int i = 0; i < mode.iterations(); i++) {
      Runnable[] c = pair.calls(i + mode.warmup());
      boolean ddbkitFirst = (i & 1) == 0;
      if (ddbkitFirst) {
        time(c[0], ddbkit);
        time(c[1], raw);
      } else {
        time(c[1], raw);
        time(c[0], ddbkit);
      }
    }
    return new Samples[] {ddbkit, raw};
  }

  private static void time(Runnable r, Samples s) {
    long t0 = System.nanoTime();
    r.run();
    s.add(System.nanoTime() - t0);
  }

  /** The seed's requests, written directly against the SDK. */
  static final class RawOrders {
    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;

    RawOrders(DynamoDbClient client, String table, Clock clock) {
      this.client = client;
      this.table = table;
      this.clock = clock;
    }

    Map<String, AttributeValue> get(String customer, String orderId) {
      return client.getItem(g -> g.tableName(table).key(Map.of("customer_id", AttributeValue.fromS(customer),
          "order_id", AttributeValue.fromS(orderId)))).item();
    }

    void create(String customer, Map<String, AttributeValue> attributes) {
      var now = clock.instant();
      String id = "ORD_" + now.toEpochMilli() + "_" + String.format("%08x", ThreadLocalRandom.current().nextInt());
      Map<String, AttributeValue> item = new HashMap<>(attributes);
      item.put("customer_id", AttributeValue.fromS(customer));
      item.put("order_id", AttributeValue.fromS(id));
      item.put("order_date", AttributeValue.fromS(now.atOffset(ZoneOffset.UTC).toLocalDate().toString()));
      item.put("created_at", AttributeValue.fromS(now.toString()));
      item.put("status", AttributeValue.fromS("pending"));
      item.put("expires_at", AttributeValue.fromN(Long.toString(now.getEpochSecond() + 2L * 365 * 24 * 3600)));
      client.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(order_id)"));
    }

    List<Map<String, AttributeValue>> byCustomer(String customer, int limit) {
      return client.query(q -> q.tableName(table).keyConditionExpression("customer_id = :c")
          .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(customer)))
          .scanIndexForward(false).limit(limit)).items();
    }

    List<Map<String, AttributeValue>> byDate(String date, int limit) {
      return client.query(q -> q.tableName(table).indexName(SeedTables.ORDER_DATE_INDEX)
          .keyConditionExpression("order_date = :d")
          .expressionAttributeValues(Map.of(":d", AttributeValue.fromS(date))).limit(limit)).items();
    }
  }
}
