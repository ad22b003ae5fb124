package dev.ddbkit.integration.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.testkit.fault.Fault;
import dev.ddbkit.testkit.fault.FaultCounters;
import dev.ddbkit.testkit.fault.FaultKind;
import dev.ddbkit.testkit.fault.FaultProxy;
import dev.ddbkit.testkit.fault.FaultRule;
import dev.ddbkit.transactions.DdbkitTransactions;
import dev.ddbkit.transactions.IdempotencyTable;
import dev.ddbkit.transactions.OrderLine;
import dev.ddbkit.transactions.OrderResult;
import dev.ddbkit.transactions.TransactionSettings;
import dev.ddbkit.transactions.TransferResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Order processing and credit transfers under 10 % throttling, 2 % 5xx, 5 ms of added latency, 10 % injected
 * transaction conflicts and 3 % of transactions whose response is lost after DynamoDB applied them: every
 * operation is applied exactly once, money is conserved and stock matches the confirmed orders.
 */
@DynamoDbLocalTest
class TransactionsUnderFaultsIT {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionsUnderFaultsIT.class);

  private DynamoDbClient direct;
  /** ClientRequestTokens are account-wide for 10 minutes: operation ids must not repeat across test classes. */
  private String unique;
  private TransactionSettings settings;
  private FaultProxy proxy;
  private DynamoDbClient client;

  @BeforeEach
  void setUp(DynamoDbLocal local, TestTables tables, DynamoDbClient direct) {
    this.direct = direct;
    this.unique = tables.suffix();
    settings = TransactionSettings.builder()
        .ordersTable(tables.ensure(SeedTables.orders()).name())
        .inventoryTable(tables.ensure(SeedTables.inventory()).name())
        .accountsTable(tables.ensure(SeedTables.accounts()).name())
        .idempotencyTable(tables.ensure(IdempotencyTable.definition()).name())
        .build();
    proxy = FaultProxy.builder().target(local.endpoint()).seed(1234)
        .rule(FaultRule.forAnyOperation().latency(Duration.ofMillis(5)))
        .rule(FaultRule.forOperation("TransactWriteItems").transactionConflict(0.10))
        .rule(FaultRule.forOperation("TransactWriteItems").inject(Fault.dropConnectionAfterForwarding(), 0.03))
        .rule(FaultRule.forAnyOperation().throttle(0.10))
        .rule(FaultRule.forAnyOperation().serverError(0.01))
        .rule(FaultRule.forAnyOperation().serviceUnavailable(0.01))
        .start();
    client = DdbkitClients.newSyncClient(local.clientSettings().toBuilder().endpointOverride(proxy.endpoint())
        .retryMode(ClientSettings.RetryMode.STANDARD).maxAttempts(5).build());
  }

  @AfterEach
  void tearDown() {
    client.close();
    proxy.close();
  }

  @Test
  void creditTransfers_underFaults_applyExactlyOnce_andConserveMoney() {
    Map<String, Long> model = new LinkedHashMap<>();
    for (int a = 1; a <= 5; a++) {
      String id = "acct-" + a;
      model.put(id, 10_000L);
      direct.putItem(r -> r.tableName(settings.accountsTable()).item(Map.of(
          "account_id", AttributeValue.fromS(id), "balance", AttributeValue.fromN("10000"))));
    }
    DdbkitTransactions tx = DdbkitTransactions.create(client, settings);
    Random random = new Random(99);
    List<String[]> applied = new ArrayList<>();
    int insufficient = 0;
    for (int i = 0; i < 40; i++) {
      String from = "acct-" + (1 + random.nextInt(5));
      String to = "acct-" + (1 + (Integer.parseInt(from.substring(5)) + random.nextInt(4)) % 5);
      long amount = 1 + random.nextInt(6_000);
      String operationId = "transfer-" + unique + "-" + i;
      TransferResult result = tx.transferCredits(operationId, from, to, amount);
      if (result instanceof TransferResult.Transferred t) {
        assertThat(t.replayed()).isFalse();
        model.merge(from, -amount, Long::sum);
        model.merge(to, amount, Long::sum);
        applied.add(new String[] {operationId, from, to, Long.toString(amount)});
      } else {
        assertThat(result).isInstanceOf(TransferResult.InsufficientFunds.class);
        assertThat(model.get(from)).isLessThan(amount);
        insufficient++;
      }
    }
    for (String[] again : applied.subList(0, 3)) {
      TransferResult replay = tx.transferCredits(again[0], again[1], again[2], Long.parseLong(again[3]));
      assertThat(replay).isInstanceOfSatisfying(TransferResult.Transferred.class, t -> assertThat(t.replayed()).isTrue());
    }

    Map<String, Long> stored = balances();
    assertThat(stored).as("every transfer applied exactly once").isEqualTo(model);
    assertThat(stored.values().stream().mapToLong(Long::longValue).sum()).as("money conserved").isEqualTo(50_000);
    assertThat(stored.values()).allMatch(b -> b >= 0);
    report("transfers", applied.size() + " applied, " + insufficient + " insufficient");
  }

  @Test
  void orderProcessing_underFaults_appliesEachOrderOnce_andStockMatchesConfirmedOrders() {
    Map<String, Long> stock = new LinkedHashMap<>();
    for (int p = 1; p <= 5; p++) {
      String product = "sku-" + p;
      stock.put(product, 40L);
      direct.putItem(r -> r.tableName(settings.inventoryTable()).item(Map.of(
          "product_id", AttributeValue.fromS(product), "quantity", AttributeValue.fromN("40"))));
    }
    DdbkitTransactions tx = DdbkitTransactions.create(client, settings);
    Random random = new Random(7);
    int confirmed = 0;
    int shortOrders = 0;
    for (int i = 0; i < 30; i++) {
      Map<String, Long> lines = new HashMap<>();
      int lineCount = 1 + random.nextInt(3);
      for (int l = 0; l < lineCount; l++) {
        lines.merge("sku-" + (1 + random.nextInt(5)), (long) (1 + random.nextInt(6)), Long::sum);
      }
      String orderId = String.format("ORD_1906545600000_%08x", i);
      String customerId = "cust-" + (i % 4);
      OrderResult result = tx.processOrder(o -> {
        o.customerId(customerId).orderId(orderId);
        lines.forEach(o::line);
      });
      boolean enough = lines.entrySet().stream().allMatch(e -> stock.get(e.getKey()) >= e.getValue());
      if (result instanceof OrderResult.Confirmed c) {
        assertThat(enough).as("confirmed only with enough stock").isTrue();
        assertThat(c.replayed()).isFalse();
        assertThat(c.lines()).extracting(OrderLine::quantity).containsExactlyInAnyOrderElementsOf(lines.values());
        lines.forEach((p, q) -> stock.merge(p, -q, Long::sum));
        confirmed++;
      } else {
        assertThat(result).isInstanceOf(OrderResult.InsufficientStock.class);
        assertThat(enough).as("rejected only when short").isFalse();
        shortOrders++;
      }
    }

    Map<String, Long> stored = new HashMap<>();
    direct.scan(s -> s.tableName(settings.inventoryTable()).consistentRead(true)).items()
        .forEach(item -> stored.put(item.get("product_id").s(), Long.parseLong(item.get("quantity").n())));
    assertThat(stored).as("stock matches the confirmed orders").isEqualTo(stock);
    assertThat(stored.values()).allMatch(q -> q >= 0);
    assertThat(direct.scan(s -> s.tableName(settings.ordersTable()).consistentRead(true)).count())
        .as("each confirmed order written once, no other").isEqualTo(confirmed);
    assertThat(confirmed).isPositive();
    report("orders", confirmed + " confirmed, " + shortOrders + " short");
  }

  private Map<String, Long> balances() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int a = 1; a <= 5; a++) {
      String id = "acct-" + a;
      out.put(id, Long.parseLong(direct.getItem(r -> r.tableName(settings.accountsTable())
          .key(Map.of("account_id", AttributeValue.fromS(id))).consistentRead(true)).item().get("balance").n()));
    }
    return out;
  }

  private void report(String what, String outcome) {
    FaultCounters c = proxy.counters();
    LOG.info("transactions under faults, {}: {}; {} TransactWriteItems requests, {} forwarded, {} conflicts, "
        + "{} lost responses, {} throttled, {} 5xx", what, outcome, c.requests("TransactWriteItems"),
        c.forwarded("TransactWriteItems"), c.injected(FaultKind.TRANSACTION_CONFLICT),
        c.injected(FaultKind.DROPPED_CONNECTION), c.injected(FaultKind.PROVISIONED_THROUGHPUT_EXCEEDED),
        c.injected(FaultKind.INTERNAL_SERVER_ERROR) + c.injected(FaultKind.SERVICE_UNAVAILABLE));
    assertThat(c.injected(FaultKind.TRANSACTION_CONFLICT)).isPositive();
  }
}
