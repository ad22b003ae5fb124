package dev.ddbkit.emulator.internal.ops;

import dev.ddbkit.emulator.internal.error.DynamoException;
import dev.ddbkit.emulator.internal.json.Json;
import dev.ddbkit.emulator.internal.value.Value;
import dev.ddbkit.emulator.internal.wire.Attributes;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed access to the members of one JSON request object, with DynamoDB's errors for wrong shapes. */
public final class Request {
  private final Map<String, Object> json;

  public Request(Map<String, Object> json) {
    this.json = json;
  }

  @SuppressWarnings("unchecked")
  public static Request of(Object json) {
    if (!(json instanceof Map<?, ?> m)) {
      throw DynamoException.serialization("Expected a JSON object");
    }
    return new Request((Map<String, Object>) m);
  }

  public Map<String, Object> json() {
    return json;
  }

  public boolean has(String name) {
    return !Attributes.isNull(json.get(name));
  }

  public Optional<String> string(String name) {
    Object v = json.get(name);
    if (Attributes.isNull(v)) {
      return Optional.empty();
    }
    if (!(v instanceof String s)) {
      throw DynamoException.serialization("Expected a string for " + name);
    }
    return Optional.of(s);
  }

  public String required(String name) {
    return string(name).orElseThrow(() -> DynamoException.validation(
        "1 validation error detected: Value null at '" + lowerFirst(name) + "' failed to satisfy constraint: Member must not be null"));
  }

  public Optional<Boolean> bool(String name) {
    Object v = json.get(name);
    if (Attributes.isNull(v)) {
      return Optional.empty();
    }
    if (!(v instanceof Boolean b)) {
      throw DynamoException.serialization("Expected a boolean for " + name);
    }
    return Optional.of(b);
  }

  public Optional<Long> integer(String name) {
    Object v = json.get(name);
    if (Attributes.isNull(v)) {
      return Optional.empty();
    }
    if (!(v instanceof BigDecimal d)) {
      throw DynamoException.serialization("Expected a number for " + name);
    }
    try {
      return Optional.of(d.longValueExact());
    } catch (ArithmeticException e) {
      throw DynamoException.serialization("Expected an integer for " + name);
    }
  }

  public Optional<Request> object(String name) {
    Object v = json.get(name);
    return Attributes.isNull(v) ? Optional.empty() : Optional.of(of(v));
  }

  public Request requiredObject(String name) {
    return object(name).orElseThrow(() -> DynamoException.validation(
        "1 validation error detected: Value null at '" + lowerFirst(name) + "' failed to satisfy constraint: Member must not be null"));
  }

  @SuppressWarnings("unchecked")
  public List<Object> list(String name) {
    Object v = json.get(name);
    if (Attributes.isNull(v)) {
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      throw DynamoException.serialization("Expected a list for " + name);
    }
    return (List<Object>) l;
  }

  public Optional<Map<String, Value>> item(String name) {
    Object v = json.get(name);
    return Attributes.isNull(v) ? Optional.empty() : Optional.of(Attributes.item(v));
  }

  /** A map of strings (ExpressionAttributeNames). */
  public Map<String, String> strings(String name) {
    Object v = json.get(name);
    Map<String, String> out = new LinkedHashMap<>();
    if (Attributes.isNull(v)) {
      return out;
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw DynamoException.serialization("Expected an object for " + name);
    }
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!(e.getValue() instanceof String s)) {
        throw DynamoException.serialization("Expected string values in " + name);
      }
      out.put((String) e.getKey(), s);
    }
    return out;
  }

  static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  @Override
  public String toString() {
    return Json.write(json);
  }
}
