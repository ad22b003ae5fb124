package dev.ddbkit.core.typed;

import dev.ddbkit.core.error.ConditionalCheckFailedException;
import dev.ddbkit.core.error.ErrorContext;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DdbkitTable#create} found another item under the same key: one that this call did not write (a lost
 * response's retry that finds the very item it sent is a success, not this error).
 */
public final class ItemAlreadyExistsException extends ConditionalCheckFailedException {
  private static final long serialVersionUID = 1L;

  private ItemAlreadyExistsException(String message, ErrorContext context,
      @Nullable Map<String, AttributeValue> existing, @Nullable Throwable cause) {
    super(message, context, existing, cause);
  }

  /** Creates the error for {@code table}; {@code existing} is the stored item when known. */
  public static ItemAlreadyExistsException of(String table, @Nullable Map<String, AttributeValue> existing,
      @Nullable Throwable cause) {
    return new ItemAlreadyExistsException("An item with the same key already exists in table " + table + ".",
        ErrorContext.of("PutItem", table), existing, cause);
  }
}
