package dev.ddbkit.transactions.internal;

import dev.ddbkit.core.error.CancellationReason;
import dev.ddbkit.core.error.ErrorContext;
import dev.ddbkit.core.error.IdempotentParameterMismatchException;
import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.core.item.SeedTimestamps;
import dev.ddbkit.core.error.TransactionCanceledException;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrderIds;
import dev.ddbkit.orders.OrderKey;
import dev.ddbkit.orders.OrderStatus;
import dev.ddbkit.transactions.OrderLine;
import dev.ddbkit.transactions.OrderRequest;
import dev.ddbkit.transactions.OrderResult;
import dev.ddbkit.transactions.Shortage;
import dev.ddbkit.transactions.TransactionSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The TransactWriteItems of one order: a conditional decrement per product (indexes {@code 0..n-1}), the
 * order's Put ({@code n}) and the idempotency record ({@code n+1}); and the reading of its cancellation
 * reasons by index.
 */
public final class OrderPlan {
  /** Operation kind in tokens and idempotency keys. */
  public static final String OPERATION = "processOrder";
  /** Most distinct products per order: 100 actions minus the order and the idempotency record. */
  public static final int MAX_PRODUCTS = RequestLimits.MAX_ACTIONS - 2;
  /** The order's list of lines, as the seed writes it: {@code [{productId: S, quantity: N}]}. */
  public static final String ITEMS = "items";

  private final OrderRequest request;
  private final List<OrderLine> lines;
  private final Instant now;
  private final String token;
  private final String fingerprint;
  private final String recordTable;
  private final String recordKey;
  private final String attempt;
  private final Instant createdAt;
  private final List<TransactWriteItem> actions;

  private OrderPlan(OrderRequest request, List<OrderLine> lines, Instant now, TransactionSettings settings) {
    this.request = request;
    this.lines = lines;
    this.now = now;
    Idempotency.checkOperationId(request.operationId());
    List<String> tables = List.of(settings.ordersTable(), settings.inventoryTable(), settings.idempotencyTable());
    this.token = Idempotency.token(OPERATION, tables, request.operationId());
    this.fingerprint = fingerprint(request.customerId(), request.orderId(), lines);
    this.recordTable = settings.idempotencyTable();
    this.recordKey = Idempotency.key(OPERATION, Idempotency.scope(OPERATION, tables), request.operationId());
    this.attempt = Idempotency.newAttempt();
    // the orders layout: the id holds the creation millisecond, which customer queries sort and filter by
    this.createdAt = OrderIds.createdAt(request.orderId()).orElseThrow();
    String stamp = SeedTimestamps.isoMillis(now);
    List<TransactWriteItem> a = new ArrayList<>();
    for (OrderLine line : lines) {
      a.add(decrement(settings.inventoryTable(), line, stamp));
    }
    a.add(orderPut(settings.ordersTable(), request, lines, createdAt, settings.orderTimeToLive()));
    a.add(Idempotency.recordPut(recordTable, recordKey, OPERATION, fingerprint, attempt, now,
        settings.idempotencyRetention()));
    this.actions = List.copyOf(a);
    RequestLimits.check(actions, "lines");
  }

  /**
   * Plans {@code request} at {@code now}: merges lines of the same product (a transaction may not touch one
   * item twice) and checks DynamoDB's limits, throwing {@link InvalidInputException} before anything is sent.
   */
  public static OrderPlan of(OrderRequest request, TransactionSettings settings, Instant now) {
    List<OrderLine> merged = merge(request.lines());
    if (merged.size() > MAX_PRODUCTS) {
      throw InvalidInputException.of("lines", "An order may have at most " + MAX_PRODUCTS
          + " distinct products but this one has " + merged.size() + ": DynamoDB allows at most "
          + RequestLimits.MAX_ACTIONS + " items per transaction and ddbkit adds the order and its idempotency record.");
    }
    return new OrderPlan(request, merged, now, settings);
  }

  /** Lines of the same product merged into one with the summed quantity, in order of first appearance. */
  public static List<OrderLine> merge(List<OrderLine> lines) {
    Map<String, Long> quantities = new LinkedHashMap<>();
    for (OrderLine line : lines) {
      quantities.merge(line.productId(), line.quantity(), (a, b) -> {
        try {
          return Math.addExact(a, b);
        } catch (ArithmeticException e) {
          throw InvalidInputException.of("lines", "The quantities of product " + line.productId()
              + " add up to more than " + Long.MAX_VALUE + ".");
        }
      });
    }
    List<OrderLine> merged = new ArrayList<>();
    quantities.forEach((product, quantity) -> merged.add(OrderLine.of(product, quantity)));
    return List.copyOf(merged);
  }

  /** Fingerprint of an order's content: customer, order id and merged lines; never timestamps. */
  public static String fingerprint(String customerId, String orderId, List<OrderLine> lines) {
    List<String> parts = new ArrayList<>(List.of(OPERATION, customerId, orderId));
    for (OrderLine line : lines) {
      parts.add(line.productId());
      parts.add(Long.toString(line.quantity()));
    }
    return Idempotency.fingerprint(parts);
  }

  /** The actions, in index order. */
  public List<TransactWriteItem> actions() {
    return actions;
  }

  /** The ClientRequestToken. */
  public String token() {
    return token;
  }

  /** The idempotency table. */
  public String recordTable() {
    return recordTable;
  }

  /** The idempotency record's key value. */
  public String recordKey() {
    return recordKey;
  }

  /** The merged lines. */
  public List<OrderLine> lines() {
    return lines;
  }

  /** The result of a committed transaction. */
  public OrderResult confirmed() {
    return new OrderResult.Confirmed(request.customerId(), request.orderId(), lines, createdAt, false);
  }

  /**
   * The result for an existing idempotency record: with this order's fingerprint, applied by this call if
   * the record holds this call's attempt id and a replay otherwise; with another fingerprint an
   * {@link IdempotentParameterMismatchException}.
   */
  public OrderResult replayOf(Map<String, AttributeValue> record) {
    Optional<String> stored = Idempotency.storedFingerprint(record);
    if (stored.isPresent() && stored.get().equals(fingerprint)) {
      return new OrderResult.Confirmed(request.customerId(), request.orderId(), lines, createdAt,
          !Idempotency.writtenBy(record, attempt));
    }
    throw IdempotentParameterMismatchException.of("Operation id " + request.operationId()
        + " was already used for a different order; an operation id may be reused only for the same customer, "
        + "order id and lines.", ErrorContext.of("TransactWriteItems", recordTable));
  }

  /**
   * Reads the cancellation reasons by index: the idempotency record first (replay or mismatch), then the
   * order (duplicate), then every product whose stock was short. Rethrows {@code e} when no condition
   * explains the cancellation.
   */
  public OrderResult interpret(TransactionCanceledException e) {
    int orderIndex = lines.size();
    int recordIndex = orderIndex + 1;
    Optional<CancellationReason> record = e.reason(recordIndex).filter(CancellationReason::conditionalCheckFailed);
    if (record.isPresent()) {
      return replayOf(record.get().item());
    }
    if (e.reason(orderIndex).filter(CancellationReason::conditionalCheckFailed).isPresent()) {
      return new OrderResult.DuplicateOrder(request.customerId(), request.orderId());
    }
    List<Shortage> shortages = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Optional<CancellationReason> reason = e.reason(i).filter(CancellationReason::conditionalCheckFailed);
      if (reason.isPresent()) {
        OrderLine line = lines.get(i);
        Map<String, AttributeValue> old = reason.get().item();
        long available = Numbers.wholeNumber(old, "quantity").orElse(0);
        shortages.add(new Shortage(line.productId(), line.quantity(), available, !old.isEmpty()));
      }
    }
    if (!shortages.isEmpty()) {
      return new OrderResult.InsufficientStock(request.customerId(), request.orderId(), shortages);
    }
    throw e;
  }

  private static TransactWriteItem decrement(String table, OrderLine line, String stamp) {
    return TransactWriteItem.builder().update(Update.builder()
        .tableName(table)
        .key(Map.of("product_id", AttributeValue.fromS(line.productId())))
        .updateExpression("SET #q = #q - :qty, #u = :now")
        .conditionExpression("#q >= :qty")
        .expressionAttributeNames(Map.of("#q", "quantity", "#u", "updated_at"))
        .expressionAttributeValues(Map.of(
            ":qty", AttributeValue.fromN(Long.toString(line.quantity())),
            ":now", AttributeValue.fromS(stamp)))
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build()).build();
  }

  /**
   * The order in the orders module's layout, built by the orders module's own {@link Order}: the same
   * attribute names, {@code order_date} (the UTC day of {@code created_at}), {@code created_at} (the id's
   * millisecond) and {@code expires_at}, so it is found by every orders query.
   */
  private static TransactWriteItem orderPut(String table, OrderRequest request, List<OrderLine> lines,
      Instant createdAt, Duration timeToLive) {
    List<AttributeValue> items = new ArrayList<>();
    for (OrderLine line : lines) {
      Map<String, AttributeValue> m = new LinkedHashMap<>();
      m.put("productId", AttributeValue.fromS(line.productId()));
      m.put("quantity", AttributeValue.fromN(Long.toString(line.quantity())));
      items.add(AttributeValue.fromM(m));
    }
    Order order = Order.of(OrderKey.of(request.customerId(), request.orderId()), SeedTimestamps.utcDay(createdAt),
        createdAt, OrderStatus.CONFIRMED, Instant.ofEpochSecond(createdAt.plus(timeToLive).getEpochSecond()),
        Map.of(ITEMS, AttributeValue.fromL(items)));
    return TransactWriteItem.builder().put(Put.builder()
        .tableName(table)
        .item(order.toItem())
        .conditionExpression("attribute_not_exists(#o)")
        .expressionAttributeNames(Map.of("#o", Order.ORDER_ID))
        .build()).build();
  }
}
