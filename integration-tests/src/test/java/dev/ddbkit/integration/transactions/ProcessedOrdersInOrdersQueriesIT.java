package dev.ddbkit.integration.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.integration.TestCursorKeys;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrderKey;
import dev.ddbkit.orders.OrderStatus;
import dev.ddbkit.orders.OrdersRepository;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestClock;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.transactions.DdbkitTransactions;
import dev.ddbkit.transactions.OrderResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Issue 13, point 4: an order written by {@code processOrder} is found by every orders query, in its place. */
@DynamoDbLocalTest
class ProcessedOrdersInOrdersQueriesIT {
  private static final Instant T0 = Instant.parse("2030-06-01T12:00:00Z");

  @Test
  void orderFromProcessOrder_isFoundByEveryOrdersQueryInItsPlace(DynamoDbClient client, TestTables tables) {
    Fixture db = new Fixture(client, tables);
    db.stock("sku-1", 10);
    OrdersRepository orders = OrdersRepository.builder().client(client).tableName(db.orders)
        .cursorKey(TestCursorKeys.fixed()).consistentReads(true).build();
    Order before = OrdersRepository.builder().client(client).tableName(db.orders).cursorKey(TestCursorKeys.fixed())
        .clock(TestClock.at(T0)).build().create(o -> o.customerId("c-1").status(OrderStatus.CONFIRMED));
    Order after = OrdersRepository.builder().client(client).tableName(db.orders).cursorKey(TestCursorKeys.fixed())
        .clock(TestClock.at(T0.plusSeconds(20))).build()
        .create(o -> o.customerId("c-1").status(OrderStatus.CONFIRMED));
    DdbkitTransactions tx = DdbkitTransactions.create(client, db.settings(TestClock.at(T0.plusSeconds(10))));
    String orderId = tx.newOrderId();

    OrderResult result = tx.processOrder(o -> o.customerId("c-1").orderId(orderId).line("sku-1", 2));

    assertThat(result).isInstanceOf(OrderResult.Confirmed.class);
    OrderKey processed = OrderKey.of("c-1", orderId);
    assertThat(keys(orders.byCustomer("c-1").items())).as("newest first")
        .containsExactly(after.key(), processed, before.key());
    assertThat(keys(orders.byCustomer("c-1", q -> q.oldestFirst()).items())).as("oldest first")
        .containsExactly(before.key(), processed, after.key());
    assertThat(keys(orders.byCustomer("c-1", q -> q.createdBetween(T0.plusSeconds(5), T0.plusSeconds(15))).items()))
        .as("created between").containsExactly(processed);
    assertThat(keys(orders.byCustomer("c-1", q -> q.createdFrom(T0.plusSeconds(10))).items()))
        .as("created from its own millisecond").containsExactly(after.key(), processed);
    assertThat(keys(orders.byDate(LocalDate.parse("2030-06-01")).items())).as("by date")
        .containsExactly(before.key(), processed, after.key());
    assertThat(orders.keysByStatus(OrderStatus.CONFIRMED, q -> q.pageSize(10)).items()).as("by status")
        .containsExactlyInAnyOrder(before.key(), processed, after.key());
    Order read = orders.get(processed).orElseThrow();
    assertThat(read.createdAt()).isEqualTo(T0.plusSeconds(10)).isEqualTo(((OrderResult.Confirmed) result).createdAt());
    assertThat(read.status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(read.expiresAt()).isPresent();
  }

  private static List<OrderKey> keys(List<Order> orders) {
    return orders.stream().map(Order::key).toList();
  }
}
