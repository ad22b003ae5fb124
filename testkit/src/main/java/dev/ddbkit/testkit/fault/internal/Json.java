package dev.ddbkit.testkit.fault.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small JSON reader and writer for DynamoDB's JSON protocol bodies. Objects become ordered {@link Map}s,
 * arrays {@link List}s, strings {@link String}s, numbers {@link Num} (keeping the original text so that
 * rewriting a body never changes a number), booleans {@link Boolean} and null {@link #NULL}.
 */
public final class Json {

  /** The JSON {@code null} literal. */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  /** A JSON number, kept as written. */
  public record Num(String text) {
    /** The number as a double. */
    public double doubleValue() {
      return Double.parseDouble(text);
    }
  }

  private final String s;
  private int pos;

  private Json(String s) {
    this.s = s;
  }

  /** Parses {@code text}; throws {@link IllegalArgumentException} on malformed JSON. */
  public static Object parse(String text) {
    Json p = new Json(text);
    p.skipWs();
    Object v = p.value();
    p.skipWs();
    if (p.pos != p.s.length()) {
      throw p.error("trailing characters");
    }
    return v;
  }

  /** Parses {@code text} and requires an object at its top. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text) {
    Object v = parse(text);
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException("Expected a JSON object but found " + describe(v) + ".");
    }
    return (Map<String, Object>) v;
  }

  /** Serializes a value built of maps, lists, strings, numbers, booleans and {@link #NULL}. */
  public static String write(@Nullable Object value) {
    StringBuilder sb = new StringBuilder();
    write(value, sb);
    return sb.toString();
  }

  /** The object under {@code key}, or null when absent or not an object. */
  @SuppressWarnings("unchecked")
  public static @Nullable Map<String, Object> object(@Nullable Map<String, Object> m, String key) {
    if (m == null) {
      return null;
    }
    Object v = m.get(key);
    return v instanceof Map ? (Map<String, Object>) v : null;
  }

  /** The array under {@code key}, or null when absent or not an array. */
  @SuppressWarnings("unchecked")
  public static @Nullable List<Object> array(@Nullable Map<String, Object> m, String key) {
    if (m == null) {
      return null;
    }
    Object v = m.get(key);
    return v instanceof List ? (List<Object>) v : null;
  }

  /** The string under {@code key}, or null when absent or not a string. */
  public static @Nullable String string(@Nullable Map<String, Object> m, String key) {
    if (m == null) {
      return null;
    }
    Object v = m.get(key);
    return v instanceof String str ? str : null;
  }

  /** A deep copy of a parsed value, so that a rewrite never touches the original. */
  @SuppressWarnings("unchecked")
  public static Object copy(Object value) {
    if (value instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) value).forEach((k, v) -> out.put(k, copy(v)));
      return out;
    }
    if (value instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object v : (List<Object>) value) {
        out.add(copy(v));
      }
      return out;
    }
    return value;
  }

  private static String describe(Object v) {
    if (v instanceof List) {
      return "an array";
    }
    return v == NULL ? "null" : "a " + v.getClass().getSimpleName();
  }

  @SuppressWarnings("unchecked")
  private static void write(@Nullable Object v, StringBuilder sb) {
    if (v == null || v == NULL) {
      sb.append("null");
    } else if (v instanceof String str) {
      quote(str, sb);
    } else if (v instanceof Num n) {
      sb.append(n.text());
    } else if (v instanceof Number n) {
      sb.append(n);
    } else if (v instanceof Boolean b) {
      sb.append(b);
    } else if (v instanceof Map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        quote(e.getKey(), sb);
        sb.append(':');
        write(e.getValue(), sb);
      }
      sb.append('}');
    } else if (v instanceof List) {
      sb.append('[');
      boolean first = true;
      for (Object o : (List<Object>) v) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        write(o, sb);
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException("Cannot write a " + v.getClass().getName() + " as JSON.");
    }
  }

  private static void quote(String str, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < str.length(); i++) {
      char c = str.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private Object value() {
    if (pos >= s.length()) {
      throw error("unexpected end");
    }
    char c = s.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return NULL;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character '" + c + "'");
    }
  }

  private Map<String, Object> object() {
    pos++;
    Map<String, Object> m = new LinkedHashMap<>();
    skipWs();
    if (peek() == '}') {
      pos++;
      return m;
    }
    while (true) {
      skipWs();
      if (peek() != '"') {
        throw error("expected a member name");
      }
      String key = string();
      skipWs();
      expect(':');
      skipWs();
      m.put(key, value());
      skipWs();
      char c = next();
      if (c == '}') {
        return m;
      }
      if (c != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array() {
    pos++;
    List<Object> l = new ArrayList<>();
    skipWs();
    if (peek() == ']') {
      pos++;
      return l;
    }
    while (true) {
      skipWs();
      l.add(value());
      skipWs();
      char c = next();
      if (c == ']') {
        return l;
      }
      if (c != ',') {
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u' -> {
          if (pos + 4 > s.length()) {
            throw error("truncated unicode escape");
          }
          sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> throw error("invalid escape '\\" + e + "'");
      }
    }
  }

  private Num number() {
    int start = pos;
    while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    String text = s.substring(start, pos);
    try {
      Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw error("malformed number '" + text + "'");
    }
    return new Num(text);
  }

  private void literal(String word) {
    if (!s.startsWith(word, pos)) {
      throw error("expected '" + word + "'");
    }
    pos += word.length();
  }

  private void skipWs() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    if (pos >= s.length()) {
      throw error("unexpected end");
    }
    return s.charAt(pos);
  }

  private char next() {
    char c = peek();
    pos++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) {
      throw error("expected '" + c + "'");
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("Malformed JSON at offset " + pos + ": " + what + ".");
  }
}
