package dev.ddbkit.core.error;

import org.jspecify.annotations.Nullable;

/** The table or index does not exist or is not ACTIVE. Never retried. */
public class ResourceNotFoundException extends DdbkitException {
  private static final long serialVersionUID = 1L;

  protected ResourceNotFoundException(String message, String errorCode, ErrorContext context, @Nullable Throwable cause) {
    super(message, errorCode, false, context, cause);
  }

  /** Creates the error with the given DynamoDB error code. */
  public static ResourceNotFoundException of(String message, String errorCode, ErrorContext context, @Nullable Throwable cause) {
    return new ResourceNotFoundException(message, errorCode, context, cause);
  }

  /** Creates the error with the default error code {@code ResourceNotFoundException}. */
  public static ResourceNotFoundException of(String message, ErrorContext context) {
    return new ResourceNotFoundException(message, "ResourceNotFoundException", context, null);
  }
}
