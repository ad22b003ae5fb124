package dev.ddbkit.orders;

import dev.ddbkit.core.error.Require;
import org.jspecify.annotations.Nullable;

/**
 * The status of an order, stored in the {@code status} attribute as the lowercase wire value the seed uses
 * ({@code "pending"}, {@code "confirmed"}, ...). {@code status} is the partition key of {@code StatusIndex}.
 *
 * <pre>{@code
 * OrderStatus s = OrderStatus.fromWire("confirmed");   // CONFIRMED
 * String stored = OrderStatus.SHIPPED.wireValue();     // "shipped"
 * }</pre>
 */
public enum OrderStatus {
  /** Created, not yet confirmed; the status a new order gets by default. */
  PENDING("pending"),
  /** Confirmed (payment and stock secured). */
  CONFIRMED("confirmed"),
  /** Handed to the carrier. */
  SHIPPED("shipped"),
  /** Received by the customer. */
  DELIVERED("delivered"),
  /** Cancelled before delivery. */
  CANCELLED("cancelled"),
  /** Money returned after delivery. */
  REFUNDED("refunded");

  private final String wireValue;

  OrderStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The value stored in the {@code status} attribute. */
  public String wireValue() {
    return wireValue;
  }

  private static final OrderStatus[] VALUES = values(); // values() copies the array on every call

  /**
   * The status whose wire value is {@code value} (exact, lowercase).
   *
   * @throws UnknownOrderStatusException if {@code value} is null, blank or no known status
   */
  public static OrderStatus fromWire(@Nullable String value) {
    if (value != null) {
      for (OrderStatus s : VALUES) {
        if (s.wireValue.equals(value)) {
          return s;
        }
      }
    }
    throw UnknownOrderStatusException.of(Require.nonNull(value, "status"));
  }
}
