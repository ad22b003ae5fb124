package dev.ddbkit.cli.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A small JSON writer for {@code --json} output: maps, collections, strings, numbers, booleans and null. */
public final class Json {
  private Json() {}

  /** The name of the field that carries the ddbkit version in every JSON document the CLI prints. */
  public static final String VERSION_FIELD = "ddbkitVersion";

  /** A JSON document: {@code ddbkitVersion} first, then {@code fields} in their order. */
  public static Map<String, Object> document(Map<String, ?> fields) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put(VERSION_FIELD, Version.current());
    m.putAll(fields);
    return m;
  }

  /** {@code value} as pretty-printed JSON. */
  public static String write(@Nullable Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value, 0);
    return b.toString();
  }

  /** {@code value} as pretty-printed JSON, nested {@code indent} levels deep (for streamed documents). */
  public static String write(@Nullable Object value, int indent) {
    StringBuilder b = new StringBuilder();
    write(b, value, indent);
    return b.toString();
  }

  /** {@code s} as a JSON string literal. */
  public static String string(String s) {
    StringBuilder b = new StringBuilder();
    string(b, s);
    return b.toString();
  }

  private static void write(StringBuilder b, @Nullable Object value, int indent) {
    if (value instanceof Optional<?> o) {
      value = o.orElse(null);
    }
    if (value == null) {
      b.append("null");
    } else if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        b.append("{}");
        return;
      }
      b.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        pad(b, indent + 1);
        string(b, String.valueOf(e.getKey()));
        b.append(": ");
        write(b, e.getValue(), indent + 1);
        b.append(++i < map.size() ? ",\n" : "\n");
      }
      pad(b, indent);
      b.append('}');
    } else if (value instanceof Collection<?> list) {
      if (list.isEmpty()) {
        b.append("[]");
        return;
      }
      b.append("[\n");
      int i = 0;
      for (Object v : list) {
        pad(b, indent + 1);
        write(b, v, indent + 1);
        b.append(++i < list.size() ? ",\n" : "\n");
      }
      pad(b, indent);
      b.append(']');
    } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      b.append("null");
    } else if (value instanceof Number || value instanceof Boolean) {
      b.append(value);
    } else {
      string(b, value.toString());
    }
  }

  private static void pad(StringBuilder b, int indent) {
    b.append("  ".repeat(indent));
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
