package dev.ddbkit.integration.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.error.ErrorContext;
import dev.ddbkit.core.error.ThrottlingException;
import dev.ddbkit.core.metrics.MicrometerMetrics;
import dev.ddbkit.core.retry.DdbkitRetry;
import dev.ddbkit.core.retry.RetrySettings;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Metrics with the documented names and tags, recorded by clients from {@code ClientSettings.metrics(hook)}. */
@DynamoDbLocalTest
class MetricsIT {

  private static final String SECRET_CUSTOMER = "C-secret-4711";

  private static Map<String, AttributeValue> order(String customer, String orderId) {
    return Map.of("customer_id", AttributeValue.fromS(customer), "order_id", AttributeValue.fromS(orderId),
        "status", AttributeValue.fromS("PENDING"), "order_date", AttributeValue.fromS("2026-11-24"));
  }

  @Test
  void syncAndAsyncCalls_areTimedWithOperationTableAndOutcome(DynamoDbLocal local, TestTables tables) {
    TableDefinition orders = tables.ensure(SeedTables.orders());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ClientSettings settings = local.clientSettings().toBuilder().metrics(MicrometerMetrics.of(registry)).build();

    try (DdbkitClients clients = DdbkitClients.create(settings)) {
      clients.sync().putItem(r -> r.tableName(orders.name()).item(order(SECRET_CUSTOMER, "O-1")));
      clients.async().getItem(r -> r.tableName(orders.name()).key(Map.of(
          "customer_id", AttributeValue.fromS(SECRET_CUSTOMER), "order_id", AttributeValue.fromS("O-1")))).join();
      catchThrowable(() -> clients.sync().putItem(r -> r.tableName(orders.name()).item(order(SECRET_CUSTOMER, "O-1"))
          .conditionExpression("attribute_not_exists(customer_id)")));
    }

    assertThat(registry.get("ddbkit.operation")
        .tags("operation", "PutItem", "table", orders.name(), "outcome", "success").timer().count()).isEqualTo(1);
    assertThat(registry.get("ddbkit.operation")
        .tags("operation", "GetItem", "table", orders.name(), "outcome", "success").timer().count()).isEqualTo(1);
    assertThat(registry.get("ddbkit.operation")
        .tags("operation", "PutItem", "table", orders.name(), "outcome", "conditional_check_failed").timer().count())
        .isEqualTo(1);
    assertThat(registry.find("ddbkit.retries").tags("source", "sdk").counters()).isEmpty();
    assertThat(registry.find("ddbkit.throttles").counters()).isEmpty();
    assertNoKeyOrValueInTags(registry);
  }

  @Test
  void consumedCapacity_isCountedPerTableAndIndex(DynamoDbLocal local, TestTables tables) {
    TableDefinition orders = tables.ensure(SeedTables.orders());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ClientSettings settings = local.clientSettings().toBuilder().metrics(MicrometerMetrics.of(registry)).build();

    try (DdbkitClients clients = DdbkitClients.create(settings)) {
      clients.sync().putItem(r -> r.tableName(orders.name()).item(order(SECRET_CUSTOMER, "O-1")));
      clients.sync().query(r -> r.tableName(orders.name()).indexName(SeedTables.STATUS_INDEX)
          .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("PENDING"))));
    }

    for (String index : new String[] {"none", SeedTables.STATUS_INDEX, SeedTables.ORDER_DATE_INDEX}) {
      assertThat(registry.get("ddbkit.capacity.consumed")
          .tags("table", orders.name(), "index", index, "type", "write").counter().count())
          .as("write units on %s", index).isPositive();
    }
    assertThat(registry.find("ddbkit.capacity.consumed").tags("table", orders.name(), "type", "read")
        .counters()).isNotEmpty();
    assertNoKeyOrValueInTags(registry);
  }

  @Test
  void enhancedClientCalls_areRecordedToo(DynamoDbLocal local, TestTables tables) {
    TableDefinition inventory = tables.ensure(SeedTables.inventory());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ClientSettings settings = local.clientSettings().toBuilder().metrics(MicrometerMetrics.of(registry)).build();

    try (DdbkitClients clients = DdbkitClients.create(settings)) {
      clients.enhanced().table(inventory.name(), software.amazon.awssdk.enhanced.dynamodb.TableSchema
              .documentSchemaBuilder()
              .addIndexPartitionKey(software.amazon.awssdk.enhanced.dynamodb.TableMetadata.primaryIndexName(),
                  "product_id", software.amazon.awssdk.enhanced.dynamodb.AttributeValueType.S)
              .attributeConverterProviders(software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider.defaultProvider())
              .build())
          .putItem(software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument.builder()
              .attributeConverterProviders(software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider.defaultProvider())
              .putString("product_id", "P-1").build());
    }

    assertThat(registry.get("ddbkit.operation").tags("operation", "PutItem", "table", inventory.name(), "outcome", "success")
        .timer().count()).isEqualTo(1);
  }

  @Test
  void ddbkitRetries_boundToTheSettingsHook_areCountedBySource(DynamoDbLocal local) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ClientSettings settings = local.clientSettings().toBuilder().metrics(MicrometerMetrics.of(registry)).build();
    DdbkitRetry retry = DdbkitRetry.of("batch", RetrySettings.builder().maxAttempts(3).sleeper(d -> { }).build(),
        settings.metrics());

    DdbkitRetry.Session session = retry.session("BatchWriteItem", "orders-production");
    session.awaitRetry(ThrottlingException.of("2 unprocessed items", ErrorContext.of("BatchWriteItem", "orders-production")));
    session.succeeded();

    assertThat(registry.get("ddbkit.retries")
        .tags("operation", "BatchWriteItem", "table", "orders-production", "source", "ddbkit").counter().count())
        .isEqualTo(1.0);
    assertThat(registry.get("ddbkit.throttles").tags("operation", "BatchWriteItem").counter().count()).isEqualTo(1.0);
  }

  private static void assertNoKeyOrValueInTags(SimpleMeterRegistry registry) {
    Set<String> allowedKeys = Set.of("operation", "table", "outcome", "source", "index", "type");
    for (Meter meter : registry.getMeters()) {
      for (Tag tag : meter.getId().getTags()) {
        assertThat(allowedKeys).contains(tag.getKey());
        assertThat(tag.getValue()).doesNotContain(SECRET_CUSTOMER).doesNotContain("PENDING");
      }
    }
  }
}
