package dev.ddbkit.transactions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.CancellationReason;
import dev.ddbkit.core.error.ErrorContext;
import dev.ddbkit.core.error.IdempotentParameterMismatchException;
import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.core.error.TransactionCanceledException;
import dev.ddbkit.transactions.OrderLine;
import dev.ddbkit.transactions.OrderRequest;
import dev.ddbkit.transactions.OrderResult;
import dev.ddbkit.transactions.Shortage;
import dev.ddbkit.transactions.TransactionSettings;
import dev.ddbkit.transactions.TransferRequest;
import dev.ddbkit.transactions.TransferResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PlansTest {
  private static final TransactionSettings SETTINGS = TransactionSettings.builder()
      .inventoryTable("inv").ordersTable("ord").accountsTable("acc").idempotencyTable("idem").build();
  private static final Instant NOW = Instant.parse("2024-01-15T10:20:30Z");
  /** An order id created at {@link #NOW}: the orders layout holds the creation millisecond in the id. */
  private static final String ID = "ORD_" + NOW.toEpochMilli() + "_00000001";

  @Test
  void merge_sameProductOnTwoLines_isOneLineWithTheSum() {
    List<OrderLine> merged = OrderPlan.merge(List.of(OrderLine.of("a", 2), OrderLine.of("b", 1), OrderLine.of("a", 3)));
    assertThat(merged).containsExactly(OrderLine.of("a", 5), OrderLine.of("b", 1));
  }

  @Property
  void merge_keepsTheTotalPerProductAndTouchesEachProductOnce(
      @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 5) Integer> products,
      @ForAll @IntRange(min = 1, max = 1000) int quantity) {
    List<OrderLine> lines = new ArrayList<>();
    for (int p : products) {
      lines.add(OrderLine.of("p" + p, quantity));
    }
    List<OrderLine> merged = OrderPlan.merge(lines);
    assertThat(merged).extracting(OrderLine::productId).doesNotHaveDuplicates();
    assertThat(merged.stream().mapToLong(OrderLine::quantity).sum()).isEqualTo((long) products.size() * quantity);
  }

  @Test
  void merge_quantitiesOverflowingLong_isRejected() {
    assertThatThrownBy(() -> OrderPlan.merge(List.of(OrderLine.of("a", Long.MAX_VALUE), OrderLine.of("a", 1))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("product a");
  }

  @Test
  void order_mergedLines_touchEachInventoryItemOnce() {
    OrderPlan plan = OrderPlan.of(order(ID, List.of(OrderLine.of("a", 2), OrderLine.of("a", 3))), SETTINGS, NOW);
    assertThat(plan.actions()).hasSize(3);
    assertThat(plan.actions().get(0).update().expressionAttributeValues().get(":qty").n()).isEqualTo("5");
    Map<String, AttributeValue> orderItem = plan.actions().get(1).put().item();
    assertThat(orderItem.get("status").s()).isEqualTo("confirmed");
    assertThat(orderItem.get("created_at").s()).isEqualTo("2024-01-15T10:20:30.000Z");
    // the orders module's layout: found by OrderDateIndex / StatusIndex, expiring after the default 730 days
    assertThat(orderItem.get("order_date").s()).isEqualTo("2024-01-15");
    assertThat(orderItem.get("expires_at").n()).isEqualTo(Long.toString(NOW.plus(Duration.ofDays(730)).getEpochSecond()));
    assertThat(orderItem.get("items").l()).hasSize(1);
    assertThat(orderItem.get("items").l().get(0).m().get("productId").s()).isEqualTo("a");
    assertThat(plan.actions().get(2).put().tableName()).isEqualTo("idem");
  }

  @Test
  void order_timeToLive_isConfigurableAndTheDayIsUtc() {
    TransactionSettings settings = SETTINGS.toBuilder().orderTimeToLive(Duration.ofDays(30)).build();
    Instant lateEvening = Instant.parse("2024-01-15T23:59:59.999Z");
    OrderPlan plan = OrderPlan.of(order("ORD_" + lateEvening.toEpochMilli() + "_00000001", List.of(OrderLine.of("a", 1))),
        settings, NOW);
    Map<String, AttributeValue> orderItem = plan.actions().get(1).put().item();
    assertThat(orderItem.get("order_date").s()).isEqualTo("2024-01-15");
    assertThat(orderItem.get("expires_at").n())
        .isEqualTo(Long.toString(lateEvening.plus(Duration.ofDays(30)).getEpochSecond()));
    assertThatThrownBy(() -> SETTINGS.toBuilder().orderTimeToLive(Duration.ZERO))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("orderTimeToLive");
  }

  @Test
  void timestamps_useTheSeedsIsoFormatWithMillis() {
    assertThat(dev.ddbkit.core.item.SeedTimestamps.isoMillis(Instant.parse("2030-06-01T12:00:00Z"))).isEqualTo("2030-06-01T12:00:00.000Z");
    assertThat(Sha256.hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void order_withMoreThan98Products_isRejectedNamingThe100ItemLimit() {
    List<OrderLine> lines = new ArrayList<>();
    for (int i = 0; i < 99; i++) {
      lines.add(OrderLine.of("p" + i, 1));
    }
    assertThatThrownBy(() -> OrderPlan.of(order(ID, lines), SETTINGS, NOW))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at most 98 distinct products")
        .hasMessageContaining("100 items per transaction");
  }

  @Test
  void order_with98Products_isAccepted() {
    List<OrderLine> lines = new ArrayList<>();
    for (int i = 0; i < 98; i++) {
      lines.add(OrderLine.of("p" + i, 1));
    }
    assertThat(OrderPlan.of(order(ID, lines), SETTINGS, NOW).actions()).hasSize(100);
  }

  @Test
  void limits_itemOver400KB_isRejectedNamingTheLimit() {
    OrderPlan plan = OrderPlan.of(order(ID, List.of(OrderLine.of("a", 1))), SETTINGS, NOW);
    var big = plan.actions().get(1).toBuilder()
        .put(p -> p.tableName("ord").item(Map.of("customer_id", AttributeValue.fromS("x".repeat(410 * 1024)))))
        .build();
    assertThatThrownBy(() -> RequestLimits.check(List.of(big), "lines"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("400 KB");
  }

  @Test
  void limits_transactionOver4MB_isRejectedNamingTheLimit() {
    List<software.amazon.awssdk.services.dynamodb.model.TransactWriteItem> actions = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      actions.add(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder()
          .put(p -> p.tableName("ord").item(Map.of("k", AttributeValue.fromS("y".repeat(390 * 1024))))).build());
    }
    assertThatThrownBy(() -> RequestLimits.check(actions, "lines"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("4 MB");
  }

  @Test
  void limits_moreThan100Actions_isRejected() {
    List<software.amazon.awssdk.services.dynamodb.model.TransactWriteItem> actions = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      actions.add(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder()
          .put(p -> p.tableName("ord").item(Map.of("k", AttributeValue.fromS("v")))).build());
    }
    assertThatThrownBy(() -> RequestLimits.check(actions, "lines"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 100 items");
  }

  @Test
  void order_cancellation_namesEveryShortProductByIndex() {
    OrderPlan plan = OrderPlan.of(order(ID, List.of(OrderLine.of("a", 5), OrderLine.of("b", 1),
        OrderLine.of("c", 9))), SETTINGS, NOW);
    TransactionCanceledException e = cancelled(
        CancellationReason.of(0, "ConditionalCheckFailed", "", Map.of("quantity", AttributeValue.fromN("4"))),
        CancellationReason.of(1, "None", null, null),
        CancellationReason.of(2, "ConditionalCheckFailed", "", null),
        CancellationReason.of(3, "None", null, null),
        CancellationReason.of(4, "None", null, null));
    assertThat(plan.interpret(e)).isEqualTo(new OrderResult.InsufficientStock("c1", ID, List.of(
        new Shortage("a", 5, 4, true), new Shortage("c", 9, 0, false))));
  }

  @Test
  void order_cancellationOnTheOrderPut_isDuplicateNotOutOfStock() {
    OrderPlan plan = OrderPlan.of(order(ID, List.of(OrderLine.of("a", 5))), SETTINGS, NOW);
    TransactionCanceledException e = cancelled(
        CancellationReason.of(0, "None", null, null),
        CancellationReason.of(1, "ConditionalCheckFailed", "", null),
        CancellationReason.of(2, "None", null, null));
    assertThat(plan.interpret(e)).isEqualTo(new OrderResult.DuplicateOrder("c1", ID));
  }

  @Test
  void order_cancellationOnlyByConflict_isRethrown() {
    OrderPlan plan = OrderPlan.of(order(ID, List.of(OrderLine.of("a", 5))), SETTINGS, NOW);
    TransactionCanceledException e = cancelled(
        CancellationReason.of(0, "TransactionConflict", "", null),
        CancellationReason.of(1, "None", null, null),
        CancellationReason.of(2, "None", null, null));
    assertThatThrownBy(() -> plan.interpret(e)).isSameAs(e);
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void transfer_cancellations_mapToTypedOutcomesByIndex() {
    TransferPlan plan = TransferPlan.of(TransferRequest.of("op", "x", "y", 10), SETTINGS, NOW);
    assertThat(plan.interpret(cancelled(CancellationReason.of(0, "ConditionalCheckFailed", "", null),
        CancellationReason.of(1, "None", null, null), CancellationReason.of(2, "None", null, null))))
        .isEqualTo(new TransferResult.UnknownSourceAccount("op", "x"));
    assertThat(plan.interpret(cancelled(CancellationReason.of(0, "None", "", null),
        CancellationReason.of(1, "ConditionalCheckFailed", null, null), CancellationReason.of(2, "None", null, null))))
        .isEqualTo(new TransferResult.UnknownTargetAccount("op", "y"));
    assertThat(plan.interpret(cancelled(
        CancellationReason.of(0, "ConditionalCheckFailed", "", Map.of("balance", AttributeValue.fromN("7"))),
        CancellationReason.of(1, "None", null, null), CancellationReason.of(2, "None", null, null))))
        .isEqualTo(new TransferResult.InsufficientFunds("op", "x", 10, 7));
  }

  @Test
  void transfer_existingRecord_isReplayWhenSameContentAndMismatchOtherwise() {
    TransferRequest request = TransferRequest.of("op", "x", "y", 10);
    TransferPlan plan = TransferPlan.of(request, SETTINGS, NOW);
    Map<String, AttributeValue> same = Map.of("fingerprint", AttributeValue.fromS(TransferPlan.fingerprint(request)));
    assertThat(plan.interpret(cancelled(CancellationReason.of(0, "ConditionalCheckFailed", "", Map.of("balance",
        AttributeValue.fromN("0"))), CancellationReason.of(1, "None", null, null),
        CancellationReason.of(2, "ConditionalCheckFailed", "", same))))
        .isEqualTo(new TransferResult.Transferred("op", "x", "y", 10, true));
    Map<String, AttributeValue> other = Map.of("fingerprint",
        AttributeValue.fromS(TransferPlan.fingerprint(TransferRequest.of("op", "x", "y", 11))));
    assertThatThrownBy(() -> plan.replayOf(other)).isInstanceOf(IdempotentParameterMismatchException.class)
        .hasMessageContaining("op");
  }

  @Test
  void token_isDeterministicShortAndDependsOnOperationTablesAndId() {
    List<String> tables = List.of("accounts", "ddbkit-idempotency");
    String t = Idempotency.token(TransferPlan.OPERATION, tables, "op-1");
    assertThat(t).hasSizeLessThanOrEqualTo(36).matches("[0-9a-f]+");
    assertThat(Idempotency.token(TransferPlan.OPERATION, tables, "op-1")).isEqualTo(t);
    assertThat(Idempotency.token(TransferPlan.OPERATION, tables, "op-2")).isNotEqualTo(t);
    assertThat(Idempotency.token(OrderPlan.OPERATION, tables, "op-1")).isNotEqualTo(t);
    assertThat(Idempotency.token(TransferPlan.OPERATION, List.of("accounts-b", "ddbkit-idempotency"), "op-1"))
        .isNotEqualTo(t);
    assertThat(Idempotency.token(TransferPlan.OPERATION, List.of("accounts", "ddbkit-idempotency-b"), "op-1"))
        .isNotEqualTo(t);
    assertThat(TransferPlan.of(TransferRequest.of("op-1", "x", "y", 1), SETTINGS, NOW).token())
        .isEqualTo(TransferPlan.of(TransferRequest.of("op-1", "x", "y", 1), SETTINGS, NOW.plusSeconds(60)).token());
  }

  @Test
  void operationId_over1024Bytes_isRejected() {
    assertThatThrownBy(() -> TransferPlan.of(TransferRequest.of("o".repeat(1025), "x", "y", 1), SETTINGS, NOW))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("1024");
  }

  private static OrderRequest order(String orderId, List<OrderLine> lines) {
    return OrderRequest.builder().customerId("c1").orderId(orderId).lines(lines).build();
  }

  private static TransactionCanceledException cancelled(CancellationReason... reasons) {
    return TransactionCanceledException.of("cancelled", ErrorContext.of("TransactWriteItems", null), List.of(reasons),
        null);
  }
}
