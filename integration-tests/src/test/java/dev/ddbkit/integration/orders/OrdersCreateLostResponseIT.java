package dev.ddbkit.integration.orders;

import dev.ddbkit.integration.TestCursorKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrderAlreadyExistsException;
import dev.ddbkit.orders.OrdersRepository;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.testkit.fault.Fault;
import dev.ddbkit.testkit.fault.FaultCounters;
import dev.ddbkit.testkit.fault.FaultKind;
import dev.ddbkit.testkit.fault.FaultProxy;
import dev.ddbkit.testkit.fault.FaultRule;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * {@code create} when DynamoDB applies the {@code PutItem} but the response is lost (the fault proxy drops the
 * connection after forwarding): the SDK's retry fails {@code attribute_not_exists}, and the repository must
 * recognise its own order instead of reporting a duplicate. Covered with the old item returned on the
 * condition failure (DynamoDB Local honours {@code ReturnValuesOnConditionCheckFailure}) and without it (as
 * over DAX), where the repository reads the item back.
 */
@DynamoDbLocalTest
class OrdersCreateLostResponseIT {
  // recent: DynamoDB Local applies TTL, and orders expire two years after creation
  private static final Instant NOW = LocalDate.now(ZoneOffset.UTC).minusDays(1).atTime(9, 15)
      .toInstant(ZoneOffset.UTC).plusMillis(7);

  @Test
  void create_whoseResponseIsLost_succeedsOnTheSdkRetry_andStoresOneOrder(DynamoDbLocal local, TestTables tables,
      DynamoDbClient direct) {
    createWhoseResponseIsLost_succeeds(local, tables, direct, UnaryOperator.identity());
  }

  @Test
  void create_whoseResponseIsLost_overAClientThatReturnsNoOldItem_readsTheOrderBack(DynamoDbLocal local,
      TestTables tables, DynamoDbClient direct) {
    AtomicInteger stripped = new AtomicInteger();
    createWhoseResponseIsLost_succeeds(local, tables, direct, client -> withoutOldItemOnFailure(client, stripped));
    assertThat(stripped).as("PutItem requests sent without ReturnValuesOnConditionCheckFailure").hasValue(1);
  }

  @Test
  void create_ofAnotherOrderUnderTheSameKey_isStillADuplicate_afterALostResponse(DynamoDbLocal local,
      TestTables tables, DynamoDbClient direct) {
    genuineDuplicate_isRejected(local, tables, direct, UnaryOperator.identity());
  }

  @Test
  void create_ofAnotherOrderUnderTheSameKey_isStillADuplicate_overAClientThatReturnsNoOldItem(DynamoDbLocal local,
      TestTables tables, DynamoDbClient direct) {
    genuineDuplicate_isRejected(local, tables, direct, client -> withoutOldItemOnFailure(client, new AtomicInteger()));
  }

  private void createWhoseResponseIsLost_succeeds(DynamoDbLocal local, TestTables tables, DynamoDbClient direct,
      UnaryOperator<DynamoDbClient> wrap) {
    String table = tables.ensure(SeedTables.orders()).name();
    try (FaultProxy proxy = lostFirstPutItem(local); DynamoDbClient client = retryingClient(local, proxy)) {
      OrdersRepository orders = repository(wrap.apply(client), table, 11);

      Order order = orders.create(o -> o.customerId("c-1")
          .attribute("total", new BigDecimal("19.90"))
          .attribute("items", AttributeValue.fromL(List.of(AttributeValue.fromM(
              Map.of("sku", AttributeValue.fromS("sku-1"), "qty", AttributeValue.fromN("2.0"))))))
          .attribute("tags", AttributeValue.fromSs(List.of("gift", "express"))));

      FaultCounters counters = proxy.counters();
      assertThat(counters.injected(FaultKind.DROPPED_CONNECTION, "PutItem")).as("responses lost").isEqualTo(1);
      assertThat(counters.forwarded("PutItem")).as("PutItem attempts that reached DynamoDB").isEqualTo(2);
      var items = direct.scan(s -> s.tableName(table).consistentRead(true)).items();
      assertThat(items).hasSize(1);
      assertThat(items.get(0).get("order_id").s()).isEqualTo(order.orderId());
      assertThat(new BigDecimal(items.get(0).get("total").n())).isEqualByComparingTo("19.90");
      assertThat(orders.get(order.key())).isPresent();
    }
  }

  private void genuineDuplicate_isRejected(DynamoDbLocal local, TestTables tables, DynamoDbClient direct,
      UnaryOperator<DynamoDbClient> wrap) {
    String table = tables.ensure(SeedTables.orders()).name();
    try (FaultProxy proxy = lostFirstPutItem(local); DynamoDbClient client = retryingClient(local, proxy)) {
      // same seed and clock: the second repository generates the first one's order id
      OrdersRepository first = repository(wrap.apply(client), table, 7);
      OrdersRepository second = repository(wrap.apply(client), table, 7);
      Order original = first.create(o -> o.customerId("c-1").attribute("note", "first"));
      assertThat(proxy.counters().injected(FaultKind.DROPPED_CONNECTION)).isEqualTo(1);

      Throwable duplicate = catchThrowable(() -> second.create(o -> o.customerId("c-1").attribute("note", "second")));

      assertThat(duplicate).isInstanceOf(OrderAlreadyExistsException.class);
      assertThat(((OrderAlreadyExistsException) duplicate).key()).isEqualTo(original.key());
      var items = direct.scan(s -> s.tableName(table).consistentRead(true)).items();
      assertThat(items).hasSize(1);
      assertThat(items.get(0).get("note").s()).isEqualTo("first");
    }
  }

  private static FaultProxy lostFirstPutItem(DynamoDbLocal local) {
    return FaultProxy.builder().target(local.endpoint())
        .rule(FaultRule.forOperation("PutItem").inject(Fault.dropConnectionAfterForwarding(), 1.0).times(1))
        .start();
  }

  private static DynamoDbClient retryingClient(DynamoDbLocal local, FaultProxy proxy) {
    return DdbkitClients.newSyncClient(local.clientSettings().toBuilder().endpointOverride(proxy.endpoint())
        .retryMode(ClientSettings.RetryMode.STANDARD).maxAttempts(3).build());
  }

  private static OrdersRepository repository(DynamoDbClient client, String table, long seed) {
    return OrdersRepository.builder().cursorKey(TestCursorKeys.fixed()).client(client).tableName(table).clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .idRandom(new Random(seed)).build();
  }

  /** A client that, like DAX, returns no old item on a failed condition: it drops the request's ask for it. */
  @SuppressWarnings("unchecked")
  private static DynamoDbClient withoutOldItemOnFailure(DynamoDbClient delegate, AtomicInteger stripped) {
    return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("putItem") && args != null && args.length == 1) {
            PutItemRequest request = args[0] instanceof PutItemRequest r ? r
                : PutItemRequest.builder().applyMutation((Consumer<PutItemRequest.Builder>) args[0]).build();
            if (request.returnValuesOnConditionCheckFailure() != null) {
              stripped.incrementAndGet();
            }
            return delegate.putItem(request.toBuilder()
                .returnValuesOnConditionCheckFailure((String) null).build());
          }
          try {
            return method.invoke(delegate, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
