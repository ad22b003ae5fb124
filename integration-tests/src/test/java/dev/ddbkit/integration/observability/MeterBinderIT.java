package dev.ddbkit.integration.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.error.ThrottlingException;
import dev.ddbkit.core.error.ThrottlingReason;
import dev.ddbkit.core.error.ThrottlingReason.Access;
import dev.ddbkit.core.error.ThrottlingReason.Limit;
import dev.ddbkit.core.error.ThrottlingReason.Scope;
import dev.ddbkit.core.metrics.DdbkitMeterBinder;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.testkit.fault.Fault;
import dev.ddbkit.testkit.fault.FaultProxy;
import dev.ddbkit.testkit.fault.FaultRule;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@link DdbkitMeterBinder} set once on the clients ({@code ClientSettings.metrics}): the documented meters with
 * their tags after real calls on the embedded backend, through the fault proxy for throttled, retried and failed
 * calls; nothing counted twice when clients or registries are shared.
 */
@DynamoDbLocalTest
class MeterBinderIT {
  private static final String SECRET_CUSTOMER = "C-secret-0815";

  private static Map<String, AttributeValue> order(String orderId) {
    return Map.of("customer_id", AttributeValue.fromS(SECRET_CUSTOMER), "order_id", AttributeValue.fromS(orderId),
        "status", AttributeValue.fromS("PENDING"), "order_date", AttributeValue.fromS("2026-11-24"));
  }

  private static Map<String, AttributeValue> key(String orderId) {
    return Map.of("customer_id", AttributeValue.fromS(SECRET_CUSTOMER), "order_id", AttributeValue.fromS(orderId));
  }

  @Test
  void successfulCalls_recordCallsAttemptsCapacityItemsAndPool(DynamoDbLocal local, TestTables tables) {
    TableDefinition orders = tables.ensure(SeedTables.orders());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DdbkitMeterBinder binder = DdbkitMeterBinder.builder().tags(Tags.of("service", "it")).build();
    binder.bindTo(registry);
    ClientSettings settings = local.clientSettings().toBuilder().metrics(binder).build();

    try (DdbkitClients clients = DdbkitClients.create(settings)) {
      clients.sync().putItem(r -> r.tableName(orders.name()).item(order("O-1")));
      clients.async().putItem(r -> r.tableName(orders.name()).item(order("O-2"))).join();
      clients.sync().getItem(r -> r.tableName(orders.name()).key(key("O-1")));
      clients.sync().query(r -> r.tableName(orders.name()).indexName(SeedTables.STATUS_INDEX)
          .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("PENDING"))));
      catchThrowable(() -> clients.sync().putItem(r -> r.tableName(orders.name()).item(order("O-1"))
          .conditionExpression("attribute_not_exists(customer_id)")));
    }

    String t = orders.name();
    assertThat(registry.get(DdbkitMeterBinder.CALLS).tags("operation", "PutItem", "table", t, "outcome", "success",
        "service", "it").timer().count()).isEqualTo(2);
    assertThat(registry.get(DdbkitMeterBinder.CALLS).tags("operation", "PutItem", "table", t,
        "outcome", "conditional_check_failed").timer().count()).isEqualTo(1);
    assertThat(registry.get(DdbkitMeterBinder.CALLS).tags("operation", "Query", "outcome", "success").timer().count())
        .isEqualTo(1);
    assertThat(registry.get(DdbkitMeterBinder.ATTEMPTS).tags("operation", "PutItem", "error_type", "none")
        .counter().count()).isEqualTo(2);
    // the SDK's ERROR_TYPE classes every service error other than throttling as ServerError
    assertThat(registry.get(DdbkitMeterBinder.ATTEMPTS).tags("operation", "PutItem", "error_type", "server_error")
        .counter().count()).isEqualTo(1);
    assertThat(registry.get(DdbkitMeterBinder.SERVICE_CALL).tags("operation", "GetItem").timer().count()).isEqualTo(1);
    assertThat(registry.get(DdbkitMeterBinder.ITEMS_RETURNED).tags("operation", "GetItem", "table", t).counter().count())
        .isEqualTo(1);
    assertThat(registry.get(DdbkitMeterBinder.ITEMS_RETURNED).tags("operation", "Query", "table", t).counter().count())
        .isEqualTo(2);
    assertThat(registry.get(DdbkitMeterBinder.CAPACITY).tags("operation", "PutItem", "table", t, "index", "none",
        "type", "write").counter().count()).isPositive();
    assertThat(registry.get(DdbkitMeterBinder.CAPACITY).tags("operation", "Query", "table", t,
        "index", SeedTables.STATUS_INDEX, "type", "read").counter().count()).isPositive();
    assertThat(registry.get(DdbkitMeterBinder.POOL_MAX).tags("http_client", "Apache").gauge().value())
        .isEqualTo(settings.maxConnections());
    assertThat(registry.get(DdbkitMeterBinder.POOL_ACQUIRE).tags("http_client", "Apache").timer().count()).isPositive();
    assertThat(registry.find(DdbkitMeterBinder.RETRIES).counters()).isEmpty();
    assertThat(registry.find(DdbkitMeterBinder.THROTTLES).counters()).isEmpty();
    assertNoKeyOrValueInTags(registry);
  }

  @Test
  void throttledCalls_countEveryAttemptWithDynamoDbsReason_andTheErrorCarriesIt(DynamoDbLocal local, TestTables tables) {
    TableDefinition orders = tables.ensure(SeedTables.orders());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ThrottlingReason hot = ThrottlingReason.of(Scope.TABLE, Access.WRITE, Limit.KEY_RANGE);
    try (FaultProxy proxy = FaultProxy.builder().target(local.endpoint())
        .rule(FaultRule.forOperation("PutItem").inject(Fault.provisionedThroughputExceeded(hot), 1.0))
        .start();
        DdbkitClients clients = DdbkitClients.create(local.clientSettings().toBuilder()
            .endpointOverride(proxy.endpoint()).retryMode(ClientSettings.RetryMode.STANDARD).maxAttempts(3)
            .metrics(DdbkitMeterBinder.of(registry)).build())) {

      Throwable sync = catchThrowable(() -> clients.sync().putItem(r -> r.tableName(orders.name()).item(order("O-1"))));
      Throwable async = catchThrowable(() -> clients.async().putItem(r -> r.tableName(orders.name()).item(order("O-2")))
          .join());

      for (Throwable e : List.of(sync, async)) {
        ThrottlingException te = (ThrottlingException) dev.ddbkit.core.error.DdbkitErrors.translate(e, "PutItem",
            orders.name());
        assertThat(te.reasons()).singleElement().satisfies(r -> {
          assertThat(r.limit()).isEqualTo(Limit.KEY_RANGE);
          assertThat(r.access()).isEqualTo(Access.WRITE);
          assertThat(r.resourceArn()).hasValueSatisfying(arn -> assertThat(arn).endsWith("table/" + orders.name()));
        });
        assertThat(te.getMessage()).contains("TableWriteKeyRangeThroughputExceeded");
      }
    }

    String t = orders.name();
    // sync: the reason of every attempt is read from its response; async: only the final error's
    assertThat(registry.get(DdbkitMeterBinder.THROTTLES).tags("operation", "PutItem", "table", t)
        .counters().stream().mapToDouble(c -> c.count()).sum()).isEqualTo(6);
    assertThat(registry.get(DdbkitMeterBinder.THROTTLES).tags("reason", "table_write_key_range").counter().count())
        .isGreaterThanOrEqualTo(4);
    assertThat(registry.get(DdbkitMeterBinder.RETRIES).tags("operation", "PutItem", "source", "sdk").counter().count())
        .isEqualTo(4);
    assertThat(registry.get(DdbkitMeterBinder.ATTEMPTS).tags("operation", "PutItem", "error_type", "throttling")
        .counter().count()).isEqualTo(6);
    assertThat(registry.get(DdbkitMeterBinder.CALLS).tags("operation", "PutItem", "outcome", "throttled")
        .timer().count()).isEqualTo(2);
  }

  @Test
  void retriedAndFailedCalls_andUnprocessedBatchItems_areRecorded(DynamoDbLocal local, TestTables tables) {
    TableDefinition orders = tables.ensure(SeedTables.orders());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (FaultProxy proxy = FaultProxy.builder().target(local.endpoint()).seed(17)
        .rule(FaultRule.forOperation("GetItem").inject(Fault.internalServerError(), 1.0).times(1))
        .rule(FaultRule.forOperation("DeleteItem").inject(Fault.error(400, "ValidationException", "bad"), 1.0))
        .rule(FaultRule.forOperation("BatchWriteItem").inject(Fault.unprocessed(0.5), 1.0))
        .start();
        DdbkitClients clients = DdbkitClients.create(local.clientSettings().toBuilder()
            .endpointOverride(proxy.endpoint()).retryMode(ClientSettings.RetryMode.STANDARD)
            .metrics(DdbkitMeterBinder.of(registry)).build())) {
      clients.sync().getItem(r -> r.tableName(orders.name()).key(key("O-9")));
      catchThrowable(() -> clients.sync().deleteItem(r -> r.tableName(orders.name()).key(key("O-9"))));
      clients.sync().batchWriteItem(r -> r.requestItems(Map.of(orders.name(), List.of(
          WriteRequest.builder().putRequest(PutRequest.builder().item(order("O-3")).build()).build(),
          WriteRequest.builder().putRequest(PutRequest.builder().item(order("O-4")).build()).build()))));
    }

    String t = orders.name();
    assertThat(registry.get(DdbkitMeterBinder.CALLS).tags("operation", "GetItem", "table", t, "outcome", "success")
        .timer().count()).isEqualTo(1);
    assertThat(registry.get(DdbkitMeterBinder.ATTEMPTS).tags("operation", "GetItem", "error_type", "server_error")
        .counter().count()).isEqualTo(1);
    assertThat(registry.get(DdbkitMeterBinder.RETRIES).tags("operation", "GetItem", "source", "sdk").counter().count())
        .isEqualTo(1);
    assertThat(registry.get(DdbkitMeterBinder.CALLS).tags("operation", "DeleteItem", "outcome", "validation")
        .timer().count()).isEqualTo(1);
    assertThat(registry.get(DdbkitMeterBinder.ITEMS_UNPROCESSED).tags("operation", "BatchWriteItem", "table", t)
        .counter().count()).isEqualTo(1);
  }

  @Test
  void sharedBinderAndRegistry_countEachCallOnce(DynamoDbLocal local, TestTables tables) {
    TableDefinition orders = tables.ensure(SeedTables.orders());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DdbkitMeterBinder shared = DdbkitMeterBinder.of(registry);
    ClientSettings settings = local.clientSettings().toBuilder().metrics(shared).build();
    DdbkitMeterBinder second = DdbkitMeterBinder.of(registry);

    try (DdbkitClients a = DdbkitClients.create(settings);
        DdbkitClients b = DdbkitClients.create(settings);
        DdbkitClients c = DdbkitClients.create(local.clientSettings().toBuilder().metrics(second).build())) {
      a.sync().putItem(r -> r.tableName(orders.name()).item(order("O-1")));
      b.sync().putItem(r -> r.tableName(orders.name()).item(order("O-2")));
      b.async().putItem(r -> r.tableName(orders.name()).item(order("O-3"))).join();
      c.sync().putItem(r -> r.tableName(orders.name()).item(order("O-4")));
      // an enhanced client over the same sync client adds no second measurement
      a.enhanced();
    }

    assertThat(registry.get(DdbkitMeterBinder.CALLS).tags("operation", "PutItem", "outcome", "success")
        .timer().count()).isEqualTo(4);
    assertThat(registry.get(DdbkitMeterBinder.ATTEMPTS).tags("operation", "PutItem").counter().count()).isEqualTo(4);
  }

  private static void assertNoKeyOrValueInTags(SimpleMeterRegistry registry) {
    Set<String> allowed = Set.of("operation", "table", "outcome", "error_type", "source", "reason", "index", "type",
        "http_client", "service");
    for (Meter m : registry.getMeters()) {
      for (Tag tag : m.getId().getTags()) {
        assertThat(allowed).as("tag key of %s", m.getId()).contains(tag.getKey());
        assertThat(tag.getValue()).as("tag of %s", m.getId()).doesNotContain(SECRET_CUSTOMER).doesNotContain("O-1");
      }
    }
  }
}
