package dev.ddbkit.integration.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.TestTables;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Shared by two test classes that write the same key to "the same" seed table. */
final class TableIsolation {
  /** Every table name handed out to either class in this JVM. */
  static final Set<String> NAMES = ConcurrentHashMap.newKeySet();
  /** Every server endpoint either class was given: one server per JVM means exactly one. */
  static final Set<URI> ENDPOINTS = ConcurrentHashMap.newKeySet();

  private TableIsolation() {}

  static void writeAndReadBack(DynamoDbLocal local, DynamoDbClient client, TestTables tables, String owner) {
    ENDPOINTS.add(local.endpoint());
    assertThat(ENDPOINTS).as("one DynamoDB Local per JVM").hasSize(1);
    TableDefinition orders = tables.ensure(SeedTables.orders());
    assertThat(orders.name()).startsWith(SeedTables.ORDERS + "-").isNotEqualTo(SeedTables.ORDERS);
    assertThat(NAMES.add(orders.name())).as("table name %s handed out twice", orders.name()).isTrue();

    Map<String, AttributeValue> key = Map.of(
        "customer_id", AttributeValue.fromS("CUST-1"), "order_id", AttributeValue.fromS("ORD_1_00000000"));
    Map<String, AttributeValue> item = new java.util.HashMap<>(key);
    item.put("owner", AttributeValue.fromS(owner));
    client.putItem(r -> r.tableName(orders.name()).item(item));

    Map<String, AttributeValue> read = client.getItem(r -> r.tableName(orders.name()).key(key).consistentRead(true)).item();
    assertThat(read.get("owner").s()).isEqualTo(owner);
    assertThat(client.scan(r -> r.tableName(orders.name())).items()).hasSize(1);
  }
}
