package dev.ddbkit.orders;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.orders.internal.OrderItems;

/**
 * The primary key of an order: {@code customer_id} (partition) and {@code order_id} (sort).
 *
 * <pre>{@code
 * OrderKey key = OrderKey.of("c-42", "ORD_1700000000000_1a2b3c4d");
 * }</pre>
 *
 * @param customerId the customer, not blank, at most 2048 UTF-8 bytes
 * @param orderId the order id, not blank, at most 1024 UTF-8 bytes
 */
public record OrderKey(String customerId, String orderId) {

  /** Validates both parts; throws {@link dev.ddbkit.core.error.InvalidInputException} naming the bad one. */
  public OrderKey {
    OrderItems.checkCustomerId(customerId);
    OrderItems.checkOrderId(orderId);
  }

  /** The key of order {@code orderId} of customer {@code customerId}. */
  public static OrderKey of(String customerId, String orderId) {
    return new OrderKey(Require.nonNull(customerId, "customerId"), Require.nonNull(orderId, "orderId"));
  }
}
