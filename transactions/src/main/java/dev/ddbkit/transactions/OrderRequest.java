package dev.ddbkit.transactions;

import dev.ddbkit.core.error.Require;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order to process: who orders, the order id, the lines, and the operation id that makes a retry of
 * the same order safe. The operation id defaults to {@code customerId + "#" + orderId}, so re-sending an
 * order is recognised as the same operation.
 *
 * <pre>{@code
 * OrderRequest order = OrderRequest.builder()
 *     .customerId("cust-42").orderId("ORD-1001")
 *     .line("sku-1", 2).line("sku-7", 1)
 *     .build();
 * }</pre>
 */
public final class OrderRequest {
  private final String operationId;
  private final String customerId;
  private final String orderId;
  private final List<OrderLine> lines;

  private OrderRequest(Builder b) {
    this.customerId = Require.nonBlank(b.customerId, "customerId");
    this.orderId = Require.nonBlank(b.orderId, "orderId");
    this.operationId = b.operationId == null ? customerId + "#" + orderId : b.operationId;
    Require.nonBlank(operationId, "operationId");
    Require.argument(!b.lines.isEmpty(), "lines", "An order needs at least one line.");
    this.lines = List.copyOf(b.lines);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
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

    /** The idempotency key; defaults to {@code customerId + "#" + orderId}. */
    public Builder operationId(String operationId) {
      this.operationId = Require.nonBlank(operationId, "operationId");
      return this;
    }

    /** The customer. */
    public Builder customerId(String customerId) {
      this.customerId = Require.nonBlank(customerId, "customerId");
      return this;
    }

    /** The order id. */
    public Builder orderId(String orderId) {
      this.orderId = Require.nonBlank(orderId, "orderId");
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
