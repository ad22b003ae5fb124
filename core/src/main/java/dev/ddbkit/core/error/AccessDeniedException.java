package dev.ddbkit.core.error;

import org.jspecify.annotations.Nullable;

/** The credentials are unknown, expired or not allowed to make the request. Never retried. */
public class AccessDeniedException extends DdbkitException {
  private static final long serialVersionUID = 1L;

  protected AccessDeniedException(String message, String errorCode, ErrorContext context, @Nullable Throwable cause) {
    super(message, errorCode, false, context, cause);
  }

  /** Creates the error with the given DynamoDB error code. */
  public static AccessDeniedException of(String message, String errorCode, ErrorContext context, @Nullable Throwable cause) {
    return new AccessDeniedException(message, errorCode, context, cause);
  }

  /** Creates the error with the default error code {@code AccessDeniedException}. */
  public static AccessDeniedException of(String message, ErrorContext context) {
    return new AccessDeniedException(message, "AccessDeniedException", context, null);
  }
}
