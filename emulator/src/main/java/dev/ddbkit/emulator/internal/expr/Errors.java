package dev.ddbkit.emulator.internal.expr;

import dev.ddbkit.emulator.internal.error.DynamoException;

/** DynamoDB's ValidationException messages for expressions, in one place. */
final class Errors {
  static final String INCORRECT_DATA_TYPE = "An operand in the update expression has an incorrect data type";
  static final String MISSING_ATTRIBUTE =
      "The provided expression refers to an attribute that does not exist in the item";
  static final String INVALID_PATH_FOR_UPDATE =
      "The document path provided in the update expression is invalid for update";

  private Errors() {}

  /** {@code Invalid <Kind>Expression: <detail>}. */
  static DynamoException invalid(ExpressionKind kind, String detail) {
    return DynamoException.validation("Invalid " + kind.parameter() + ": " + detail);
  }

  static DynamoException syntax(ExpressionKind kind, String token, String near) {
    return invalid(kind, "Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
  }

  static DynamoException operandType(ExpressionKind kind, String function, String type) {
    return invalid(kind, "Incorrect operand type for operator or function; operator or function: " + function
        + ", operand type: " + type);
  }

  static DynamoException operandCount(ExpressionKind kind, String function, int count) {
    return invalid(kind, "Incorrect number of operands for operator or function; operator or function: "
        + function + ", number of operands: " + count);
  }

  static DynamoException requiresPath(ExpressionKind kind, String function) {
    return invalid(kind, "Operator or function requires a document path; operator or function: " + function);
  }

  static DynamoException runtime(String message) {
    return DynamoException.validation(message);
  }
}
