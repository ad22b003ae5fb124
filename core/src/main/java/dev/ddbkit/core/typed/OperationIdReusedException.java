package dev.ddbkit.core.typed;

import dev.ddbkit.core.error.InvalidInputException;

/**
 * An operation id was sent again with other content than the operation that used it first. Nothing of the
 * second request was written.
 */
public final class OperationIdReusedException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private OperationIdReusedException(String message) {
    super("operationId", message);
  }

  /** Creates the error for {@code operationId}. */
  public static OperationIdReusedException of(String operationId) {
    return new OperationIdReusedException("Operation id " + operationId
        + " was already used for a transaction with other content; use a new id for a new operation.");
  }
}
