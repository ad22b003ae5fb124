package dev.ddbkit.transactions.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads whole numbers of minor units or units of stock from items. */
public final class Numbers {
  private Numbers() {}

  /**
   * The whole-number value of {@code attribute}, rounded down if the stored number has a fraction and
   * clamped to the {@code long} range; empty if absent or not a number.
   */
  public static OptionalLong wholeNumber(Map<String, AttributeValue> item, String attribute) {
    AttributeValue v = item.get(attribute);
    if (v == null || v.n() == null) {
      return OptionalLong.empty();
    }
    BigDecimal d = new BigDecimal(v.n()).setScale(0, RoundingMode.FLOOR);
    if (d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return OptionalLong.of(Long.MAX_VALUE);
    }
    if (d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      return OptionalLong.of(Long.MIN_VALUE);
    }
    return OptionalLong.of(d.longValueExact());
  }
}
