package dev.ddbkit.core.typed;

import dev.ddbkit.core.error.ConditionalCheckFailedException;
import dev.ddbkit.core.error.ErrorContext;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Optimistic locking failed: the item's version attribute ({@code @DynamoDbVersionAttribute}, enforced by the
 * SDK's {@code VersionedRecordExtension}) no longer holds the version the caller read. Read the item again and
 * reapply the change. Never retried by ddbkit.
 *
 * <pre>{@code
 * try {
 *   customers.update(customer);
 * } catch (VersionConflictException e) {
 *   Customer fresh = customers.get(key).orElseThrow();   // someone else changed it: merge and try again
 * }
 * }</pre>
 */
public final class VersionConflictException extends ConditionalCheckFailedException {
  private static final long serialVersionUID = 1L;

  private final String versionAttribute;

  private VersionConflictException(String message, ErrorContext context, String versionAttribute,
      @Nullable Map<String, AttributeValue> current, @Nullable Throwable cause) {
    super(message, context, current, cause);
    this.versionAttribute = versionAttribute;
  }

  /** Creates the error for {@code operation} on {@code table}. */
  public static VersionConflictException of(String operation, String table, String versionAttribute,
      @Nullable Map<String, AttributeValue> current, @Nullable Throwable cause) {
    return new VersionConflictException(operation + " on table " + table + " failed: the item's "
        + versionAttribute + " is not the version that was read (changed or deleted by someone else).",
        ErrorContext.of(operation, table), versionAttribute, current, cause);
  }

  /** The name of the version attribute. */
  public String versionAttribute() {
    return versionAttribute;
  }
}
