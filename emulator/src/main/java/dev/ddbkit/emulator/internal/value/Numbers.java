package dev.ddbkit.emulator.internal.value;

import dev.ddbkit.emulator.internal.error.DynamoException;
import java.math.BigDecimal;

/** DynamoDB's number rules: up to 38 significant digits, magnitude between 1E-130 and 1E+126 (exclusive), or 0. */
public final class Numbers {
  private static final BigDecimal MAX = new BigDecimal("1E+126");
  private static final BigDecimal MIN = new BigDecimal("1E-130");

  private Numbers() {}

  /** Parses DynamoDB's wire text of a number, with DynamoDB's ValidationException messages. */
  public static BigDecimal parse(String text) {
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      throw DynamoException.validation(
          "The parameter cannot be converted to a numeric value");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(trimmed);
    } catch (NumberFormatException e) {
      throw DynamoException.validation("The parameter cannot be converted to a numeric value: " + text);
    }
    return check(value);
  }

  /** Checks precision and range of a number, as DynamoDB does for stored and computed numbers. */
  public static BigDecimal check(BigDecimal value) {
    BigDecimal n = normalise(value);
    if (n.signum() == 0) {
      return n;
    }
    if (n.precision() > 38) {
      throw DynamoException.validation(
          "Attempting to store more than 38 significant digits in a Number");
    }
    BigDecimal abs = n.abs();
    if (abs.compareTo(MAX) >= 0) {
      throw DynamoException.validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
    if (abs.compareTo(MIN) < 0) {
      throw DynamoException.validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
    return n;
  }

  public static BigDecimal normalise(BigDecimal value) {
    return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  /** DynamoDB's canonical text of a number: plain notation, no trailing zeros ({@code 19.90} -> {@code 19.9}). */
  public static String text(BigDecimal value) {
    return normalise(value).toPlainString();
  }
}
