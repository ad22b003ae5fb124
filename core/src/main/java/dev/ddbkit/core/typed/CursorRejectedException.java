package dev.ddbkit.core.typed;

import dev.ddbkit.core.error.InvalidInputException;

/**
 * A cursor passed to {@link QueryResult#page(int, String)} was not issued for that query: malformed, altered,
 * signed with another cursor key, or issued by another query. Nothing was sent to DynamoDB.
 */
public final class CursorRejectedException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private CursorRejectedException(String message) {
    super("cursor", message);
  }

  /** Creates the error with a full-sentence message. */
  public static CursorRejectedException of(String message) {
    return new CursorRejectedException(message);
  }
}
