package dev.ddbkit.core.error;

import org.jspecify.annotations.Nullable;

/** An item collection of a table with local secondary indexes exceeded 10 GB. Never retried. */
public class ItemCollectionSizeLimitException extends DdbkitException {
  private static final long serialVersionUID = 1L;

  protected ItemCollectionSizeLimitException(String message, String errorCode, ErrorContext context, @Nullable Throwable cause) {
    super(message, errorCode, false, context, cause);
  }

  /** Creates the error with the given DynamoDB error code. */
  public static ItemCollectionSizeLimitException of(String message, String errorCode, ErrorContext context, @Nullable Throwable cause) {
    return new ItemCollectionSizeLimitException(message, errorCode, context, cause);
  }

  /** Creates the error with the default error code {@code ItemCollectionSizeLimitExceededException}. */
  public static ItemCollectionSizeLimitException of(String message, ErrorContext context) {
    return new ItemCollectionSizeLimitException(message, "ItemCollectionSizeLimitExceededException", context, null);
  }
}
