package dev.ddbkit.emulator.internal.expr;

import dev.ddbkit.emulator.internal.error.DynamoException;
import dev.ddbkit.emulator.internal.value.Value;
import dev.ddbkit.emulator.internal.value.Values;
import java.util.Optional;

/** A parsed KeyConditionExpression: partition key equality and an optional sort key condition. */
public record KeyCondition(String partitionKey, Value partitionValue, Optional<SortCondition> sort) {

  /** The sort key part: {@code =, <, <=, >, >=, BETWEEN, begins_with}. */
  public record SortCondition(String attribute, Op op, Value first, Optional<Value> second) {
    public enum Op { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    /** Whether a stored sort key value satisfies this condition (values of another type never do). */
    public boolean matches(Value sortKeyValue) {
      if (op == Op.BEGINS_WITH) {
        return Evaluator.beginsWith(sortKeyValue, first);
      }
      Optional<Integer> c = Values.compare(sortKeyValue, first);
      if (c.isEmpty()) {
        return false;
      }
      int order = c.get();
      return switch (op) {
        case EQ -> order == 0;
        case LT -> order < 0;
        case LE -> order <= 0;
        case GT -> order > 0;
        case GE -> order >= 0;
        case BETWEEN -> order >= 0
            && Values.compare(sortKeyValue, second.orElseThrow()).map(o -> o <= 0).orElse(false);
        case BEGINS_WITH -> throw new IllegalStateException();
      };
    }
  }

  /**
   * Checks the condition names exactly the index's or table's key attributes, with DynamoDB's messages
   * ("Query condition missed key schema element: pk", "Query key condition not supported"). When both
   * conditions are equalities, the parser cannot know which is the partition key: prefer
   * {@link Expressions#keyCondition(String, ExpressionContext, String, Optional)}, which orients them.
   */
  public void validateAgainst(String hashKey, Optional<String> rangeKey) {
    if (!partitionKey.equals(hashKey)) {
      throw DynamoException.validation("Query condition missed key schema element: " + hashKey);
    }
    if (sort.isPresent()) {
      if (rangeKey.isEmpty()) {
        throw DynamoException.validation("Query key condition not supported");
      }
      if (!sort.get().attribute().equals(rangeKey.get())) {
        throw DynamoException.validation("Query condition missed key schema element: " + rangeKey.get());
      }
    }
  }
}
