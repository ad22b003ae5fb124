package dev.ddbkit.core.error;

import org.jspecify.annotations.Nullable;

/** A transient failure: a 5xx answer, a dropped connection or a timeout. Retryable; for a write, the outcome of the failed attempt is unknown. */
public class TransientServiceException extends DdbkitException {
  private static final long serialVersionUID = 1L;

  protected TransientServiceException(String message, String errorCode, ErrorContext context, @Nullable Throwable cause) {
    super(message, errorCode, true, context, cause);
  }

  /** Creates the error with the given DynamoDB error code. */
  public static TransientServiceException of(String message, String errorCode, ErrorContext context, @Nullable Throwable cause) {
    return new TransientServiceException(message, errorCode, context, cause);
  }

  /** Creates the error with the default error code {@code InternalServerError}. */
  public static TransientServiceException of(String message, ErrorContext context) {
    return new TransientServiceException(message, "InternalServerError", context, null);
  }
}
