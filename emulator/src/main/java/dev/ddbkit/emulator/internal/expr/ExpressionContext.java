package dev.ddbkit.emulator.internal.expr;

import dev.ddbkit.emulator.internal.value.Value;
import java.util.Map;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request, shared by all its expressions
 * (key condition, filter, projection, condition, update). Records which placeholders the expressions used, so
 * that {@link #checkAllUsed()} can reject unused ones as DynamoDB does.
 */
public final class ExpressionContext {
  public ExpressionContext(Map<String, String> names, Map<String, Value> values) {
    throw new UnsupportedOperationException("todo");
  }

  /**
   * Throws DynamoDB's ValidationException when a name or value was supplied but no expression used it
   * ("Value provided in ExpressionAttributeNames unused in expressions: keys: {#a}"). Call after parsing every
   * expression of the request.
   */
  public void checkAllUsed() {
    throw new UnsupportedOperationException("todo");
  }
}
