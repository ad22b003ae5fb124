package dev.ddbkit.emulator.internal.expr;

import dev.ddbkit.emulator.internal.error.DynamoException;
import dev.ddbkit.emulator.internal.value.Value;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request, shared by all its expressions
 * (key condition, filter, projection, condition, update). Records which placeholders the expressions used, so
 * that {@link #checkAllUsed()} can reject unused ones as DynamoDB does.
 */
public final class ExpressionContext {
  private final Map<String, String> names;
  private final Map<String, Value> values;
  private final Set<String> usedNames = new LinkedHashSet<>();
  private final Set<String> usedValues = new LinkedHashSet<>();

  /**
   * Checks the keys' syntax ({@code #name}, {@code :value}) with DynamoDB's messages
   * ("ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"").
   */
  public ExpressionContext(Map<String, String> names, Map<String, Value> values) {
    this.names = new LinkedHashMap<>(names);
    this.values = new LinkedHashMap<>(values);
    for (String key : this.names.keySet()) {
      checkKey("ExpressionAttributeNames", key, '#');
    }
    for (String key : this.values.keySet()) {
      checkKey("ExpressionAttributeValues", key, ':');
    }
  }

  /** A context without placeholders, for requests that carry none. */
  public static ExpressionContext empty() {
    return new ExpressionContext(Map.of(), Map.of());
  }

  private static void checkKey(String parameter, String key, char prefix) {
    boolean valid = key.length() > 1 && key.charAt(0) == prefix
        && key.substring(1).chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '_');
    if (!valid) {
      throw DynamoException.validation(parameter + " contains invalid key: Syntax error; key: \"" + key + "\"");
    }
  }

  String name(String placeholder, ExpressionKind kind) {
    String name = names.get(placeholder);
    if (name == null) {
      throw Errors.invalid(kind,
          "An expression attribute name used in the document path is not defined; attribute name: " + placeholder);
    }
    usedNames.add(placeholder);
    return name;
  }

  Value value(String placeholder, ExpressionKind kind) {
    Value value = values.get(placeholder);
    if (value == null) {
      throw Errors.invalid(kind,
          "An expression attribute value used in expression is not defined; attribute value: " + placeholder);
    }
    usedValues.add(placeholder);
    return value;
  }

  /**
   * Throws DynamoDB's ValidationException when a name or value was supplied but no expression used it
   * ("Value provided in ExpressionAttributeNames unused in expressions: keys: {#a}"). Call after parsing every
   * expression of the request.
   */
  public void checkAllUsed() {
    checkUsed("ExpressionAttributeNames", names.keySet(), usedNames);
    checkUsed("ExpressionAttributeValues", values.keySet(), usedValues);
  }

  private static void checkUsed(String parameter, Set<String> supplied, Set<String> used) {
    String unused = supplied.stream().filter(k -> !used.contains(k)).collect(Collectors.joining(", "));
    if (!unused.isEmpty()) {
      throw DynamoException.validation(
          "Value provided in " + parameter + " unused in expressions: keys: {" + unused + "}");
    }
  }
}
