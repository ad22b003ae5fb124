package dev.ddbkit.orders;

import dev.ddbkit.core.error.InvalidInputException;

/**
 * A cursor that this repository cannot continue: malformed, altered, issued with another cursor key, or
 * issued for another query (another table, customer, date, status, range, order or result kind). Thrown
 * before any call to DynamoDB; restart the listing without a cursor.
 */
public final class InvalidCursorException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private InvalidCursorException(String message) {
    super("cursor", message);
  }

  /** Creates the error with a full-sentence {@code message}. */
  public static InvalidCursorException of(String message) {
    return new InvalidCursorException(message);
  }
}
