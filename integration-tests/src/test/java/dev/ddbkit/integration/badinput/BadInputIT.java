package dev.ddbkit.integration.badinput;

import static dev.ddbkit.integration.badinput.BadInput.afterReads;
import static dev.ddbkit.integration.badinput.BadInput.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.error.IdempotentParameterMismatchException;
import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.core.metrics.MetricsHook;
import dev.ddbkit.core.retry.RetrySettings;
import dev.ddbkit.core.table.Capacity;
import dev.ddbkit.core.table.IndexDefinition;
import dev.ddbkit.core.table.KeyAttribute;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.core.table.TableManager;
import dev.ddbkit.dax.DaxAwareAsyncClient;
import dev.ddbkit.dax.DaxAwareClient;
import dev.ddbkit.metrics.sharding.MetricPoint;
import dev.ddbkit.metrics.sharding.MetricQuery;
import dev.ddbkit.metrics.sharding.MetricWriteException;
import dev.ddbkit.metrics.sharding.ShardedMetrics;
import dev.ddbkit.metrics.sharding.ShardingConfig;
import dev.ddbkit.metrics.sharding.StoredPoint;
import dev.ddbkit.orders.CustomerQuery;
import dev.ddbkit.orders.DateQuery;
import dev.ddbkit.orders.InvalidCursorException;
import dev.ddbkit.orders.MalformedOrderException;
import dev.ddbkit.orders.NewOrder;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrderKey;
import dev.ddbkit.orders.OrderStatus;
import dev.ddbkit.orders.OrderTooLargeException;
import dev.ddbkit.orders.OrdersRepository;
import dev.ddbkit.orders.StatusQuery;
import dev.ddbkit.orders.UnknownOrderStatusException;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.transactions.AccountExistsException;
import dev.ddbkit.transactions.DdbkitTransactions;
import dev.ddbkit.transactions.InsufficientStockException;
import dev.ddbkit.transactions.UnknownProductException;
import dev.ddbkit.transactions.IdempotencyTable;
import dev.ddbkit.transactions.OrderLine;
import dev.ddbkit.transactions.OrderRequest;
import dev.ddbkit.transactions.OrderResult;
import dev.ddbkit.transactions.Shortage;
import dev.ddbkit.transactions.TransactionSettings;
import dev.ddbkit.transactions.TransferRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Every bad input ddbkit's public API is known to meet, against DynamoDB Local: the caller gets the exact typed
 * error with a sentence naming the argument, nothing is written, and (unless recorded as a gap) no request is
 * sent. docs/bad-input.md is the table of these cases.
 */
@DynamoDbLocalTest
class BadInputIT {
  private static final Instant T = Instant.parse("2030-06-01T12:00:00Z");
  private static final String ORDERS = "orders";
  private static final String METRICS = "metrics-sharding";
  private static final String TX = "transactions";
  private static final String DAX = "dax";
  private static final String CORE = "core";

  private static final RequestCounter COUNTER = new RequestCounter();
  private static DynamoDbClient plain;
  private static DdbkitClients counted;
  private static List<String> tableNames;
  private static String ordersTable;
  private static String metricsTable;
  private static String inventoryTable;
  private static OrdersRepository orders;
  private static OrdersRepository otherKeyOrders;
  private static ShardedMetrics metrics;
  private static DdbkitTransactions tx;
  private static TransactionSettings txSettings;
  private static String customerCursor;
  private static String statusCursor;
  private static String otherKeyCursor;
  private static Order firstOrder;
  private static Map<String, List<Map<String, AttributeValue>>> afterSetUp;

  private static final byte[] CURSOR_KEY = "bad-input-cursor-key-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  /** An order id in the orders layout. */
  private static final String O1 = "ORD_1700000000000_00000001";

  @BeforeAll
  static void setUp(DynamoDbClient client, TestTables tables, DynamoDbLocal local) {
    plain = client;
    counted = DdbkitClients.create(local.clientSettings().toBuilder().maxAttempts(1).addInterceptor(COUNTER).build());
    ordersTable = tables.ensure(SeedTables.orders()).name();
    metricsTable = tables.ensure(SeedTables.metrics()).name();
    inventoryTable = tables.ensure(SeedTables.inventory()).name();
    String accounts = tables.ensure(SeedTables.accounts()).name();
    String idempotency = tables.ensure(IdempotencyTable.definition()).name();
    tableNames = List.of(ordersTable, metricsTable, inventoryTable, accounts, idempotency);

    orders = OrdersRepository.builder().client(counted.sync()).tableName(ordersTable).cursorKey(CURSOR_KEY).build();
    otherKeyOrders = OrdersRepository.builder().client(counted.sync()).tableName(ordersTable)
        .cursorKey(new byte[32]).build();
    firstOrder = orders.create(o -> o.customerId("c1"));
    orders.create(o -> o.customerId("c1").status(OrderStatus.SHIPPED));
    orders.create(o -> o.customerId("c2").status(OrderStatus.SHIPPED));
    customerCursor = orders.byCustomer("c1", q -> q.pageSize(1)).nextCursor().orElseThrow();
    otherKeyCursor = otherKeyOrders.byCustomer("c1", q -> q.pageSize(1)).nextCursor().orElseThrow();
    statusCursor = orders.keysByStatus(OrderStatus.SHIPPED, q -> q.pageSize(1)).nextCursor().orElseThrow();
    // an order written by another writer with a status this version does not know
    plain.putItem(p -> p.tableName(ordersTable).item(Map.of(
        "customer_id", AttributeValue.fromS("c-legacy"), "order_id", AttributeValue.fromS("ORD_1700000000000_0000beef"),
        "order_date", AttributeValue.fromS("2023-11-14"), "created_at", AttributeValue.fromS("2023-11-14T22:13:20.000Z"),
        "status", AttributeValue.fromS("lost"))));

    // default retry settings, so a bad input that were retried would show as repeated requests
    metrics = ShardedMetrics.create(counted.async(), metricsTable, c -> c.shardCount(4));
    metrics.put("cpu", T, 1.0);

    txSettings = TransactionSettings.builder().ordersTable(ordersTable).inventoryTable(inventoryTable)
        .accountsTable(accounts).idempotencyTable(idempotency).build();
    tx = DdbkitTransactions.create(counted.sync(), txSettings);
    putNumber(inventoryTable, "product_id", "p1", "quantity", 5);
    putNumber(inventoryTable, "product_id", "p-dup", "quantity", 5);
    putNumber(accounts, "account_id", "alice", "balance", 100);
    putNumber(accounts, "account_id", "bob", "balance", 0);
    tx.transferCredits("op-used", "alice", "bob", 1);
    afterSetUp = snapshot();
  }

  @AfterAll
  static void tearDown() {
    try {
      assertThat(snapshot()).as("every table after all bad inputs").isEqualTo(afterSetUp);
    } finally {
      counted.close();
    }
  }

  static Stream<BadInput> rejectedBeforeAnyRequest() {
    return all().filter(c -> c.operations().isEmpty());
  }

  static Stream<BadInput> reachesDynamoDb() {
    return all().filter(c -> !c.operations().isEmpty());
  }

  static final String DUPLICATE_LINES_ROW = "| transactions | duplicate product lines (p-dup x3 twice) | merged into"
      + " one line of 6 (no error; here `InsufficientStock` as 6 > 5 in stock) | no; one TransactWriteItems with one"
      + " inventory update, cancelled by its condition | `BadInputIT."
      + "processOrder_withDuplicateProductLines_mergesThemIntoOneInventoryUpdate` |";

  @Test
  void docs_badInputTable_listsEveryCase() throws IOException {
    List<String> rows = new ArrayList<>(BadInputTable.rows(all().toList(),
        "badInput_isRejectedWithATypedErrorBeforeAnyRequest", "badInput_reachingDynamoDb_getsATypedErrorAndWritesNothing"));
    rows.add(DUPLICATE_LINES_ROW);
    List<String> table = new ArrayList<>(List.of(BadInputTable.HEADER, BadInputTable.RULE));
    table.addAll(rows);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "bad-input-table.md"), table);
    Path doc = Path.of("..", "docs", "bad-input.md");
    assertThat(doc).exists();
    assertThat(Files.readAllLines(doc)).as("docs/bad-input.md (regenerate from target/bad-input-table.md)")
        .containsAll(rows);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedBeforeAnyRequest")
  void badInput_isRejectedWithATypedErrorBeforeAnyRequest(BadInput c) {
    check(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reachesDynamoDb")
  void badInput_reachingDynamoDb_getsATypedErrorAndWritesNothing(BadInput c) {
    check(c);
  }

  @Test
  void processOrder_withDuplicateProductLines_mergesThemIntoOneInventoryUpdate() {
    Map<String, List<Map<String, AttributeValue>>> before = snapshot();
    COUNTER.reset();

    OrderResult result = tx.processOrder(o -> o.customerId("c-dup").orderId("ORD_1700000000000_0000d0d0").line("p-dup", 3)
        .line("p-dup", 3));

    // merged, the two lines ask for 6 of the 5 in stock: one shortage, not DynamoDB's ValidationException
    // for two operations on one item, and nothing written
    assertThat(result).isEqualTo(new OrderResult.InsufficientStock("c-dup", "ORD_1700000000000_0000d0d0",
        List.of(new Shortage("p-dup", 6, 5, true))));
    assertThat(COUNTER.operations()).containsExactly("TransactWriteItems");
    assertThat(snapshot()).isEqualTo(before);
  }

  private static void check(BadInput c) {
    // a case that sends nothing cannot write: the request count proves it, and tearDown compares every table
    // with its state after setUp; a case that reaches DynamoDB is compared table by table right away
    Map<String, List<Map<String, AttributeValue>>> before = c.operations().isEmpty() ? null : snapshot();
    COUNTER.reset();

    Throwable thrown = catchThrowable(c.call());

    List<String> sent = COUNTER.operations();
    assertThat(thrown).as(c.toString()).isNotNull();
    assertThat(thrown.getClass()).as(c + " threw " + thrown).isEqualTo(c.type());
    assertThat(thrown.getMessage()).as(c + " message").containsIgnoringCase(c.mentions());
    if (!c.gap()) {
      // ddbkit's own messages are sentences; a gap's message may be DynamoDB's or the JVM's
      assertThat(thrown.getMessage()).as(c + " message").endsWith(".");
    }
    if (c.argument() != null) {
      assertThat(((InvalidInputException) thrown).argument()).as(c + " argument").isEqualTo(c.argument());
    }
    assertThat(sent).as(c + " requests sent").isEqualTo(c.operations());
    if (before != null) {
      assertThat(snapshot()).as(c + " tables after").isEqualTo(before);
    }
  }

  // ------------------------------------------------------------------------------------------------ cases

  static Stream<BadInput> all() {
    return Stream.of(orders(), metrics(), transactions(), dax(), core()).flatMap(List::stream);
  }

  private static List<BadInput> orders() {
    Class<InvalidInputException> iie = InvalidInputException.class;
    Class<InvalidCursorException> bad = InvalidCursorException.class;
    String tooLongCustomer = "é".repeat(1025); // 1,025 characters, 2,050 UTF-8 bytes
    String tooLongOrderId = "é".repeat(513);   // 1,026 UTF-8 bytes
    OrderKey key = firstOrderKey();
    String tampered = flip(customerCursor);
    List<BadInput> c = new ArrayList<>(List.of(
        rejected(ORDERS, "blank customerId (create)", iie, "customerId", () -> orders.create(o -> o.customerId("  "))),
        rejected(ORDERS, "missing customerId (create)", iie, "customerId", () -> orders.create(o -> { })),
        rejected(ORDERS, "blank orderId (get)", iie, "orderId", () -> orders.get("c1", "")),
        rejected(ORDERS, "partition key customerId over 2048 UTF-8 bytes (create)", iie, "customerId",
            () -> orders.create(o -> o.customerId(tooLongCustomer))),
        rejected(ORDERS, "partition key customerId over 2048 UTF-8 bytes (get)", iie, "customerId",
            () -> orders.get(tooLongCustomer, key.orderId())),
        rejected(ORDERS, "sort key orderId over 1024 UTF-8 bytes (get)", iie, "orderId",
            () -> orders.get("c1", tooLongOrderId)),
        rejected(ORDERS, "sort key orderId over 1024 UTF-8 bytes (updateStatus)", iie, "orderId",
            () -> orders.updateStatus("c1", tooLongOrderId, OrderStatus.PENDING, OrderStatus.SHIPPED)),
        rejected(ORDERS, "item over 400 KB (create)", OrderTooLargeException.class, "attributes",
            () -> orders.create(o -> o.customerId("c-big").attribute("note", "x".repeat(410_000))))
            .mentioning("400 KB"),
        rejected(ORDERS, "invalid table name with spaces", iie, "tableName",
            () -> OrdersRepository.builder().tableName("orders production")),
        rejected(ORDERS, "invalid table name shorter than 3 characters", iie, "tableName",
            () -> OrdersRepository.builder().tableName("ab")),
        rejected(ORDERS, "blank table name", iie, "tableName", () -> OrdersRepository.builder().tableName(" ")),
        rejected(ORDERS, "attribute named like a managed attribute (status)", iie, "status",
            () -> orders.create(o -> o.customerId("c9").attribute("status", "x"))),
        rejected(ORDERS, "blank attribute name", iie, "attribute name",
            () -> orders.create(o -> o.customerId("c9").attribute(" ", "x"))),
        rejected(ORDERS, "NaN number attribute", iie, "price",
            () -> orders.create(o -> o.customerId("c9").attribute("price", AttributeValue.fromN("NaN")))),
        rejected(ORDERS, "Infinity number attribute", iie, "price",
            () -> orders.create(o -> o.customerId("c9").attribute("price", AttributeValue.fromN("Infinity")))),
        rejected(ORDERS, "number attribute outside DynamoDB's range (1E+126)", iie, "price",
            () -> orders.create(o -> o.customerId("c9").attribute("price", AttributeValue.fromN("1E+126")))),
        rejected(ORDERS, "number attribute with more than 38 significant digits", iie, "price",
            () -> orders.create(o -> o.customerId("c9").attribute("price", AttributeValue.fromN("1." + "1".repeat(38))))),
        rejected(ORDERS, "attribute nested deeper than 32 levels", iie, "deep" + ".x".repeat(32),
            () -> orders.create(o -> o.customerId("c9").attribute("deep", nested(33)))).mentioning("32 levels"),
        rejected(ORDERS, "empty string set attribute", iie, "tags",
            () -> orders.create(o -> o.customerId("c9").attribute("tags", AttributeValue.fromSs(List.of())))),
        rejected(ORDERS, "duplicate values in a number set attribute", iie, "sizes",
            () -> orders.create(o -> o.customerId("c9")
                .attribute("sizes", AttributeValue.fromNs(List.of("1", "1.0"))))),
        rejected(ORDERS, "AttributeValue with no value set", iie, "gift",
            () -> orders.create(o -> o.customerId("c9").attribute("gift", AttributeValue.builder().build())))
            .mentioning("no value"),
        rejected(ORDERS, "unknown order status wire value 'lost'", UnknownOrderStatusException.class, "status",
            () -> OrderStatus.fromWire("lost")).mentioning("'lost'"),
        rejected(ORDERS, "null order status wire value", iie, "status", () -> OrderStatus.fromWire(null)),
        afterReads(ORDERS, "stored item with unknown status 'lost' (byCustomer page)", MalformedOrderException.class,
            "lost", List.of("Query"), () -> orders.byCustomer("c-legacy")),
        rejected(ORDERS, "partition key customerId over 2048 UTF-8 bytes (byCustomer)", iie, "customerId",
            () -> orders.byCustomer(tooLongCustomer)),
        rejected(ORDERS, "attribute name over 65,535 UTF-8 bytes", iie, "attribute name",
            () -> orders.create(o -> o.customerId("c9").attribute("n".repeat(65_536), "x"))),
        afterReads(ORDERS, "stored item with unknown status 'lost' (get)", MalformedOrderException.class, "lost",
            List.of("GetItem"), () -> orders.get("c-legacy", "ORD_1700000000000_0000beef")),
        rejected(ORDERS, "updateStatus to the same status", iie, "next",
            () -> orders.updateStatus(key, OrderStatus.PENDING, OrderStatus.PENDING)),
        rejected(ORDERS, "zero pageSize", iie, "pageSize", () -> orders.byCustomer("c1", q -> q.pageSize(0))),
        rejected(ORDERS, "negative pageSize", iie, "pageSize", () -> orders.byDate(LocalDate.of(2030, 1, 1),
            q -> q.pageSize(-1))),
        rejected(ORDERS, "pageSize over 1000", iie, "pageSize",
            () -> orders.keysByStatus(OrderStatus.PENDING, q -> q.pageSize(1001))),
        rejected(ORDERS, "zero timeToLive", iie, "timeToLive",
            () -> OrdersRepository.builder().timeToLive(Duration.ZERO)),
        rejected(ORDERS, "negative timeToLive", iie, "timeToLive",
            () -> OrdersRepository.builder().timeToLive(Duration.ofDays(-1))),
        rejected(ORDERS, "cursorKey shorter than 16 bytes", iie, "cursorKey",
            () -> OrdersRepository.builder().cursorKey(new byte[8])),
        rejected(ORDERS, "date beyond year 9999", iie, "date", () -> orders.byDate(LocalDate.of(10_000, 1, 1))),
        rejected(ORDERS, "createdFrom after createdUntil", iie, "createdFrom",
            () -> orders.byCustomer("c1", q -> q.createdBetween(T, T.minusSeconds(1)))),
        rejected(ORDERS, "empty cursor", bad, "cursor", () -> orders.byCustomer("c1", q -> q.cursor(""))),
        rejected(ORDERS, "cursor that is not base64", bad, "cursor",
            () -> orders.byCustomer("c1", q -> q.cursor("not a cursor!"))),
        rejected(ORDERS, "truncated cursor", bad, "cursor",
            () -> orders.byCustomer("c1", q -> q.cursor(customerCursor.substring(0, 20)))),
        rejected(ORDERS, "tampered cursor (one character changed)", bad, "cursor",
            () -> orders.byCustomer("c1", q -> q.cursor(tampered))),
        rejected(ORDERS, "cursor of another customer's query", bad, "cursor",
            () -> orders.byCustomer("c2", q -> q.cursor(customerCursor))),
        rejected(ORDERS, "cursor of another kind of query (customer cursor in byStatus)", bad, "cursor",
            () -> orders.byStatus(OrderStatus.SHIPPED, q -> q.cursor(customerCursor))),
        rejected(ORDERS, "keysByStatus cursor passed to byStatus (keys versus orders)", bad, "cursor",
            () -> orders.byStatus(OrderStatus.SHIPPED, q -> q.cursor(statusCursor))),
        rejected(ORDERS, "cursor of the same customer with another time range", bad, "cursor",
            () -> orders.byCustomer("c1", q -> q.createdFrom(T.minusSeconds(3600 * 24 * 365 * 20L)).cursor(customerCursor))),
        rejected(ORDERS, "cursor of the same customer in the other order (oldestFirst)", bad, "cursor",
            () -> orders.byCustomer("c1", q -> q.oldestFirst().cursor(customerCursor))),
        rejected(ORDERS, "cursor issued under another cursorKey", bad, "cursor",
            () -> orders.byCustomer("c1", q -> q.cursor(otherKeyCursor))),
        rejected(ORDERS, "tampered cursor on a stream (fails at the call)", bad, "cursor",
            () -> orders.streamByCustomer("c1", q -> q.cursor(tampered))),
        rejected(ORDERS, "null cursor", iie, "cursor", () -> orders.byCustomer("c1", q -> q.cursor(null)))));
    // null arguments to every public entry point of OrdersRepository and its query builders
    c.addAll(List.of(
        rejected(ORDERS, "null NewOrder (create)", iie, "order", () -> orders.create((NewOrder) null)),
        rejected(ORDERS, "null customizer (create)", iie, "order",
            () -> orders.create((Consumer<NewOrder.Builder>) null)),
        rejected(ORDERS, "null status (NewOrder)", iie, "status", () -> orders.create(o -> o.customerId("c9").status(null))),
        rejected(ORDERS, "null attribute value", iie, "value of attribute note",
            () -> orders.create(o -> o.customerId("c9").attribute("note", (String) null))),
        rejected(ORDERS, "null attributes map", iie, "attributes",
            () -> orders.create(o -> o.customerId("c9").attributes(null))),
        rejected(ORDERS, "null OrderKey (get)", iie, "key", () -> orders.get(null)),
        rejected(ORDERS, "null customerId (get)", iie, "customerId", () -> orders.get(null, "o1")),
        rejected(ORDERS, "null orderId (get)", iie, "orderId", () -> orders.get("c1", null)),
        rejected(ORDERS, "null key (updateStatus)", iie, "key",
            () -> orders.updateStatus((OrderKey) null, OrderStatus.PENDING, OrderStatus.SHIPPED)),
        rejected(ORDERS, "null expected status (updateStatus)", iie, "expected",
            () -> orders.updateStatus(key, null, OrderStatus.SHIPPED)),
        rejected(ORDERS, "null next status (updateStatus)", iie, "next",
            () -> orders.updateStatus(key, OrderStatus.PENDING, null)),
        rejected(ORDERS, "null CustomerQuery (byCustomer)", iie, "query", () -> orders.byCustomer((CustomerQuery) null)),
        rejected(ORDERS, "null customerId (byCustomer)", iie, "customerId", () -> orders.byCustomer((String) null)),
        rejected(ORDERS, "null customizer (byCustomer)", iie, "query", () -> orders.byCustomer("c1", null)),
        rejected(ORDERS, "null CustomerQuery (streamByCustomer)", iie, "query",
            () -> orders.streamByCustomer((CustomerQuery) null)),
        rejected(ORDERS, "null createdFrom", iie, "createdFrom",
            () -> orders.byCustomer("c1", q -> q.createdFrom(null))),
        rejected(ORDERS, "null DateQuery (byDate)", iie, "query", () -> orders.byDate((DateQuery) null)),
        rejected(ORDERS, "null date (byDate)", iie, "date", () -> orders.byDate((LocalDate) null)),
        rejected(ORDERS, "null DateQuery (streamByDate)", iie, "query", () -> orders.streamByDate((DateQuery) null)),
        rejected(ORDERS, "null StatusQuery (byStatus)", iie, "query", () -> orders.byStatus((StatusQuery) null)),
        rejected(ORDERS, "null status (byStatus)", iie, "status", () -> orders.byStatus((OrderStatus) null)),
        rejected(ORDERS, "null StatusQuery (keysByStatus)", iie, "query",
            () -> orders.keysByStatus((StatusQuery) null)),
        rejected(ORDERS, "null StatusQuery (streamByStatus)", iie, "query",
            () -> orders.streamByStatus((StatusQuery) null)),
        rejected(ORDERS, "null StatusQuery (streamKeysByStatus)", iie, "query",
            () -> orders.streamKeysByStatus((StatusQuery) null)),
        rejected(ORDERS, "null from date (StatusQuery)", iie, "from",
            () -> orders.byStatus(OrderStatus.PENDING, q -> q.from(null))),
        rejected(ORDERS, "null client (builder)", iie, "client", () -> OrdersRepository.builder().client(null)),
        rejected(ORDERS, "no client (build)", iie, "client", () -> OrdersRepository.builder().build()),
        rejected(ORDERS, "no cursorKey (build)", iie, "cursorKey",
            () -> OrdersRepository.builder().client(plain).build()).mentioning("same one on every instance"),
        rejected(ORDERS, "null table name (builder)", iie, "tableName", () -> OrdersRepository.builder().tableName(null)),
        rejected(ORDERS, "null clock (builder)", iie, "clock", () -> OrdersRepository.builder().clock(null)),
        rejected(ORDERS, "null retry (builder)", iie, "retry", () -> OrdersRepository.builder().retry(null)),
        rejected(ORDERS, "null idRandom (builder)", iie, "idRandom", () -> OrdersRepository.builder().idRandom(null)),
        rejected(ORDERS, "null metrics hook (builder)", iie, "metrics",
            () -> OrdersRepository.builder().metrics((MetricsHook) null))));
    return c;
  }

  private static List<BadInput> metrics() {
    Class<InvalidInputException> iie = InvalidInputException.class;
    MetricPoint point = MetricPoint.of("cpu", T, 1.0);
    return List.of(
        rejected(METRICS, "NaN value", iie, "value", () -> metrics.put("cpu", T, Double.NaN)).mentioning("NaN"),
        rejected(METRICS, "positive Infinity value", iie, "value",
            () -> metrics.put("cpu", T, Double.POSITIVE_INFINITY)),
        rejected(METRICS, "negative Infinity value", iie, "value",
            () -> metrics.putAll(List.of(point, MetricPoint.of("cpu", T, Double.NEGATIVE_INFINITY)))),
        rejected(METRICS, "value below DynamoDB's smallest magnitude (1E-200)", iie, "value",
            () -> metrics.put("cpu", T, 1E-200)),
        rejected(METRICS, "value above DynamoDB's largest magnitude (1E+200)", iie, "value",
            () -> metrics.put("cpu", T, 1E+200)),
        rejected(METRICS, "metric name containing '#'", iie, "metricName", () -> metrics.put("cpu#1", T, 1.0))
            .mentioning("'#'"),
        rejected(METRICS, "blank metric name", iie, "metricName", () -> metrics.put(" ", T, 1.0)),
        rejected(METRICS, "metric name over 1000 characters", iie, "metricName",
            () -> metrics.put("m".repeat(1001), T, 1.0)),
        rejected(METRICS, "metric name containing '#' (read)", iie, "metricName",
            () -> metrics.readAll("cpu#0", T, T)),
        rejected(METRICS, "timestamp beyond year 9999", iie, "timestamp",
            () -> metrics.put("cpu", Instant.parse("+10000-01-01T00:00:00Z"), 1.0)),
        rejected(METRICS, "blank point id", iie, "id", () -> metrics.put(new MetricPoint("cpu", T, 1.0, " "))),
        rejected(METRICS, "point id over 256 characters", iie, "id", () -> metrics.put(point.withId("i".repeat(257)))),
        rejected(METRICS, "point id with a control character", iie, "id", () -> metrics.put(point.withId("a\nb")))
            .mentioning("control"),
        rejected(METRICS, "duplicate points in putAll (same name, timestamp, id)", iie, "points",
            () -> metrics.putAll(List.of(point, point))),
        rejected(METRICS, "query whose end is before its start", iie, "to",
            () -> metrics.readAll("cpu", T, T.minusSeconds(1))),
        rejected(METRICS, "zero query limit", iie, "limit", () -> metrics.readAll("cpu", T, T, q -> q.limit(0))),
        rejected(METRICS, "negative query pageSize", iie, "pageSize",
            () -> metrics.readAll("cpu", T, T, q -> q.pageSize(-5))),
        rejected(METRICS, "zero shardCount", iie, "shardCount", () -> ShardingConfig.builder().shardCount(0)),
        rejected(METRICS, "negative shardCount for one metric", iie, "shardCount",
            () -> ShardingConfig.builder().shardCount("cpu", -1)),
        rejected(METRICS, "zero ttl", iie, "ttl", () -> ShardingConfig.builder().ttl(Duration.ZERO)),
        rejected(METRICS, "zero writeConcurrency", iie, "writeConcurrency",
            () -> ShardingConfig.builder().writeConcurrency(0)),
        rejected(METRICS, "blank table name", iie, "tableName", () -> ShardedMetrics.create(counted.async(), " ")),
        rejected(METRICS, "null point (put)", iie, "point", () -> metrics.put((MetricPoint) null)),
        rejected(METRICS, "null metric name (put)", iie, "metricName", () -> metrics.put(null, T, 1.0)),
        rejected(METRICS, "null timestamp (put)", iie, "timestamp", () -> metrics.put("cpu", null, 1.0)),
        rejected(METRICS, "null collection (putAll)", iie, "points", () -> metrics.putAll(null)),
        rejected(METRICS, "null element in putAll", iie, "points[1]",
            () -> metrics.putAll(Arrays.asList(point, null))),
        rejected(METRICS, "null query (read)", iie, "query", () -> metrics.read((MetricQuery) null)),
        rejected(METRICS, "null from (read)", iie, "from", () -> metrics.readAll("cpu", null, T)),
        rejected(METRICS, "null options (read)", iie, "options", () -> metrics.readAll("cpu", T, T, null)),
        rejected(METRICS, "null key (readByKey)", iie, "key", () -> metrics.readByKey("cpu", null, T)),
        rejected(METRICS, "null timestamp (readByKey)", iie, "timestamp", () -> metrics.readByKey("cpu", "k", null)),
        rejected(METRICS, "null query (readAll)", iie, "query", () -> metrics.readAll((MetricQuery) null)),
        rejected(METRICS, "null query (aggregate)", iie, "query", () -> metrics.aggregate((MetricQuery) null)),
        rejected(METRICS, "null id (withId)", iie, "id", () -> point.withId(null)),
        rejected(METRICS, "null config customizer (create)", iie, "config",
            () -> ShardedMetrics.create(counted.async(), "m-x", (Consumer<ShardingConfig.Builder>) null)),
        rejected(METRICS, "null client (create)", iie, "client", () -> ShardedMetrics.create(null, "m-x")),
        rejected(METRICS, "null config (create)", iie, "config",
            () -> ShardedMetrics.create(counted.async(), "m-x", (ShardingConfig) null)),
        rejected(METRICS, "null selector (config)", iie, "selector", () -> ShardingConfig.builder().selector(null)),
        rejected(METRICS, "metric name of 700 '€' (2,100 UTF-8 bytes: partition key over 2048 bytes)", iie,
            "metricName", () -> metrics.put("€".repeat(700), T, 1.0)).mentioning("UTF-8 bytes"),
        rejected(METRICS, "metric name of 700 '€' (read)", iie, "metricName",
            () -> metrics.readAll("€".repeat(700), T, T)).mentioning("UTF-8 bytes"),
        rejected(METRICS, "invalid table name 'metrics production!'", iie, "tableName",
            () -> ShardedMetrics.create(counted.async(), "metrics production!")),
        rejected(METRICS, "table name shorter than 3 characters", iie, "tableName",
            () -> ShardedMetrics.create(counted.async(), "ab")),
        rejected(METRICS, "null collection (rewrite)", iie, "points", () -> metrics.rewrite(null)),
        rejected(METRICS, "null element in rewrite", iie, "points[1]",
            () -> metrics.rewrite(Arrays.asList(stored(point, 0), null))),
        rejected(METRICS, "shard equal to the shard count (rewrite, 4 shards)", iie, "points",
            () -> metrics.rewrite(List.of(stored(point, 4)))).mentioning("shard 4"),
        rejected(METRICS, "negative shard (rewrite)", iie, "points",
            () -> metrics.rewrite(List.of(stored(point, -1)))).mentioning("shard -1"),
        rejected(METRICS, "repeated point in rewrite (same name, timestamp, id; other shard)", iie, "points",
            () -> metrics.rewrite(List.of(stored(point, 0), stored(point, 1)))).mentioning("repeats"),
        rejected(METRICS, "null failure (retry)", iie, "failure", () -> metrics.retry((MetricWriteException) null)));
  }

  private static List<BadInput> transactions() {
    Class<InvalidInputException> iie = InvalidInputException.class;
    List<OrderLine> tooMany = new ArrayList<>();
    for (int i = 0; i < 99; i++) {
      tooMany.add(OrderLine.of("p" + i, 1));
    }
    String tooLongKey = "é".repeat(1025);
    return List.of(
        rejected(TX, "zero transfer amount", iie, "amount", () -> tx.transferCredits("op-1", "alice", "bob", 0)),
        rejected(TX, "negative transfer amount", iie, "amount", () -> tx.transferCredits("op-1", "alice", "bob", -5)),
        rejected(TX, "transfer to the same account", iie, "toAccount",
            () -> tx.transferCredits("op-1", "alice", "alice", 5)),
        rejected(TX, "blank fromAccount", iie, "fromAccount", () -> tx.transferCredits("op-1", " ", "bob", 5)),
        rejected(TX, "blank toAccount", iie, "toAccount", () -> tx.transferCredits("op-1", "alice", "", 5)),
        rejected(TX, "blank operationId (transfer)", iie, "operationId", () -> tx.transferCredits(" ", "alice", "bob", 5)),
        rejected(TX, "operationId over 1024 UTF-8 bytes", iie, "operationId",
            () -> tx.transferCredits("é".repeat(513), "alice", "bob", 5)),
        rejected(TX, "null transfer request", iie, "request", () -> tx.transferCredits((TransferRequest) null)),
        rejected(TX, "null fromAccount", iie, "fromAccount", () -> tx.transferCredits("op-1", null, "bob", 5)),
        rejected(TX, "order without lines", iie, "lines", () -> tx.processOrder(o -> o.customerId("c1").orderId(O1)))
            .mentioning("line"),
        rejected(TX, "zero quantity", iie, "quantity",
            () -> tx.processOrder(o -> o.customerId("c1").orderId(O1).line("p1", 0))),
        rejected(TX, "negative quantity", iie, "quantity",
            () -> tx.processOrder(o -> o.customerId("c1").orderId(O1).line("p1", -2))),
        rejected(TX, "duplicate product lines whose quantities overflow a long", iie, "lines",
            () -> tx.processOrder(o -> o.customerId("c1").orderId(O1).line("p1", Long.MAX_VALUE).line("p1", 1)))
            .mentioning("quantities"),
        rejected(TX, "blank productId", iie, "productId",
            () -> tx.processOrder(o -> o.customerId("c1").orderId(O1).line(" ", 1))),
        rejected(TX, "blank customerId (order)", iie, "customerId",
            () -> tx.processOrder(o -> o.customerId("").orderId(O1).line("p1", 1))),
        rejected(TX, "blank orderId (order)", iie, "orderId",
            () -> tx.processOrder(o -> o.customerId("c1").orderId(" ").line("p1", 1))),
        rejected(TX, "more than 98 distinct products (over 100 transaction items)", iie, "lines",
            () -> tx.processOrder(o -> o.customerId("c1").orderId(O1).lines(tooMany))).mentioning("98"),
        rejected(TX, "null order request", iie, "request", () -> tx.processOrder((OrderRequest) null)),
        rejected(TX, "null order customizer", iie, "order",
            () -> tx.processOrder((Consumer<OrderRequest.Builder>) null)),
        rejected(TX, "null order line", iie, "line",
            () -> tx.processOrder(o -> o.customerId("c1").orderId(O1).line(null))),
        rejected(TX, "null lines list", iie, "lines",
            () -> tx.processOrder(o -> o.customerId("c1").orderId(O1).lines(null))),
        rejected(TX, "idempotencyRetention under 15 minutes", iie, "idempotencyRetention",
            () -> TransactionSettings.builder().idempotencyRetention(Duration.ofMinutes(1))),
        rejected(TX, "blank table name (settings)", iie, "ordersTable",
            () -> TransactionSettings.builder().ordersTable(" ")),
        rejected(TX, "null settings customizer", iie, "settings",
            () -> DdbkitTransactions.create(counted.sync(), (Consumer<TransactionSettings.Builder>) null)),
        new BadInput(TX, "operationId reused for a different transfer", IdempotentParameterMismatchException.class,
            null, "op-used", List.of("TransactWriteItems", "GetItem"), false,
            () -> tx.transferCredits("op-used", "alice", "bob", 2)),
        rejected(TX, "null client", iie, "client", () -> DdbkitTransactions.create(null, txSettings)),
        rejected(TX, "null settings", iie, "settings",
            () -> DdbkitTransactions.create(counted.sync(), (TransactionSettings) null)),
        rejected(TX, "fromAccount over 2048 UTF-8 bytes (transfer)", iie, "fromAccount",
            () -> tx.transferCredits("op-big", tooLongKey, "bob", 5)),
        rejected(TX, "toAccount over 2048 UTF-8 bytes (transfer)", iie, "toAccount",
            () -> tx.transferCredits("op-big", "alice", tooLongKey, 5)),
        rejected(TX, "customerId over 2048 UTF-8 bytes, default operationId", iie, "customerId",
            () -> tx.processOrder(o -> o.customerId(tooLongKey).orderId(O1).line("p1", 1))),
        rejected(TX, "orderId over 1024 UTF-8 bytes, default operationId", iie, "orderId",
            () -> tx.processOrder(o -> o.customerId("c1").orderId("é".repeat(513)).line("p1", 1))),
        rejected(TX, "customerId over 2048 UTF-8 bytes, explicit operationId", iie, "customerId",
            () -> tx.processOrder(o -> o.operationId("op-c").customerId(tooLongKey).orderId(O1).line("p1", 1))),
        rejected(TX, "orderId over 1024 UTF-8 bytes, explicit operationId", iie, "orderId",
            () -> tx.processOrder(o -> o.operationId("op-o").customerId("c1").orderId("é".repeat(513)).line("p1", 1))),
        rejected(TX, "productId over 2048 UTF-8 bytes (order)", iie, "productId",
            () -> tx.processOrder(o -> o.customerId("c1").orderId(O1).line(tooLongKey, 1))),
        rejected(TX, "invalid table name 'orders production!' (settings)", iie, "ordersTable",
            () -> txSettings.toBuilder().ordersTable("orders production!")),
        rejected(TX, "table name shorter than 3 characters (settings, idempotencyTable)", iie, "idempotencyTable",
            () -> TransactionSettings.builder().idempotencyTable("ab")),
        rejected(TX, "zero orderTimeToLive (settings)", iie, "orderTimeToLive",
            () -> TransactionSettings.builder().orderTimeToLive(Duration.ZERO)),
        rejected(TX, "negative orderTimeToLive (settings)", iie, "orderTimeToLive",
            () -> TransactionSettings.builder().orderTimeToLive(Duration.ofDays(-1))),
        rejected(TX, "null orderTimeToLive (settings)", iie, "orderTimeToLive",
            () -> txSettings.toBuilder().orderTimeToLive(null)),
        rejected(TX, "orderId not in the orders layout (ORD-1001)", iie, "orderId",
            () -> tx.processOrder(o -> o.customerId("c1").orderId("ORD-1001").line("p1", 1))).mentioning("ORD_"),
        rejected(TX, "negative stock (putStock)", iie, "quantity", () -> tx.putStock("p1", -1)),
        rejected(TX, "blank productId (putStock)", iie, "productId", () -> tx.putStock(" ", 1)),
        rejected(TX, "negative opening balance (openAccount)", iie, "openingBalance", () -> tx.openAccount("carol", -1)),
        rejected(TX, "no account ids (balances)", iie, "accountIds", () -> tx.balances(List.of())),
        rejected(TX, "an account id named twice (balances)", iie, "accountIds",
            () -> tx.balances(List.of("alice", "alice"))).mentioning("twice"),
        rejected(TX, "more than 100 account ids (balances)", iie, "accountIds",
            () -> tx.balances(java.util.stream.IntStream.range(0, 101).mapToObj(i -> "a" + i).toList())),
        new BadInput(TX, "adjustStock of a product without an inventory item", UnknownProductException.class,
            null, "p-none", List.of("UpdateItem"), false, () -> tx.adjustStock("p-none", 1)),
        new BadInput(TX, "adjustStock taking stock below zero", InsufficientStockException.class,
            null, "below zero", List.of("UpdateItem"), false, () -> tx.adjustStock("p1", -6)),
        new BadInput(TX, "openAccount of an existing account", AccountExistsException.class,
            null, "alice", List.of("PutItem"), false, () -> tx.openAccount("alice", 5)));
  }

  private static List<BadInput> dax() {
    Class<InvalidInputException> iie = InvalidInputException.class;
    return List.of(
        rejected(DAX, "no DynamoDB client", iie, "dynamoDb", () -> DaxAwareClient.builder().build()),
        rejected(DAX, "null DynamoDB client", iie, "dynamoDb", () -> DaxAwareClient.builder().dynamoDb(null)),
        rejected(DAX, "endpoint that is not dax:// or daxs://", iie, "daxEndpoint",
            () -> DaxAwareClient.builder().daxEndpoint("http://dax.example:8111")),
        rejected(DAX, "both a DAX client and a DAX endpoint", iie, "daxClient",
            () -> DaxAwareClient.builder().dynamoDb(counted.sync()).daxClient(counted.sync())
                .daxEndpoint("dax://dax.example:8111").build()),
        rejected(DAX, "zero connectTimeout", iie, "connectTimeout",
            () -> DaxAwareClient.builder().connectTimeout(Duration.ZERO)),
        rejected(DAX, "negative requestTimeout", iie, "requestTimeout",
            () -> DaxAwareClient.builder().requestTimeout(Duration.ofMillis(-1))),
        rejected(DAX, "NaN circuit-breaker failureRatePercent", iie, "failureRatePercent",
            () -> DaxAwareClient.builder().circuitBreaker(b -> b.failureRatePercent(Float.NaN))),
        rejected(DAX, "zero circuit-breaker slidingWindowSize", iie, "slidingWindowSize",
            () -> DaxAwareClient.builder().circuitBreaker(b -> b.slidingWindowSize(0))),
        rejected(DAX, "blank name", iie, "name", () -> DaxAwareClient.builder().name(" ")),
        rejected(DAX, "null listener", iie, "listener", () -> DaxAwareClient.builder().listener(null)),
        rejected(DAX, "null probe request", iie, "probeRequest", () -> DaxAwareClient.builder().probeRequest(null)),
        rejected(DAX, "null metrics hook", iie, "metrics", () -> DaxAwareClient.builder().metrics(null)),
        rejected(DAX, "null request (getItem)", iie, "request",
            () -> DaxAwareClient.builder().dynamoDb(counted.sync()).build().getItem((GetItemRequest) null)),
        rejected(DAX, "null request (putItem)", iie, "request",
            () -> DaxAwareClient.builder().dynamoDb(counted.sync()).build().putItem((PutItemRequest) null)),
        rejected(DAX, "null request (async getItem: the returned future fails with it)", iie, "request",
            () -> joinUnwrapped(DaxAwareAsyncClient.builder().dynamoDb(counted.async()).build()
                .getItem((GetItemRequest) null))),
        rejected(DAX, "null request (async putItem: the returned future fails with it)", iie, "request",
            () -> joinUnwrapped(DaxAwareAsyncClient.builder().dynamoDb(counted.async()).build()
                .putItem((PutItemRequest) null))),
        rejected(DAX, "null DynamoDB client (fromEnvironment)", iie, "dynamoDb", () -> DaxAwareClient.fromEnvironment(null)),
        rejected(DAX, "null DynamoDB client (async builder)", iie, "dynamoDb",
            () -> DaxAwareAsyncClient.builder().dynamoDb(null)));
  }

  private static List<BadInput> core() {
    Class<InvalidInputException> iie = InvalidInputException.class;
    KeyAttribute pk = KeyAttribute.string("pk");
    return List.of(
        rejected(CORE, "table name shorter than 3 characters", iie, "table name", () -> TableDefinition.builder("ab")),
        rejected(CORE, "table name with invalid characters", iie, "table name",
            () -> TableDefinition.builder("orders production!")),
        rejected(CORE, "table name over 255 characters", iie, "table name",
            () -> TableDefinition.builder("t".repeat(256))),
        rejected(CORE, "blank table name", iie, "table name", () -> TableDefinition.builder(" ")),
        rejected(CORE, "index name with invalid characters", iie, "index name",
            () -> IndexDefinition.of("by status!", pk, ProjectionType.ALL)),
        rejected(CORE, "unknown projection type (UNKNOWN_TO_SDK_VERSION)", iie, "projection",
            () -> IndexDefinition.of("byStatus", pk, ProjectionType.UNKNOWN_TO_SDK_VERSION)).mentioning("must project"),
        rejected(CORE, "unknown key attribute type (UNKNOWN_TO_SDK_VERSION)", iie, "type",
            () -> new KeyAttribute("pk", ScalarAttributeType.UNKNOWN_TO_SDK_VERSION)).mentioning("type S, N or B"),
        rejected(CORE, "unknown billing mode (UNKNOWN_TO_SDK_VERSION)", iie, "billing mode",
            () -> new Capacity(BillingMode.UNKNOWN_TO_SDK_VERSION, 0, 0)),
        rejected(CORE, "blank key attribute name", iie, "key attribute name", () -> KeyAttribute.string(" ")),
        rejected(CORE, "sort key with the partition key's name", iie, "sortKey",
            () -> TableDefinition.builder("things").partitionKey(pk).sortKey(pk).build())
            .mentioning("both partition and sort key"),
        rejected(CORE, "table without a partition key", iie, "partitionKey of table things",
            () -> TableDefinition.builder("things").build()),
        rejected(CORE, "the same index name twice", iie, "index name",
            () -> TableDefinition.builder("things").partitionKey(pk).globalSecondaryIndex(IndexDefinition.of("byA",
                KeyAttribute.string("a"), ProjectionType.ALL)).globalSecondaryIndex(IndexDefinition.of("byA",
                KeyAttribute.string("b"), ProjectionType.ALL)).build()).mentioning("twice"),
        rejected(CORE, "more than 20 global secondary indexes", iie, "globalSecondaryIndexes",
            () -> tooManyIndexes(pk)).mentioning("limit is 20"),
        rejected(CORE, "one attribute declared with two key types", iie, "a",
            () -> TableDefinition.builder("things").partitionKey(KeyAttribute.string("a")).globalSecondaryIndex(
                IndexDefinition.of("byA", KeyAttribute.number("a"), ProjectionType.ALL)).build()),
        rejected(CORE, "TTL attribute that is a key attribute", iie, "ttlAttribute",
            () -> TableDefinition.builder("things").partitionKey(pk).ttlAttribute("pk").build()).mentioning("TTL"),
        rejected(CORE, "null tag value", iie, "tag value", () -> TableDefinition.builder("things").tag("team", null)),
        rejected(CORE, "zero provisioned read units", iie, "readUnits", () -> Capacity.provisioned(0, 5)),
        rejected(CORE, "negative provisioned write units", iie, "writeUnits", () -> Capacity.provisioned(5, -1)),
        rejected(CORE, "zero maxAttempts (client)", iie, "maxAttempts", () -> ClientSettings.builder().maxAttempts(0)),
        rejected(CORE, "zero maxConnections", iie, "maxConnections", () -> ClientSettings.builder().maxConnections(0)),
        rejected(CORE, "zero apiCallTimeout", iie, "apiCallTimeout",
            () -> ClientSettings.builder().apiCallTimeout(Duration.ZERO)),
        rejected(CORE, "negative socketTimeout", iie, "socketTimeout",
            () -> ClientSettings.builder().socketTimeout(Duration.ofSeconds(-1))),
        rejected(CORE, "endpoint without scheme", iie, "endpointOverride",
            () -> ClientSettings.builder().endpointOverride(URI.create("localhost"))),
        rejected(CORE, "zero maxAttempts (retry)", iie, "maxAttempts", () -> RetrySettings.builder().maxAttempts(0)),
        rejected(CORE, "zero baseDelay", iie, "baseDelay", () -> RetrySettings.builder().baseDelay(Duration.ZERO)),
        rejected(CORE, "maxDelay below baseDelay", iie, "maxDelay",
            () -> RetrySettings.builder().baseDelay(Duration.ofSeconds(2)).maxDelay(Duration.ofSeconds(1)).build()),
        rejected(CORE, "null settings (DdbkitClients.create)", iie, "settings", () -> DdbkitClients.create(null)),
        rejected(CORE, "null credentials provider", iie, "credentialsProvider",
            () -> ClientSettings.builder().credentialsProvider(null)),
        rejected(CORE, "null region", iie, "region", () -> ClientSettings.builder().region(null)),
        rejected(CORE, "null interceptor", iie, "interceptor", () -> ClientSettings.builder().addInterceptor(null)),
        rejected(CORE, "null table definition (TableManager.ensure)", iie, "definition",
            () -> TableManager.of(counted.sync()).ensure(null)),
        rejected(CORE, "null client (TableManager.of)", iie, "client", () -> TableManager.of(null)));
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /** Waits for {@code future}; throws what it failed with (the asynchronous clients fail their futures). */
  private static StoredPoint stored(MetricPoint point, int shard) {
    return new StoredPoint(point, shard, point.sortKey(), Optional.empty());
  }

  private static void joinUnwrapped(CompletableFuture<?> future) throws Throwable {
    try {
      future.join();
    } catch (CompletionException e) {
      throw e.getCause();
    }
  }

  private static AttributeValue nested(int depth) {
    AttributeValue v = AttributeValue.fromS("leaf");
    for (int i = 1; i < depth; i++) {
      v = AttributeValue.fromM(Map.of("x", v));
    }
    return v;
  }

  private static TableDefinition tooManyIndexes(KeyAttribute pk) {
    TableDefinition.Builder b = TableDefinition.builder("things").partitionKey(pk);
    for (int i = 0; i < 21; i++) {
      b.globalSecondaryIndex(IndexDefinition.of("by" + i, KeyAttribute.string("a" + i), ProjectionType.KEYS_ONLY));
    }
    return b.build();
  }

  private static OrderKey firstOrderKey() {
    return firstOrder == null ? OrderKey.of("c1", "ORD_1") : firstOrder.key();
  }

  /** The cursor with one character in its middle changed. */
  private static String flip(String cursor) {
    int i = cursor.length() / 2;
    char replacement = cursor.charAt(i) == 'A' ? 'B' : 'A';
    return cursor.substring(0, i) + replacement + cursor.substring(i + 1);
  }

  private static void putNumber(String table, String keyName, String key, String attribute, long value) {
    plain.putItem(p -> p.tableName(table).item(Map.of(keyName, AttributeValue.fromS(key),
        attribute, AttributeValue.fromN(Long.toString(value)))));
  }

  private static Map<String, List<Map<String, AttributeValue>>> snapshot() {
    Map<String, List<Map<String, AttributeValue>>> all = new LinkedHashMap<>();
    for (String table : tableNames) {
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      plain.scanPaginator(s -> s.tableName(table).consistentRead(true)).items().forEach(items::add);
      all.put(table, items);
    }
    return all;
  }
}
