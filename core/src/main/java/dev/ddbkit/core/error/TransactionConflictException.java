package dev.ddbkit.core.error;

import org.jspecify.annotations.Nullable;

/** Another transaction or request touched one of the items at the same time. Retryable with backoff. */
public class TransactionConflictException extends DdbkitException {
  private static final long serialVersionUID = 1L;

  protected TransactionConflictException(String message, String errorCode, ErrorContext context, @Nullable Throwable cause) {
    super(message, errorCode, true, context, cause);
  }

  /** Creates the error with the given DynamoDB error code. */
  public static TransactionConflictException of(String message, String errorCode, ErrorContext context, @Nullable Throwable cause) {
    return new TransactionConflictException(message, errorCode, context, cause);
  }

  /** Creates the error with the default error code {@code TransactionConflictException}. */
  public static TransactionConflictException of(String message, ErrorContext context) {
    return new TransactionConflictException(message, "TransactionConflictException", context, null);
  }
}
