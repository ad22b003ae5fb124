package dev.ddbkit.orders.internal;

import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.core.error.Require;
import dev.ddbkit.orders.Order;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Rejects caller attributes DynamoDB would reject, or that would overwrite a managed attribute. */
public final class AttributeChecks {
  private static final int MAX_NAME_BYTES = 65_535;
  private static final int MAX_NESTING = 32;
  private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("9.9999999999999999999999999999999999999E+125");
  private static final BigDecimal MIN_MAGNITUDE = new BigDecimal("1E-130");

  private AttributeChecks() {}

  /** Checks one caller attribute: name not blank, not reserved; value a valid DynamoDB value. */
  public static void checkCallerAttribute(@Nullable String name, @Nullable AttributeValue value) {
    Require.nonBlank(name, "attribute name");
    Require.argument(!Order.reservedAttributeNames().contains(name), name,
        "Attribute " + name + " is managed by the orders repository and cannot be supplied; reserved names are "
            + Order.reservedAttributeNames() + ".");
    if (Require.utf8Length(name) > MAX_NAME_BYTES) {
      throw InvalidInputException.of("attribute name",
          "Attribute name " + name.substring(0, 32) + "... is longer than " + MAX_NAME_BYTES + " UTF-8 bytes.");
    }
    checkValue(Require.nonNull(value, "value of attribute " + name), name, 1);
  }

  private static void checkValue(AttributeValue v, String path, int depth) {
    if (depth > MAX_NESTING) {
      throw InvalidInputException.of(path, "Attribute " + path + " nests deeper than " + MAX_NESTING + " levels.");
    }
    switch (v.type()) {
      case S -> Require.nonNull(v.s(), "value of attribute " + path);
      case N -> checkNumber(v.n(), path);
      case B -> Require.nonNull(v.b(), "value of attribute " + path);
      case BOOL, NUL -> { }
      case SS -> checkSet(v.ss(), path);
      case NS -> {
        checkSet(v.ns(), path);
        Set<BigDecimal> seen = new HashSet<>();
        for (String n : v.ns()) {
          checkNumber(n, path);
          Require.argument(seen.add(new BigDecimal(n).stripTrailingZeros()), path,
              "Number set " + path + " contains " + n + " twice.");
        }
      }
      case BS -> {
        checkSet(v.bs(), path);
        for (SdkBytes b : v.bs()) {
          Require.nonNull(b, "element of attribute " + path);
        }
      }
      case L -> {
        List<AttributeValue> list = v.l();
        for (int i = 0; i < list.size(); i++) {
          checkValue(Require.nonNull(list.get(i), "element of attribute " + path), path + "[" + i + "]", depth + 1);
        }
      }
      case M -> {
        for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
          Require.nonNull(e.getKey(), "key in attribute " + path);
          checkValue(Require.nonNull(e.getValue(), "value of " + path + "." + e.getKey()), path + "." + e.getKey(),
              depth + 1);
        }
      }
      default -> throw InvalidInputException.of(path,
          "Attribute " + path + " has no value set; use AttributeValue.fromS, fromN, fromNul, ...");
    }
  }

  private static <T> void checkSet(List<T> set, String path) {
    Require.argument(!set.isEmpty(), path, "Set attribute " + path + " is empty; DynamoDB rejects empty sets.");
    Require.argument(new HashSet<>(set).size() == set.size(), path,
        "Set attribute " + path + " contains duplicates; DynamoDB rejects them.");
    for (T element : set) {
      Require.nonNull(element, "element of attribute " + path);
    }
  }

  private static void checkNumber(@Nullable String n, String path) {
    Require.nonBlank(n, "number attribute " + path);
    BigDecimal value;
    try {
      value = new BigDecimal(n.trim());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(path, "Number attribute " + path + " is not a number: '" + n + "'.");
    }
    BigDecimal magnitude = value.abs();
    Require.argument(value.signum() == 0 || value.stripTrailingZeros().precision() <= 38, path,
        "Number attribute " + path + " has more than 38 significant digits.");
    Require.argument(value.signum() == 0
            || magnitude.compareTo(MAX_MAGNITUDE) <= 0 && magnitude.compareTo(MIN_MAGNITUDE) >= 0, path,
        "Number attribute " + path + " is outside DynamoDB's range (1E-130 to 9.99...E+125 in magnitude).");
  }
}
