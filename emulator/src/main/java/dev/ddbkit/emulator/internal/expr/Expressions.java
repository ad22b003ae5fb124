package dev.ddbkit.emulator.internal.expr;

/**
 * Parses DynamoDB's expression languages into executable objects. Every method throws
 * {@link dev.ddbkit.emulator.internal.error.DynamoException} (ValidationException) with DynamoDB's message for
 * syntax errors, reserved words used without a placeholder, undefined placeholders and invalid operands.
 */
public final class Expressions {
  private Expressions() {}

  /** A ConditionExpression or FilterExpression. */
  public static Condition condition(String expression, ExpressionContext context) {
    throw new UnsupportedOperationException("todo");
  }

  public static KeyCondition keyCondition(String expression, ExpressionContext context) {
    throw new UnsupportedOperationException("todo");
  }

  public static Projection projection(String expression, ExpressionContext context) {
    throw new UnsupportedOperationException("todo");
  }

  public static Update update(String expression, ExpressionContext context) {
    throw new UnsupportedOperationException("todo");
  }
}
