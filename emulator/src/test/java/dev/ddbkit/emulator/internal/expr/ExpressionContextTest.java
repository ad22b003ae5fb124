package dev.ddbkit.emulator.internal.expr;

import static dev.ddbkit.emulator.internal.expr.TestValues.assertValidation;
import static dev.ddbkit.emulator.internal.expr.TestValues.item;
import static dev.ddbkit.emulator.internal.expr.TestValues.s;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionContextTest {

  @Test
  void checkAllUsed_passesWhenEveryPlaceholderWasUsedByAnyExpression() {
    ExpressionContext context = new ExpressionContext(Map.of("#a", "a", "#b", "b"), item(":x", s("x"), ":y", s("y")));
    Expressions.keyCondition("#a = :x", context);
    Expressions.projection("#b", context);
    Expressions.condition("c = :y", context);
    context.checkAllUsed();
    ExpressionContext.empty().checkAllUsed();
  }

  @Test
  void checkAllUsed_listsUnusedValues() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("#a", "a");
    ExpressionContext context = new ExpressionContext(names, item(":x", s("x"), ":y", s("y"), ":z", s("z")));
    Expressions.update("SET #a = :y", context);
    assertValidation(context::checkAllUsed,
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:x, :z}");
  }

  @Test
  void checkAllUsed_listsUnusedNamesFirst() {
    ExpressionContext context = new ExpressionContext(Map.of("#a", "a"), item(":x", s("x")));
    assertValidation(context::checkAllUsed,
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a}");
  }

  @Test
  void checkAllUsed_placeholdersOfAFailedExpressionDoNotCount() {
    ExpressionContext context = new ExpressionContext(Map.of(), item(":x", s("x")));
    assertValidation(() -> Expressions.condition("a = :x AND", context),
        "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"");
    assertValidation(context::checkAllUsed,
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}");
  }

  @Test
  void constructor_rejectsKeysWithoutTheirPrefix() {
    assertValidation(() -> new ExpressionContext(Map.of("a", "a"), Map.of()),
        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"");
    assertValidation(() -> new ExpressionContext(Map.of("#", "a"), Map.of()),
        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"#\"");
    assertValidation(() -> new ExpressionContext(Map.of(), item("x", s("x"))),
        "ExpressionAttributeValues contains invalid key: Syntax error; key: \"x\"");
    assertValidation(() -> new ExpressionContext(Map.of(), item(":a-b", s("x"))),
        "ExpressionAttributeValues contains invalid key: Syntax error; key: \":a-b\"");
  }
}
