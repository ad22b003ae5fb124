package dev.ddbkit.core.error;

import org.jspecify.annotations.Nullable;

/**
 * Where an error happened: the DynamoDB operation, the table and the AWS request id, each optional.
 *
 * @param operation the DynamoDB operation name, such as {@code PutItem}
 * @param table the table name
 * @param requestId the AWS request id
 */
public record ErrorContext(@Nullable String operation, @Nullable String table, @Nullable String requestId) {

  private static final ErrorContext EMPTY = new ErrorContext(null, null, null);

  /** A context with nothing known. */
  public static ErrorContext empty() {
    return EMPTY;
  }

  /** A context naming the operation and table. */
  public static ErrorContext of(@Nullable String operation, @Nullable String table) {
    return new ErrorContext(operation, table, null);
  }

  /** This context with the request id set. */
  public ErrorContext withRequestId(@Nullable String id) {
    return new ErrorContext(operation, table, id);
  }
}
