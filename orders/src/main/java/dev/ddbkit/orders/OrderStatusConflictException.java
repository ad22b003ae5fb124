package dev.ddbkit.orders;

import dev.ddbkit.core.error.ConditionalCheckFailedException;
import dev.ddbkit.core.error.ErrorContext;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A status transition lost: the order was not in the expected status when {@code UpdateItem} ran (another
 * transition won, or the caller's view was stale). Nothing was written. Not retryable as is: re-read the
 * order and decide again.
 */
public final class OrderStatusConflictException extends ConditionalCheckFailedException {
  private static final long serialVersionUID = 1L;

  private final OrderKey key;
  private final OrderStatus expected;
  private final @Nullable OrderStatus actual;

  private OrderStatusConflictException(OrderKey key, OrderStatus expected, @Nullable OrderStatus actual,
      ErrorContext context, @Nullable Throwable cause) {
    super("Order " + key.orderId() + " of customer " + key.customerId() + " is "
        + (actual == null ? "no longer " + expected.wireValue() : actual.wireValue())
        + ", not " + expected.wireValue() + "; its status was not changed.", context, null, cause);
    this.key = key;
    this.expected = expected;
    this.actual = actual;
  }

  /** Creates the error; {@code actual} is null when the current status could not be read. */
  public static OrderStatusConflictException of(OrderKey key, OrderStatus expected, @Nullable OrderStatus actual,
      ErrorContext context, @Nullable Throwable cause) {
    return new OrderStatusConflictException(key, expected, actual, context, cause);
  }

  /** The order. */
  public OrderKey key() {
    return key;
  }

  /** The status the transition required. */
  public OrderStatus expected() {
    return expected;
  }

  /** The status the order had when the transition failed, when known. */
  public Optional<OrderStatus> actual() {
    return Optional.ofNullable(actual);
  }
}
