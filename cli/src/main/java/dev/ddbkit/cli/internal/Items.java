package dev.ddbkit.cli.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Renders DynamoDB attribute values for text and JSON output. */
final class Items {
  private Items() {}

  static String text(AttributeValue v) {
    Object j = json(v);
    return String.valueOf(j);
  }

  static @Nullable Object json(AttributeValue v) {
    if (v.s() != null) {
      return v.s();
    }
    if (v.n() != null) {
      return new java.math.BigDecimal(v.n());
    }
    if (v.bool() != null) {
      return v.bool();
    }
    if (Boolean.TRUE.equals(v.nul())) {
      return null;
    }
    if (v.hasM()) {
      Map<String, Object> m = new LinkedHashMap<>();
      v.m().forEach((k, x) -> m.put(k, json(x)));
      return m;
    }
    if (v.hasL()) {
      return v.l().stream().map(Items::json).collect(Collectors.toList());
    }
    if (v.hasSs()) {
      return v.ss();
    }
    if (v.hasNs()) {
      return v.ns();
    }
    return v.toString();
  }
}
