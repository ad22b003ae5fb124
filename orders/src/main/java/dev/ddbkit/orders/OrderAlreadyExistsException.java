package dev.ddbkit.orders;

import dev.ddbkit.core.error.ConditionalCheckFailedException;
import dev.ddbkit.core.error.ErrorContext;
import org.jspecify.annotations.Nullable;

/**
 * {@code PutItem} found an order with the same key ({@code attribute_not_exists(order_id)} failed); the
 * existing order was left untouched. Not retryable.
 */
public final class OrderAlreadyExistsException extends ConditionalCheckFailedException {
  private static final long serialVersionUID = 1L;

  private final OrderKey key;

  private OrderAlreadyExistsException(OrderKey key, ErrorContext context, @Nullable Throwable cause) {
    super("Order " + key.orderId() + " of customer " + key.customerId() + " already exists in table "
        + context.table() + "; it was not overwritten.", context, null, cause);
    this.key = key;
  }

  /** Creates the error for {@code key}. */
  public static OrderAlreadyExistsException of(OrderKey key, ErrorContext context, @Nullable Throwable cause) {
    return new OrderAlreadyExistsException(key, context, cause);
  }

  /** The key that already exists. */
  public OrderKey key() {
    return key;
  }
}
