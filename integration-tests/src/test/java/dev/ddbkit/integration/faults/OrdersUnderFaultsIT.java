package dev.ddbkit.integration.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrderStatus;
import dev.ddbkit.orders.OrdersRepository;
import dev.ddbkit.orders.Page;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.testkit.fault.Fault;
import dev.ddbkit.testkit.fault.FaultCounters;
import dev.ddbkit.testkit.fault.FaultKind;
import dev.ddbkit.testkit.fault.FaultProxy;
import dev.ddbkit.testkit.fault.FaultRule;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link OrdersRepository} under 10 % throttling, 2 % 5xx, 5 ms of added latency, partial
 * {@code BatchGetItem} results and lost {@code PutItem} and {@code UpdateItem} responses (applied, then the connection dropped):
 * every order is created once and reported created, every transition applies once, and every query returns
 * each order exactly once.
 */
@DynamoDbLocalTest
class OrdersUnderFaultsIT {
  private static final Logger LOG = LoggerFactory.getLogger(OrdersUnderFaultsIT.class);
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final int CUSTOMERS = 3;
  private static final int ORDERS_PER_CUSTOMER = 8;

  @Test
  void createsTransitionsAndQueries_underFaults_loseAndDuplicateNothing(DynamoDbLocal local, TestTables tables,
      DynamoDbClient direct) {
    String table = tables.ensure(SeedTables.orders()).name();
    try (FaultProxy proxy = FaultProxy.builder().target(local.endpoint()).seed(77)
        .rule(FaultRule.forAnyOperation().latency(Duration.ofMillis(5)))
        .rule(FaultRule.forAnyOperation().table(table).throttle(0.10))
        .rule(FaultRule.forAnyOperation().table(table).serverError(0.01))
        .rule(FaultRule.forAnyOperation().table(table).serviceUnavailable(0.01))
        .rule(FaultRule.forOperation("BatchGetItem").unprocessed(0.3, 0.4))
        // applied, response lost: the SDK's retry fails attribute_not_exists on the order it just stored
        .rule(FaultRule.forOperation("PutItem").table(table).inject(Fault.dropConnectionAfterForwarding(), 0.2))
        // applied, response lost: the SDK's retry must recognise the transition's own token, not report a conflict
        .rule(FaultRule.forOperation("UpdateItem").table(table).inject(Fault.dropConnectionAfterForwarding(), 0.2))
        .start();
        DynamoDbClient client = DdbkitClients.newSyncClient(local.clientSettings().toBuilder()
            .endpointOverride(proxy.endpoint()).retryMode(ClientSettings.RetryMode.STANDARD).maxAttempts(5).build())) {
      OrdersRepository orders = OrdersRepository.builder().client(client).tableName(table)
          .clock(Clock.fixed(NOW, ZoneOffset.UTC)).idRandom(new Random(5))
          .cursorKey("fault-suite-cursor-key".getBytes(StandardCharsets.UTF_8)).build();

      Map<String, Order> created = new HashMap<>();
      for (int c = 0; c < CUSTOMERS; c++) {
        for (int i = 0; i < ORDERS_PER_CUSTOMER; i++) {
          String customer = "c-" + c;
          Order order = orders.create(o -> o.customerId(customer).attribute("total", (long) 100));
          created.put(order.orderId(), order);
        }
      }
      int confirmed = 0;
      for (Order order : created.values()) {
        if (confirmed < created.size() / 2) {
          orders.updateStatus(order.key(), OrderStatus.PENDING, OrderStatus.CONFIRMED);
          confirmed++;
        }
      }

      assertThat(created).hasSize(CUSTOMERS * ORDERS_PER_CUSTOMER);
      for (int c = 0; c < CUSTOMERS; c++) {
        String customer = "c-" + c;
        List<Order> all = drain(cursor -> orders.byCustomer(customer, q -> {
          q.pageSize(3);
          cursor.ifPresent(q::cursor);
        }));
        assertThat(all).extracting(Order::orderId).doesNotHaveDuplicates().hasSize(ORDERS_PER_CUSTOMER)
            .allMatch(id -> created.get(id).customerId().equals(customer));
      }
      LocalDate day = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
      assertThat(drain(cursor -> orders.byDate(day, q -> {
        q.pageSize(7);
        cursor.ifPresent(q::cursor);
      }))).extracting(Order::orderId).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created.keySet());
      for (OrderStatus status : List.of(OrderStatus.CONFIRMED, OrderStatus.PENDING)) {
        List<Order> byStatus = drain(cursor -> orders.byStatus(status, q -> {
          q.pageSize(6);
          cursor.ifPresent(q::cursor);
        }));
        assertThat(byStatus).as("orders %s", status).extracting(Order::orderId).doesNotHaveDuplicates()
            .hasSize(created.size() / 2);
        assertThat(byStatus).allMatch(o -> o.status() == status);
      }
      assertThat(direct.scan(s -> s.tableName(table).consistentRead(true)).count())
          .as("no order written twice").isEqualTo(created.size());

      FaultCounters counters = proxy.counters();
      LOG.info("orders under faults: {} requests, {} forwarded, {} SDK retries caused by injected errors, "
          + "{} keys returned unprocessed; {}", counters.requests(), counters.forwarded(),
          counters.injected(FaultKind.PROVISIONED_THROUGHPUT_EXCEEDED) + counters.injected(FaultKind.INTERNAL_SERVER_ERROR)
              + counters.injected(FaultKind.SERVICE_UNAVAILABLE), counters.unprocessedItems(), counters);
      assertThat(counters.injected(FaultKind.PROVISIONED_THROUGHPUT_EXCEEDED)).isPositive();
      assertThat(counters.unprocessedItems()).isPositive();
      assertThat(counters.injected(FaultKind.DROPPED_CONNECTION, "PutItem")).as("PutItem responses lost").isPositive();
      assertThat(counters.injected(FaultKind.DROPPED_CONNECTION, "UpdateItem")).as("UpdateItem responses lost")
          .isPositive();
    }
  }

  private static <T> List<T> drain(Function<Optional<String>, Page<T>> pageFn) {
    List<T> all = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    for (int pages = 0; pages < 1000; pages++) {
      Page<T> page = pageFn.apply(cursor);
      all.addAll(page.items());
      cursor = page.nextCursor();
      if (cursor.isEmpty()) {
        return all;
      }
    }
    throw new AssertionError("pagination did not end");
  }
}
