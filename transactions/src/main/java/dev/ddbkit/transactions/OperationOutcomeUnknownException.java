package dev.ddbkit.transactions;

import dev.ddbkit.core.error.ErrorContext;
import dev.ddbkit.core.error.TransientServiceException;
import org.jspecify.annotations.Nullable;

/**
 * DynamoDB reported the operation's client request token as used with other parameters, yet no idempotency
 * record of the operation exists: an earlier attempt may still be in flight, or the token was consumed by a
 * cancelled transaction. Whether the operation was applied is unknown. Retryable: retry later with the
 * <em>same</em> operation id and the same parameters.
 *
 * <pre>{@code
 * try {
 *   tx.transferCredits(request);
 * } catch (OperationOutcomeUnknownException e) {
 *   // e.retryable() is true: schedule tx.transferCredits(request) again with the same operation id
 * }
 * }</pre>
 */
public final class OperationOutcomeUnknownException extends TransientServiceException {
  private static final long serialVersionUID = 1L;

  private OperationOutcomeUnknownException(String message, String errorCode, ErrorContext context,
      @Nullable Throwable cause) {
    super(message, errorCode, context, cause);
  }

  /** Creates the error for {@code operationId}, keeping DynamoDB's answer as the cause. */
  public static OperationOutcomeUnknownException of(String operationId, ErrorContext context,
      @Nullable Throwable cause) {
    return new OperationOutcomeUnknownException("The outcome of operation " + operationId + " is unknown: "
        + "DynamoDB reported its client request token as already used, but no record of the operation exists "
        + "yet (an earlier attempt may still be in flight). Retry with the same operation id and parameters.",
        "IdempotentParameterMismatchException", context, cause);
  }
}
