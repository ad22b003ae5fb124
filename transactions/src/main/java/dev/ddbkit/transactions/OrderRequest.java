package dev.ddbkit.transactions;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.orders.OrderIds;
import dev.ddbkit.transactions.internal.Sha256;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order to process: who orders, the order id, the lines, and the operation id that makes a retry of
 * the same order safe. The operation id defaults to a function of the customer and the order id only (see
 * {@link #defaultOperationId(String, String)}), so re-sending an order is recognised as the same operation
 * and two different orders never share one. Keys are checked against DynamoDB's limits here: customerId
 * at most 2048 UTF-8 bytes (partition key), orderId at most 1024 (sort key).
 *
 * <pre>{@code
 * OrderRequest order = OrderRequest.builder()
 *     .customerId("cust-42").orderId(OrderIds.next(clock))     // ORD_<millis>_<8 hex>
 *     .line("sku-1", 2).line("sku-7", 1)
 *     .build();
 * }</pre>
 */
public final class OrderRequest {
  private static final int MAX_DEFAULT_OPERATION_ID_BYTES = 1024;

  private final String operationId;
  private final String customerId;
  private final String orderId;
  private final List<OrderLine> lines;

  private OrderRequest(Builder b) {
    this.customerId = Require.partitionKey(b.customerId, "customerId");
    this.orderId = Require.sortKey(b.orderId, "orderId");
    this.operationId = b.operationId == null ? defaultOperationId(customerId, orderId) : b.operationId;
    Require.nonBlank(operationId, "operationId");
    Require.argument(!b.lines.isEmpty(), "lines", "An order needs at least one line.");
    this.lines = List.copyOf(b.lines);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The operation id of an order without an explicit one; distinct (customer, order id) pairs always get
   * distinct ids, and the result is at most 1024 UTF-8 bytes:
   *
   * <ul>
   *   <li>{@code customerId + "#" + orderId} when neither contains {@code '#'} (exactly one {@code '#'}), for
   *       example {@code cust-42#ORD-1001};
   *   <li>otherwise {@code "#" + customerId.length() + "#" + customerId + "#" + orderId} (the length prefix
   *       tells where the customer ends), for example {@code #3#a#b#c} for customer {@code a#b}, order
   *       {@code c}, and {@code #1#a#b#c} for customer {@code a}, order {@code b#c};
   *   <li>when that is over 1024 UTF-8 bytes, {@code "#sha256#"} and the hex SHA-256 of the length-prefixed
   *       form.
   * </ul>
   */
  public static String defaultOperationId(String customerId, String orderId) {
    Require.nonBlank(customerId, "customerId");
    Require.nonBlank(orderId, "orderId");
    String id;
    if (customerId.indexOf('#') < 0 && orderId.indexOf('#') < 0) {
      id = customerId + "#" + orderId;
    } else {
      id = "#" + customerId.length() + "#" + customerId + "#" + orderId;
    }
    if (Require.utf8Length(id) <= MAX_DEFAULT_OPERATION_ID_BYTES) {
      return id;
    }
    String prefixed = customerId.length() + "#" + customerId + "#" + orderId;
    return "#sha256#" + Sha256.hex(prefixed);
  }

  /** The caller's operation id: the idempotency key of this order. */
  public String operationId() {
    return operationId;
  }

  /** The ordering customer ({@code customer_id}). */
  public String customerId() {
    return customerId;
  }

  /** The order id ({@code order_id}). */
  public String orderId() {
    return orderId;
  }

  /** The lines as given, before merging lines of the same product. */
  public List<OrderLine> lines() {
    return lines;
  }

  @Override
  public String toString() {
    return "OrderRequest{operationId=" + operationId + ", customerId=" + customerId + ", orderId=" + orderId
        + ", lines=" + lines + "}";
  }

  /** Builder of {@link OrderRequest}; checks each value with a sentence naming it. */
  public static final class Builder {
    private @Nullable String operationId;
    private @Nullable String customerId;
    private @Nullable String orderId;
    private final List<OrderLine> lines = new ArrayList<>();

    private Builder() {}

    /** The idempotency key; defaults to {@link OrderRequest#defaultOperationId(String, String)}. */
    public Builder operationId(String operationId) {
      this.operationId = Require.nonBlank(operationId, "operationId");
      return this;
    }

    /** The customer ({@code customer_id}, the partition key): not blank, at most 2048 UTF-8 bytes. */
    public Builder customerId(String customerId) {
      this.customerId = Require.partitionKey(customerId, "customerId");
      return this;
    }

    /**
     * The order id ({@code order_id}, the sort key), in the orders layout {@code ORD_<13-digit epoch
     * millis>_<8 lowercase hex>}, for example from {@link OrderIds#next(java.time.Clock)}. The id's
     * millisecond is the order's {@code created_at}, so the orders module's queries place it; any other form
     * is rejected with {@link dev.ddbkit.core.error.InvalidInputException}.
     */
    public Builder orderId(String orderId) {
      Require.sortKey(orderId, "orderId");
      Require.argument(OrderIds.isValid(orderId), "orderId", () -> "orderId must be in the orders layout"
          + " ORD_<13-digit epoch millis>_<8 lowercase hex> (see OrderIds.next(clock)), so that the orders"
          + " queries can place the order by its creation time, but was " + orderId + ".");
      this.orderId = orderId;
      return this;
    }

    /** Adds a line of {@code quantity} units of {@code productId}. */
    public Builder line(String productId, long quantity) {
      lines.add(OrderLine.of(productId, quantity));
      return this;
    }

    /** Adds a line. */
    public Builder line(OrderLine line) {
      lines.add(Require.nonNull(line, "line"));
      return this;
    }

    /** Adds lines. */
    public Builder lines(List<OrderLine> lines) {
      Require.nonNull(lines, "lines").forEach(this::line);
      return this;
    }

    /** Builds the request; fails without a customer, an order id or a line. */
    public OrderRequest build() {
      return new OrderRequest(this);
    }
  }
}
