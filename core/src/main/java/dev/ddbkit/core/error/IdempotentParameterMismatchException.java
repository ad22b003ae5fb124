package dev.ddbkit.core.error;

import org.jspecify.annotations.Nullable;

/** A client request token was reused with a different request. Never retried. */
public class IdempotentParameterMismatchException extends DdbkitException {
  private static final long serialVersionUID = 1L;

  protected IdempotentParameterMismatchException(String message, String errorCode, ErrorContext context, @Nullable Throwable cause) {
    super(message, errorCode, false, context, cause);
  }

  /** Creates the error with the given DynamoDB error code. */
  public static IdempotentParameterMismatchException of(String message, String errorCode, ErrorContext context, @Nullable Throwable cause) {
    return new IdempotentParameterMismatchException(message, errorCode, context, cause);
  }

  /** Creates the error with the default error code {@code IdempotentParameterMismatchException}. */
  public static IdempotentParameterMismatchException of(String message, ErrorContext context) {
    return new IdempotentParameterMismatchException(message, "IdempotentParameterMismatchException", context, null);
  }
}
