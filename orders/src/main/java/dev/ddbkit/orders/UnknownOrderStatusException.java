package dev.ddbkit.orders;

import dev.ddbkit.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A status string that is not the wire value of any {@link OrderStatus}. Nothing was sent to DynamoDB. */
public final class UnknownOrderStatusException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final String value;

  private UnknownOrderStatusException(String value, String message) {
    super("status", message);
    this.value = value;
  }

  /** Creates the error for the rejected {@code value}. */
  public static UnknownOrderStatusException of(String value) {
    String known = Arrays.stream(OrderStatus.values()).map(OrderStatus::wireValue).collect(Collectors.joining(", "));
    return new UnknownOrderStatusException(value,
        "status '" + value + "' is not a known order status; expected one of " + known + ".");
  }

  /** The rejected value. */
  public String value() {
    return value;
  }
}
