package dev.ddbkit.core.typed.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Attribute values compared as DynamoDB stores them (numbers by value, sets without order), written in a
 * canonical, length-prefixed form for fingerprints, and ordered as DynamoDB orders sort keys.
 */
public final class Values {
  private Values() {}

  /** True if {@code a} and {@code b} have the same attributes with equal values. */
  public static boolean same(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
    if (!a.keySet().equals(b.keySet())) {
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
    if (a == null || b == null || a.type() != b.type()) {
      return false;
    }
    return switch (a.type()) {
      case S -> a.s().equals(b.s());
      case N -> sameNumber(a.n(), b.n());
      case B -> a.b().equals(b.b());
      case BOOL -> a.bool().equals(b.bool());
      case NUL -> a.nul().equals(b.nul());
      case SS -> Set.copyOf(a.ss()).equals(Set.copyOf(b.ss()));
      case NS -> numbers(a.ns()).equals(numbers(b.ns()));
      case BS -> new HashSet<>(a.bs()).equals(new HashSet<>(b.bs()));
      case M -> same(a.m(), b.m());
      case L -> sameList(a.l(), b.l());
      default -> false;
    };
  }

  /**
   * Compares two sort-key values as DynamoDB orders them: numbers by value, strings and binaries by their
   * unsigned bytes (UTF-8 for strings). Values of different types order by type name.
   */
  public static int compareKeys(AttributeValue a, AttributeValue b) {
    if (a.type() != b.type()) {
      return a.type().compareTo(b.type());
    }
    return switch (a.type()) {
      case N -> new BigDecimal(a.n()).compareTo(new BigDecimal(b.n()));
      case S -> compareBytes(a.s().getBytes(StandardCharsets.UTF_8), b.s().getBytes(StandardCharsets.UTF_8));
      case B -> compareBytes(a.b().asByteArrayUnsafe(), b.b().asByteArrayUnsafe());
      default -> throw new IllegalArgumentException("A key value must be S, N or B but was " + a.type() + ".");
    };
  }

  /** Appends the canonical form of {@code value} (map keys sorted, sets sorted) to {@code out}. */
  public static void canonical(@Nullable AttributeValue value, StringBuilder out) {
    if (value == null) {
      out.append("~");
      return;
    }
    switch (value.type()) {
      case S -> part(out, "S", value.s());
      case N -> part(out, "N", new BigDecimal(value.n()).stripTrailingZeros().toPlainString());
      case B -> part(out, "B", HexFormat.of().formatHex(value.b().asByteArrayUnsafe()));
      case BOOL -> part(out, "BOOL", value.bool().toString());
      case NUL -> part(out, "NUL", "true");
      case SS -> sortedParts(out, "SS", value.ss());
      case NS -> sortedParts(out, "NS",
          value.ns().stream().map(n -> new BigDecimal(n).stripTrailingZeros().toPlainString()).toList());
      case BS -> sortedParts(out, "BS",
          value.bs().stream().map(b -> HexFormat.of().formatHex(b.asByteArrayUnsafe())).toList());
      case M -> {
        out.append("M{");
        canonical(value.m(), out);
        out.append('}');
      }
      case L -> {
        out.append("L[").append(value.l().size()).append(':');
        value.l().forEach(v -> canonical(v, out));
        out.append(']');
      }
      default -> part(out, "?", value.toString());
    }
  }

  /** Appends the canonical form of {@code item}, attributes in name order. */
  public static void canonical(Map<String, AttributeValue> item, StringBuilder out) {
    out.append(item.size()).append(':');
    for (Map.Entry<String, AttributeValue> e : new TreeMap<>(item).entrySet()) {
      part(out, "k", e.getKey());
      canonical(e.getValue(), out);
    }
  }

  /** Appends {@code tag}, the length of {@code text} and {@code text}, so that no two parts can blur. */
  public static void part(StringBuilder out, String tag, @Nullable String text) {
    String t = text == null ? "" : text;
    out.append(tag).append(text == null ? -1 : t.length()).append(':').append(t);
  }

  /** SHA-256 of {@code text} (UTF-8), as lowercase hex. */
  public static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** SHA-256 of {@code bytes}. */
  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable.", e);
    }
  }

  private static void sortedParts(StringBuilder out, String tag, List<String> values) {
    List<String> sorted = new ArrayList<>(values);
    sorted.sort(null);
    out.append(tag).append('{').append(sorted.size()).append(':');
    sorted.forEach(v -> part(out, "e", v));
    out.append('}');
  }

  private static int compareBytes(byte[] a, byte[] b) {
    return java.util.Arrays.compareUnsigned(a, b);
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
    try {
      return new BigDecimal(a.trim()).compareTo(new BigDecimal(b.trim())) == 0;
    } catch (NumberFormatException e) {
      return a.equals(b);
    }
  }

  private static Set<Object> numbers(List<String> values) {
    Set<Object> set = new HashSet<>();
    for (String v : values) {
      try {
        set.add(new BigDecimal(v.trim()).stripTrailingZeros());
      } catch (NumberFormatException e) {
        set.add(v);
      }
    }
    return set;
  }
}
