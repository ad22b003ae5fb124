package dev.ddbkit.core.error;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A condition expression evaluated to false. Never retried: the same request would fail the same way.
 * Carries the item as it was when the request set {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}.
 */
public class ConditionalCheckFailedException extends DdbkitException {
  private static final long serialVersionUID = 1L;

  private final transient @Nullable Map<String, AttributeValue> oldItem;

  protected ConditionalCheckFailedException(
      String message, ErrorContext context, @Nullable Map<String, AttributeValue> oldItem, @Nullable Throwable cause) {
    super(message, "ConditionalCheckFailedException", false, context, cause);
    this.oldItem = oldItem == null || oldItem.isEmpty() ? null : Map.copyOf(oldItem);
  }

  /** Creates the error; {@code oldItem} may be null or empty when the caller did not ask for it. */
  public static ConditionalCheckFailedException of(
      String message, ErrorContext context, @Nullable Map<String, AttributeValue> oldItem, @Nullable Throwable cause) {
    return new ConditionalCheckFailedException(message, context, oldItem, cause);
  }

  /** The item as it was, when the request asked DynamoDB to return it on condition failure. */
  public Optional<Map<String, AttributeValue>> oldItem() {
    return Optional.ofNullable(oldItem);
  }
}
