package dev.ddbkit.orders;

import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.error.ErrorContext;
import org.jspecify.annotations.Nullable;

/** An operation that needs an existing order (a status update) found none. Nothing was written. */
public final class OrderNotFoundException extends DdbkitException {
  private static final long serialVersionUID = 1L;

  private final OrderKey key;

  private OrderNotFoundException(OrderKey key, ErrorContext context, @Nullable Throwable cause) {
    super("Order " + key.orderId() + " of customer " + key.customerId() + " does not exist in table "
        + context.table() + ".", "ConditionalCheckFailedException", false, context, cause);
    this.key = key;
  }

  /** Creates the error for {@code key}. */
  public static OrderNotFoundException of(OrderKey key, ErrorContext context, @Nullable Throwable cause) {
    return new OrderNotFoundException(key, context, cause);
  }

  /** The missing key. */
  public OrderKey key() {
    return key;
  }
}
