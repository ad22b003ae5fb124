package dev.ddbkit.emulator.internal.expr;

import dev.ddbkit.emulator.internal.value.Value;
import java.util.List;
import java.util.Map;

/** A parsed UpdateExpression: SET, REMOVE, ADD and DELETE clauses. */
public interface Update {
  /**
   * Applies the update to a copy of the item (the empty map when the item does not exist) and returns it;
   * throws DynamoDB's ValidationException for operands of the wrong type, missing attributes read by SET
   * and paths that cannot be resolved.
   */
  Map<String, Value> apply(Map<String, Value> item);

  /** Every path the update writes or removes, in expression order (for ReturnValues UPDATED_OLD/UPDATED_NEW). */
  List<Path> paths();
}
