package dev.ddbkit.orders.internal;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Whether two items hold the same data as DynamoDB stores it: the same attribute names, and each value of the
 * same type and equal, numbers compared numerically (DynamoDB returns {@code 19.90} as {@code 19.9}), sets
 * in any order, maps and lists recursively.
 */
public final class SameItem {
  private SameItem() {}

  /** True if {@code a} and {@code b} have the same attributes with equal values. */
  public static boolean same(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
    if (a.size() != b.size() || !a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<String, AttributeValue> e : a.entrySet()) {
      if (!same(e.getValue(), b.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** True if {@code a} and {@code b} are of the same type and hold equal values. */
  public static boolean same(@Nullable AttributeValue a, @Nullable AttributeValue b) {
    if (a == null || b == null) {
      return false;
    }
    AttributeValue.Type type = a.type();
    if (type != b.type()) {
      return false;
    }
    return switch (type) {
      case S -> a.s().equals(b.s());
      case N -> sameNumber(a.n(), b.n());
      case B -> a.b().equals(b.b());
      case BOOL -> a.bool().equals(b.bool());
      case NUL -> a.nul().equals(b.nul());
      case SS -> Set.copyOf(a.ss()).equals(Set.copyOf(b.ss()));
      case NS -> numbers(a.ns()).equals(numbers(b.ns()));
      case BS -> bytes(a.bs()).equals(bytes(b.bs()));
      case M -> same(a.m(), b.m());
      case L -> sameList(a.l(), b.l());
      default -> false;
    };
  }

  private static boolean sameList(List<AttributeValue> a, List<AttributeValue> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!same(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameNumber(String a, String b) {
    BigDecimal x = number(a);
    BigDecimal y = number(b);
    return x != null && y != null ? x.compareTo(y) == 0 : a.equals(b);
  }

  private static Set<Object> numbers(List<String> values) {
    Set<Object> set = new HashSet<>();
    for (String v : values) {
      BigDecimal n = number(v);
      // stripped, so that 1.0 and 1 are the same set element
      set.add(n == null ? v : n.stripTrailingZeros());
    }
    return set;
  }

  private static Set<SdkBytes> bytes(List<SdkBytes> values) {
    return new HashSet<>(values);
  }

  private static @Nullable BigDecimal number(String value) {
    try {
      return new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
