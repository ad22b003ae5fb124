package dev.ddbkit.emulator.internal.expr;

import dev.ddbkit.emulator.internal.value.Value;
import java.util.Map;

/** A parsed ConditionExpression or FilterExpression. */
@FunctionalInterface
public interface Condition {
  /** Evaluates against an item; an absent item is the empty map. */
  boolean test(Map<String, Value> item);
}
