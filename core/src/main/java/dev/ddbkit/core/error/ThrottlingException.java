package dev.ddbkit.core.error;

import org.jspecify.annotations.Nullable;

/** The request was throttled (`ProvisionedThroughputExceededException`, `ThrottlingException` or `RequestLimitExceeded`). Retryable with backoff. */
public class ThrottlingException extends DdbkitException {
  private static final long serialVersionUID = 1L;

  protected ThrottlingException(String message, String errorCode, ErrorContext context, @Nullable Throwable cause) {
    super(message, errorCode, true, context, cause);
  }

  /** Creates the error with the given DynamoDB error code. */
  public static ThrottlingException of(String message, String errorCode, ErrorContext context, @Nullable Throwable cause) {
    return new ThrottlingException(message, errorCode, context, cause);
  }

  /** Creates the error with the default error code {@code ThrottlingException}. */
  public static ThrottlingException of(String message, ErrorContext context) {
    return new ThrottlingException(message, "ThrottlingException", context, null);
  }
}
