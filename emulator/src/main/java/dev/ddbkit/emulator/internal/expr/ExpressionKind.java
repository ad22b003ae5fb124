package dev.ddbkit.emulator.internal.expr;

/** Which request parameter an expression came from; DynamoDB names it in every error ("Invalid FilterExpression: …"). */
public enum ExpressionKind {
  CONDITION("ConditionExpression"),
  FILTER("FilterExpression"),
  KEY_CONDITION("KeyConditionExpression"),
  PROJECTION("ProjectionExpression"),
  UPDATE("UpdateExpression");

  private final String parameter;

  ExpressionKind(String parameter) {
    this.parameter = parameter;
  }

  /** The request parameter's name, e.g. {@code FilterExpression}. */
  public String parameter() {
    return parameter;
  }
}
