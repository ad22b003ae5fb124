package dev.ddbkit.core.error;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Base of every error ddbkit raises for a DynamoDB call. Unchecked; carries the DynamoDB error code,
 * whether retrying the same request can succeed, and the operation, table and request id when known.
 *
 * <p>Build instances through {@link DdbkitErrors#translate(Throwable, String, String)} or the static
 * factories of the subclasses; catch the subclass that matches the decision you need to make.
 */
public class DdbkitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorCode;
  private final boolean retryable;
  private final @Nullable String operation;
  private final @Nullable String table;
  private final @Nullable String requestId;

  protected DdbkitException(
      String message,
      String errorCode,
      boolean retryable,
      ErrorContext context,
      @Nullable Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
    this.retryable = retryable;
    this.operation = context.operation();
    this.table = context.table();
    this.requestId = context.requestId();
  }

  /** An error of no more specific kind; keeps the SDK's own retryable classification. */
  public static DdbkitException of(
      String message, String errorCode, boolean retryable, ErrorContext context, @Nullable Throwable cause) {
    return new DdbkitException(message, errorCode, retryable, context, cause);
  }

  /** The DynamoDB error code (for example {@code ThrottlingException}), or a ddbkit code for client-side failures. */
  public String errorCode() {
    return errorCode;
  }

  /** Whether sending the same request again may succeed. */
  public boolean retryable() {
    return retryable;
  }

  /** The DynamoDB operation (for example {@code PutItem}), when known. */
  public Optional<String> operation() {
    return Optional.ofNullable(operation);
  }

  /** The table the request addressed, when known. */
  public Optional<String> table() {
    return Optional.ofNullable(table);
  }

  /** The AWS request id of the failed attempt, when the service returned one. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}
