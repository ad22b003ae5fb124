package dev.ddbkit.core.error;

import org.jspecify.annotations.Nullable;

/** DynamoDB rejected the request as invalid. Never retried. */
public class ValidationException extends DdbkitException {
  private static final long serialVersionUID = 1L;

  protected ValidationException(String message, String errorCode, ErrorContext context, @Nullable Throwable cause) {
    super(message, errorCode, false, context, cause);
  }

  /** Creates the error with the given DynamoDB error code. */
  public static ValidationException of(String message, String errorCode, ErrorContext context, @Nullable Throwable cause) {
    return new ValidationException(message, errorCode, context, cause);
  }

  /** Creates the error with the default error code {@code ValidationException}. */
  public static ValidationException of(String message, ErrorContext context) {
    return new ValidationException(message, "ValidationException", context, null);
  }
}
