package dev.ddbkit.emulator.internal.wire;

import dev.ddbkit.emulator.internal.error.DynamoException;
import dev.ddbkit.emulator.internal.json.Json;
import dev.ddbkit.emulator.internal.value.Bytes;
import dev.ddbkit.emulator.internal.value.Numbers;
import dev.ddbkit.emulator.internal.value.Value;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Converts attribute values between DynamoDB's JSON ({@code {"S": "x"}}) and {@link Value}, validating them. */
public final class Attributes {
  private Attributes() {}

  /** An item or key: {@code {"name": {"S": "x"}, ...}}. */
  public static Map<String, Value> item(Object json) {
    if (!(json instanceof Map<?, ?> m)) {
      throw DynamoException.serialization("Expected an object of attribute values");
    }
    Map<String, Value> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      out.put((String) e.getKey(), value(e.getValue()));
    }
    return out;
  }

  public static Value value(Object json) {
    if (!(json instanceof Map<?, ?> m)) {
      throw DynamoException.serialization("Expected an attribute value object");
    }
    if (m.size() != 1) {
      throw DynamoException.validation(
          "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
    }
    Map.Entry<?, ?> e = m.entrySet().iterator().next();
    Object v = e.getValue();
    String type = (String) e.getKey();
    switch (type) {
      case "S":
        return new Value.S(string(v));
      case "N":
        return new Value.N(Numbers.parse(string(v)));
      case "B":
        return new Value.B(binary(v));
      case "BOOL":
        if (!(v instanceof Boolean b)) {
          throw DynamoException.serialization("BOOL must be a boolean");
        }
        return b ? Value.TRUE : Value.FALSE;
      case "NULL":
        if (!(v instanceof Boolean b) || !b) {
          throw DynamoException.validation(
              "One or more parameter values were invalid: Null attribute value types must have the value of true");
        }
        return Value.NULL;
      case "L": {
        List<Value> list = new ArrayList<>();
        for (Object o : list(v)) {
          list.add(value(o));
        }
        return new Value.L(list);
      }
      case "M":
        return new Value.M(item(v));
      case "SS": {
        List<Object> raw = list(v);
        Set<String> set = new LinkedHashSet<>();
        for (Object o : raw) {
          set.add(string(o));
        }
        checkSet(raw, set.size(), "string");
        return new Value.SS(set);
      }
      case "NS": {
        List<Object> raw = list(v);
        Set<BigDecimal> set = new LinkedHashSet<>();
        for (Object o : raw) {
          set.add(Numbers.parse(string(o)));
        }
        checkSet(raw, set.size(), "number");
        return new Value.NS(set);
      }
      case "BS": {
        List<Object> raw = list(v);
        Set<Bytes> set = new LinkedHashSet<>();
        for (Object o : raw) {
          set.add(binary(o));
        }
        checkSet(raw, set.size(), "binary");
        return new Value.BS(set);
      }
      default:
        throw DynamoException.serialization("Unknown attribute value type: " + type);
    }
  }

  private static void checkSet(List<Object> raw, int distinct, String kind) {
    if (raw.isEmpty()) {
      throw DynamoException.validation(
          "One or more parameter values were invalid: An " + kind + " set  may not be empty");
    }
    if (distinct != raw.size()) {
      throw DynamoException.validation(
          "One or more parameter values were invalid: Input collection " + raw + " contains duplicates.");
    }
  }

  private static String string(Object v) {
    if (!(v instanceof String s)) {
      throw DynamoException.serialization("Expected a string in an attribute value");
    }
    return s;
  }

  private static Bytes binary(Object v) {
    try {
      return Bytes.fromBase64(string(v));
    } catch (IllegalArgumentException e) {
      throw DynamoException.serialization("Base64 encoded binary value is not valid");
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object v) {
    if (!(v instanceof List<?> l)) {
      throw DynamoException.serialization("Expected a list in an attribute value");
    }
    return (List<Object>) l;
  }

  /** The JSON form of an item. */
  public static Map<String, Object> toJson(Map<String, Value> item) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Value> e : item.entrySet()) {
      out.put(e.getKey(), toJson(e.getValue()));
    }
    return out;
  }

  public static Map<String, Object> toJson(Value value) {
    Object v;
    if (value instanceof Value.S s) {
      v = s.value();
    } else if (value instanceof Value.N n) {
      v = n.text();
    } else if (value instanceof Value.B b) {
      v = b.value().base64();
    } else if (value instanceof Value.Bool b) {
      v = b.value();
    } else if (value instanceof Value.Null) {
      v = Boolean.TRUE;
    } else if (value instanceof Value.L l) {
      List<Object> list = new ArrayList<>(l.values().size());
      for (Value x : l.values()) {
        list.add(toJson(x));
      }
      v = list;
    } else if (value instanceof Value.M m) {
      v = toJson(m.values());
    } else if (value instanceof Value.SS ss) {
      v = new ArrayList<>(ss.values());
    } else if (value instanceof Value.NS ns) {
      List<Object> list = new ArrayList<>();
      for (BigDecimal d : ns.values()) {
        list.add(Numbers.text(d));
      }
      v = list;
    } else {
      List<Object> list = new ArrayList<>();
      for (Bytes b : ((Value.BS) value).values()) {
        list.add(b.base64());
      }
      v = list;
    }
    Map<String, Object> out = new LinkedHashMap<>(2);
    out.put(value.type(), v);
    return out;
  }

  /** Item size as DynamoDB counts it (attribute names plus values). */
  public static long size(Map<String, Value> item) {
    long size = 0;
    for (Map.Entry<String, Value> e : item.entrySet()) {
      size += utf8(e.getKey()) + size(e.getValue());
    }
    return size;
  }

  public static long size(Value v) {
    if (v instanceof Value.S s) {
      return utf8(s.value());
    }
    if (v instanceof Value.N n) {
      return numberSize(n.value());
    }
    if (v instanceof Value.B b) {
      return b.value().length();
    }
    if (v instanceof Value.Bool || v instanceof Value.Null) {
      return 1;
    }
    if (v instanceof Value.L l) {
      long size = 3;
      for (Value x : l.values()) {
        size += 1 + size(x);
      }
      return size;
    }
    if (v instanceof Value.M m) {
      long size = 3;
      for (Map.Entry<String, Value> e : m.values().entrySet()) {
        size += 1 + utf8(e.getKey()) + size(e.getValue());
      }
      return size;
    }
    if (v instanceof Value.SS ss) {
      long size = 0;
      for (String s : ss.values()) {
        size += utf8(s);
      }
      return size;
    }
    if (v instanceof Value.NS ns) {
      long size = 0;
      for (BigDecimal d : ns.values()) {
        size += numberSize(d);
      }
      return size;
    }
    long size = 0;
    for (Bytes b : ((Value.BS) v).values()) {
      size += b.length();
    }
    return size;
  }

  /** 1 byte per two significant digits, plus 1. */
  public static long numberSize(BigDecimal d) {
    if (d.signum() == 0) {
      return 2;
    }
    int significant = d.stripTrailingZeros().precision();
    return (significant + 1) / 2 + 1;
  }

  public static int utf8(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  static byte[] utf8Bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether the value is JSON's null marker. */
  public static boolean isNull(Object o) {
    return o == null || o == Json.NULL;
  }
}
