package dev.ddbkit.emulator.internal.expr;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.emulator.internal.error.DynamoException;
import dev.ddbkit.emulator.internal.value.Bytes;
import dev.ddbkit.emulator.internal.value.Numbers;
import dev.ddbkit.emulator.internal.value.Value;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Short builders of values, items and contexts for the expression tests. */
final class TestValues {
  private TestValues() {}

  static Value s(String v) {
    return Value.s(v);
  }

  static Value n(String v) {
    return Value.n(v);
  }

  static Value b(int... bytes) {
    byte[] a = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      a[i] = (byte) bytes[i];
    }
    return new Value.B(Bytes.of(a));
  }

  static Value bool(boolean v) {
    return new Value.Bool(v);
  }

  static Value l(Value... values) {
    return new Value.L(List.of(values));
  }

  /** A map value from alternating keys and values. */
  static Value m(Object... keysAndValues) {
    return new Value.M(item(keysAndValues));
  }

  static Value ss(String... values) {
    return new Value.SS(new LinkedHashSet<>(List.of(values)));
  }

  static Value ns(String... values) {
    return new Value.NS(Arrays.stream(values).map(Numbers::parse)
        .collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  static Value bs(Value... values) {
    return new Value.BS(Arrays.stream(values).map(v -> ((Value.B) v).value())
        .collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  /** An item from alternating attribute names and values. */
  static Map<String, Value> item(Object... keysAndValues) {
    Map<String, Value> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], (Value) keysAndValues[i + 1]);
    }
    return map;
  }

  /** Expression attribute values from alternating placeholders and values. */
  static ExpressionContext values(Object... keysAndValues) {
    return new ExpressionContext(Map.of(), item(keysAndValues));
  }

  static ExpressionContext context(Map<String, String> names, Object... keysAndValues) {
    return new ExpressionContext(names, item(keysAndValues));
  }

  static void assertValidation(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          org.assertj.core.api.Assertions.assertThat(e.type()).isEqualTo("ValidationException");
          org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(400);
        })
        .hasMessage(message);
  }
}
