package dev.ddbkit.emulator.internal.value;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DynamoDB attribute value, immutable. Numbers are held normalised ({@link Numbers#normalise}), so two
 * numbers equal by value are {@code equals}; sets keep insertion order and never hold duplicates.
 */
public sealed interface Value
    permits Value.S, Value.N, Value.B, Value.Bool, Value.Null, Value.L, Value.M, Value.SS, Value.NS, Value.BS {

  /** DynamoDB's type descriptor: S, N, B, BOOL, NULL, L, M, SS, NS, BS. */
  String type();

  record S(String value) implements Value {
    public String type() {
      return "S";
    }
  }

  /** A number; {@code value} is normalised (no trailing zeros), {@link #text()} is DynamoDB's wire form. */
  record N(BigDecimal value) implements Value {
    public N {
      value = Numbers.normalise(value);
    }

    public String type() {
      return "N";
    }

    public String text() {
      return Numbers.text(value);
    }
  }

  record B(Bytes value) implements Value {
    public String type() {
      return "B";
    }
  }

  record Bool(boolean value) implements Value {
    public String type() {
      return "BOOL";
    }
  }

  /** DynamoDB's NULL type; its only value is {@code true}. */
  record Null() implements Value {
    public String type() {
      return "NULL";
    }
  }

  record L(List<Value> values) implements Value {
    public L {
      values = List.copyOf(values);
    }

    public String type() {
      return "L";
    }
  }

  record M(Map<String, Value> values) implements Value {
    public M {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String type() {
      return "M";
    }
  }

  record SS(Set<String> values) implements Value {
    public SS {
      values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    public String type() {
      return "SS";
    }
  }

  record NS(Set<BigDecimal> values) implements Value {
    public NS {
      LinkedHashSet<BigDecimal> normalised = new LinkedHashSet<>();
      for (BigDecimal n : values) {
        normalised.add(Numbers.normalise(n));
      }
      values = Collections.unmodifiableSet(normalised);
    }

    public String type() {
      return "NS";
    }
  }

  record BS(Set<Bytes> values) implements Value {
    public BS {
      values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    public String type() {
      return "BS";
    }
  }

  static S s(String value) {
    return new S(value);
  }

  static N n(String text) {
    return new N(Numbers.parse(text));
  }

  static N n(long value) {
    return new N(BigDecimal.valueOf(value));
  }

  Null NULL = new Null();
  Bool TRUE = new Bool(true);
  Bool FALSE = new Bool(false);
}
