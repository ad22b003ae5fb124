package dev.ddbkit.emulator.internal.expr;

import dev.ddbkit.emulator.internal.value.Value;
import java.util.Optional;

/** A parsed KeyConditionExpression: partition key equality and an optional sort key condition. */
public record KeyCondition(String partitionKey, Value partitionValue, Optional<SortCondition> sort) {

  /** The sort key part: {@code =, <, <=, >, >=, BETWEEN, begins_with}. */
  public record SortCondition(String attribute, Op op, Value first, Optional<Value> second) {
    public enum Op { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    /** Whether a stored sort key value satisfies this condition. */
    public boolean matches(Value sortKeyValue) {
      throw new UnsupportedOperationException("todo");
    }
  }

  /**
   * Checks the condition names exactly the index's or table's key attributes, with DynamoDB's messages
   * ("Query condition missed key schema element: pk", "Query key condition not supported").
   */
  public void validateAgainst(String hashKey, Optional<String> rangeKey) {
    throw new UnsupportedOperationException("todo");
  }
}
