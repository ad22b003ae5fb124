package dev.ddbkit.core.typed;

import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.error.ErrorContext;
import org.jspecify.annotations.Nullable;

/**
 * DynamoDB reported the operation id's token as used with other parameters, yet no idempotency record could be
 * read: another call of the same operation may still be in flight. Retryable: calling again with the same
 * operation id and content either applies the operation or reports it replayed.
 */
public final class TransactionOutcomeUnknownException extends DdbkitException {
  private static final long serialVersionUID = 1L;

  private TransactionOutcomeUnknownException(String message, ErrorContext context, @Nullable Throwable cause) {
    super(message, "TransactionOutcomeUnknown", true, context, cause);
  }

  /** Creates the error for {@code operationId}. */
  public static TransactionOutcomeUnknownException of(String operationId, String idempotencyTable,
      @Nullable Throwable cause) {
    return new TransactionOutcomeUnknownException("Whether transaction " + operationId
        + " was applied is unknown (its token is in use and no record was found); call again with the same "
        + "operation id.", ErrorContext.of("TransactWriteItems", idempotencyTable), cause);
  }
}
