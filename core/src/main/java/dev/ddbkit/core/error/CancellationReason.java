package dev.ddbkit.core.error;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Why one item of a cancelled transaction failed.
 *
 * @param index the position of the item in the request's {@code TransactItems}
 * @param code DynamoDB's code: {@code None}, {@code ConditionalCheckFailed}, {@code TransactionConflict},
 *     {@code ThrottlingError}, {@code ValidationError}, {@code ItemCollectionSizeLimitExceeded} and others
 * @param message DynamoDB's message, possibly empty
 * @param item the item's old image when the request asked for it, otherwise empty
 */
public record CancellationReason(int index, String code, String message, Map<String, AttributeValue> item) {

  /** Code DynamoDB gives the items that did not cause the cancellation. */
  public static final String NONE = "None";

  public CancellationReason {
    item = Map.copyOf(item);
  }

  /** Creates a reason; null message and item become empty. */
  public static CancellationReason of(
      int index, @Nullable String code, @Nullable String message, @Nullable Map<String, AttributeValue> item) {
    return new CancellationReason(
        index, code == null ? NONE : code, message == null ? "" : message, item == null ? Map.of() : item);
  }

  /** Whether this item caused (part of) the cancellation. */
  public boolean failed() {
    return !NONE.equals(code);
  }

  /** Whether this item's condition expression evaluated to false. */
  public boolean conditionalCheckFailed() {
    return "ConditionalCheckFailed".equals(code);
  }

  /** The old item, when the caller asked for it. */
  public Optional<Map<String, AttributeValue>> oldItem() {
    return item.isEmpty() ? Optional.empty() : Optional.of(item);
  }
}
