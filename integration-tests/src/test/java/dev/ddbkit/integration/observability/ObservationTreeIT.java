package dev.ddbkit.integration.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.error.ThrottlingReason;
import dev.ddbkit.core.metrics.OperationOutcome;
import dev.ddbkit.core.observation.DdbkitObservations;
import dev.ddbkit.core.observation.DdbkitOperationContext;
import dev.ddbkit.core.observation.DynamoDbCallContext;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.testkit.fault.Fault;
import dev.ddbkit.testkit.fault.FaultProxy;
import dev.ddbkit.testkit.fault.FaultRule;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The observation tree ddbkit produces: each ddbkit operation ({@code ddbkit.operation}) with the DynamoDB calls
 * it made as {@code db.client.operation} children, tagged after OpenTelemetry's DynamoDB conventions.
 */
@DynamoDbLocalTest
class ObservationTreeIT {
  private static final String CUSTOMER = "C-1";

  private final TestObservationRegistry registry = TestObservationRegistry.create();
  private TableDefinition orders;
  private FaultProxy proxy;
  private DdbkitClients clients;

  @BeforeEach
  void setUp(DynamoDbLocal local, TestTables tables) {
    orders = tables.ensure(SeedTables.orders());
    proxy = FaultProxy.builder().target(local.endpoint()).seed(4)
        .rule(FaultRule.forOperation("BatchWriteItem").inject(Fault.unprocessed(0.5), 1.0).times(1))
        .rule(FaultRule.forOperation("DeleteItem").inject(Fault.provisionedThroughputExceeded(
            ThrottlingReason.of(ThrottlingReason.Scope.TABLE, ThrottlingReason.Access.WRITE,
                ThrottlingReason.Limit.PROVISIONED)), 1.0))
        .start();
    ClientSettings settings = local.clientSettings().toBuilder().endpointOverride(proxy.endpoint())
        .retryMode(ClientSettings.RetryMode.NONE)
        .addInterceptor(DdbkitObservations.interceptor(registry)).build();
    clients = DdbkitClients.create(settings);
  }

  @AfterEach
  void tearDown() {
    clients.close();
    proxy.close();
  }

  private static Map<String, AttributeValue> order(String orderId) {
    return Map.of("customer_id", AttributeValue.fromS(CUSTOMER), "order_id", AttributeValue.fromS(orderId),
        "status", AttributeValue.fromS("PENDING"), "order_date", AttributeValue.fromS("2026-11-24"));
  }

  private static WriteRequest put(String orderId) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(order(orderId)).build()).build();
  }

  @Test
  void batchWithUnprocessedItems_isOneOperationWithABatchCallPerRound() {
    DdbkitObservations.observe(registry, "orders.saveAll", orders.name(), () -> {
      Map<String, List<WriteRequest>> pending = Map.of(orders.name(), List.of(put("O-1"), put("O-2")));
      int rounds = 0;
      while (!pending.isEmpty() && rounds++ < 5) {
        Map<String, List<WriteRequest>> request = pending;
        pending = clients.sync().batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
      }
      return rounds;
    });

    assertThat(children("orders.saveAll")).containsExactly("BatchWriteItem", "BatchWriteItem");
    TestObservationRegistryAssert.assertThat(registry)
        .hasAnObservation(o -> o.hasNameEqualTo("db.client.operation")
            .hasLowCardinalityKeyValue("db.system.name", "aws.dynamodb")
            .hasLowCardinalityKeyValue("db.operation.name", "BatchWriteItem")
            .hasLowCardinalityKeyValue("aws.dynamodb.table_names", orders.name())
            .hasHighCardinalityKeyValue("aws.dynamodb.unprocessed_items", "1"))
        .hasAnObservation(o -> o.hasNameEqualTo("db.client.operation")
            .hasHighCardinalityKeyValue("aws.dynamodb.unprocessed_items", "0"));
  }

  @Test
  void pagedQuery_hydratedIndexQuery_andTransaction_eachHaveTheirCallsAsChildren() {
    DdbkitObservations.observe(registry, "orders.place", orders.name(), () -> clients.sync().transactWriteItems(r ->
        r.transactItems(TransactWriteItem.builder().put(Put.builder().tableName(orders.name()).item(order("O-1"))
                .build()).build(),
            TransactWriteItem.builder().put(Put.builder().tableName(orders.name()).item(order("O-2")).build()).build(),
            TransactWriteItem.builder().put(Put.builder().tableName(orders.name()).item(order("O-3")).build())
                .build())));

    int pages = DdbkitObservations.observe(registry, "orders.byCustomer", orders.name(), () -> {
      int n = 0;
      for (var page : clients.sync().queryPaginator(r -> r.tableName(orders.name()).limit(1)
          .keyConditionExpression("customer_id = :c")
          .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(CUSTOMER))))) {
        n++;
      }
      return n;
    });

    DdbkitObservations.observe(registry, "orders.byStatusHydrated", orders.name(), (DdbkitOperationContext ctx) -> {
      var keys = clients.sync().query(r -> r.tableName(orders.name()).indexName(SeedTables.STATUS_INDEX)
          .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("PENDING")))).items().stream()
          .map(i -> Map.of("customer_id", i.get("customer_id"), "order_id", i.get("order_id")))
          .collect(Collectors.toList());
      clients.async().batchGetItem(r -> r.requestItems(Map.of(orders.name(),
          KeysAndAttributes.builder().keys(keys).build()))).join();
      ctx.outcome(OperationOutcome.SUCCESS);
      return keys.size();
    });

    assertThat(children("orders.place")).containsExactly("TransactWriteItems");
    assertThat(children("orders.byCustomer")).hasSize(pages).containsOnly("Query").hasSizeGreaterThanOrEqualTo(3);
    assertThat(children("orders.byStatusHydrated")).containsExactly("Query", "BatchGetItem");
    TestObservationRegistryAssert.assertThat(registry)
        .hasAnObservation(o -> o.hasNameEqualTo("db.client.operation")
            .hasLowCardinalityKeyValue("db.operation.name", "Query")
            .hasLowCardinalityKeyValue("aws.dynamodb.index_name", SeedTables.STATUS_INDEX)
            .hasHighCardinalityKeyValue("aws.dynamodb.count", "3"))
        .hasAnObservation(o -> o.hasNameEqualTo("ddbkit.operation")
            .hasContextualNameEqualTo("orders.byStatusHydrated")
            .hasLowCardinalityKeyValue("ddbkit.outcome", "success"));
  }

  @Test
  void throttledCall_isAnErrorChildWithDynamoDbsReasons_andConditionFailureIsAnExpectedOutcome() {
    catchThrowable(() -> DdbkitObservations.observe(registry, "orders.cancel", orders.name(), () ->
        clients.sync().deleteItem(r -> r.tableName(orders.name()).key(Map.of(
            "customer_id", AttributeValue.fromS(CUSTOMER), "order_id", AttributeValue.fromS("O-1"))))));
    clients.sync().putItem(r -> r.tableName(orders.name()).item(order("O-1")));
    catchThrowable(() -> DdbkitObservations.observe(registry, "orders.create", orders.name(), () ->
        clients.sync().putItem(r -> r.tableName(orders.name()).item(order("O-1"))
            .conditionExpression("attribute_not_exists(order_id)"))));

    assertThat(children("orders.cancel")).containsExactly("DeleteItem");
    TestObservationRegistryAssert.assertThat(registry)
        .hasAnObservation(o -> o.hasNameEqualTo("db.client.operation")
            .hasLowCardinalityKeyValue("db.operation.name", "DeleteItem")
            .hasLowCardinalityKeyValue("error.type", "ProvisionedThroughputExceededException")
            .hasHighCardinalityKeyValue("aws.dynamodb.throttling_reasons", "TableWriteProvisionedThroughputExceeded"))
        .hasAnObservation(o -> o.hasNameEqualTo("ddbkit.operation").hasContextualNameEqualTo("orders.cancel")
            .hasLowCardinalityKeyValue("ddbkit.outcome", "error"))
        .hasAnObservation(o -> o.hasNameEqualTo("ddbkit.operation").hasContextualNameEqualTo("orders.create")
            .hasLowCardinalityKeyValue("ddbkit.outcome", "condition_failed"))
        // the PutItem made outside any ddbkit operation has no parent
        .hasAnObservation(o -> o.hasNameEqualTo("db.client.operation")
            .hasLowCardinalityKeyValue("db.operation.name", "PutItem").doesNotHaveParentObservation());
  }

  @Test
  void failingConvention_neverFailsTheDynamoDbCall(DynamoDbLocal local) {
    var failing = new dev.ddbkit.core.observation.DefaultDynamoDbCallConvention() {
      @Override
      public io.micrometer.common.KeyValues getHighCardinalityKeyValues(DynamoDbCallContext context) {
        throw new IllegalStateException("broken convention");
      }
    };
    try (DdbkitClients broken = DdbkitClients.create(local.clientSettings().toBuilder()
        .addInterceptor(DdbkitObservations.interceptor(registry, failing)).build())) {
      broken.sync().putItem(r -> r.tableName(orders.name()).item(order("O-7")));
      assertThat(broken.sync().getItem(r -> r.tableName(orders.name()).key(Map.of(
          "customer_id", AttributeValue.fromS(CUSTOMER), "order_id", AttributeValue.fromS("O-7")))).hasItem()).isTrue();
    }
  }

  @Test
  void successfulCall_carriesTheAwsRequestId() {
    clients.sync().putItem(r -> r.tableName(orders.name()).item(order("O-8")));

    TestObservationRegistryAssert.assertThat(registry).hasAnObservation(o -> o.hasNameEqualTo("db.client.operation")
        .hasHighCardinalityKeyValueWithKey("aws.request_id"));
  }

  /** The DynamoDB operations observed as children of the ddbkit operation {@code parent}, in order. */
  private List<String> children(String parent) {
    List<String> found = new ArrayList<>();
    TestObservationRegistryAssert.assertThat(registry).hasHandledContextsThatSatisfy(contexts -> {
      for (Observation.Context c : contexts) {
        ObservationView p = c.getParentObservation();
        if (c instanceof DynamoDbCallContext call && p != null
            && parent.equals(p.getContextView().getContextualName())) {
          found.add(call.operation());
        }
      }
    });
    return found;
  }
}
