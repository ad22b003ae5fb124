package dev.ddbkit.integration.transactions;

import dev.ddbkit.core.retry.RetrySettings;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.transactions.IdempotencyTable;
import dev.ddbkit.transactions.TransactionSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.paginators.ScanIterable;

/** Tables with unique names, seeded accounts and stock, and readers of their state. */
final class Fixture {
  final DynamoDbClient client;
  final String orders;
  final String inventory;
  final String accounts;
  final String idempotency;

  Fixture(DynamoDbClient client, TestTables tables) {
    this.client = client;
    this.orders = tables.ensure(SeedTables.orders()).name();
    this.inventory = tables.ensure(SeedTables.inventory()).name();
    this.accounts = tables.ensure(SeedTables.accounts()).name();
    this.idempotency = tables.ensure(IdempotencyTable.definition()).name();
  }

  TransactionSettings settings(Clock clock) {
    return TransactionSettings.builder()
        .ordersTable(orders)
        .inventoryTable(inventory)
        .accountsTable(accounts)
        .idempotencyTable(idempotency)
        .clock(clock)
        .retry(RetrySettings.builder().baseDelay(Duration.ofMillis(5)).maxDelay(Duration.ofMillis(200)).build())
        .build();
  }

  void account(String id, long balance) {
    client.putItem(p -> p.tableName(accounts).item(Map.of(
        "account_id", AttributeValue.fromS(id),
        "balance", AttributeValue.fromN(Long.toString(balance)),
        "updated_at", AttributeValue.fromS("2024-01-01T00:00:00.000Z"))));
  }

  void stock(String productId, long quantity) {
    client.putItem(p -> p.tableName(inventory).item(Map.of(
        "product_id", AttributeValue.fromS(productId),
        "quantity", AttributeValue.fromN(Long.toString(quantity)),
        "updated_at", AttributeValue.fromS("2024-01-01T00:00:00.000Z"))));
  }

  long balance(String id) {
    return number(accounts, "account_id", id, "balance").orElseThrow();
  }

  OptionalLong quantity(String productId) {
    return number(inventory, "product_id", productId, "quantity");
  }

  Map<String, AttributeValue> item(String table, Map<String, AttributeValue> key) {
    return client.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item();
  }

  Map<String, AttributeValue> order(String customerId, String orderId) {
    return item(orders, Map.of("customer_id", AttributeValue.fromS(customerId),
        "order_id", AttributeValue.fromS(orderId)));
  }

  Map<String, Long> balances() {
    Map<String, Long> all = new HashMap<>();
    ScanIterable pages = client.scanPaginator(s -> s.tableName(accounts).consistentRead(true));
    pages.items().forEach(i -> all.put(i.get("account_id").s(), Long.parseLong(i.get("balance").n())));
    return all;
  }

  long count(String table) {
    return client.scanPaginator(s -> s.tableName(table).consistentRead(true)).items().stream().count();
  }

  private OptionalLong number(String table, String keyName, String key, String attribute) {
    Map<String, AttributeValue> item = item(table, Map.of(keyName, AttributeValue.fromS(key)));
    AttributeValue v = item == null ? null : item.get(attribute);
    return v == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v.n()));
  }
}
