package dev.ddbkit.transactions.internal;

import dev.ddbkit.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import dev.ddbkit.core.item.ItemSize;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * DynamoDB's TransactWriteItems limits, checked before sending: at most 100 actions, at most 4 MB in all,
 * and at most 400 KB per item. Sizes are estimated by DynamoDB's item-size rules, rounded up so that a
 * request that passes here is not rejected by DynamoDB for its size.
 */
public final class RequestLimits {
  /** Most actions in one transaction. */
  public static final int MAX_ACTIONS = 100;
  /** Largest transaction, in bytes. */
  public static final long MAX_REQUEST_BYTES = 4L * 1024 * 1024;
  /** Largest item, in bytes. */
  public static final long MAX_ITEM_BYTES = 400L * 1024;

  private RequestLimits() {}

  /** Throws {@link InvalidInputException} naming the limit if {@code actions} exceeds one. */
  public static void check(List<TransactWriteItem> actions, String argument) {
    if (actions.size() > MAX_ACTIONS) {
      throw InvalidInputException.of(argument, "The transaction would have " + actions.size()
          + " actions but DynamoDB allows at most " + MAX_ACTIONS + " items per TransactWriteItems.");
    }
    long total = 0;
    for (TransactWriteItem action : actions) {
      long size = size(action);
      if (action.put() != null && itemSize(action.put().item()) > MAX_ITEM_BYTES) {
        throw InvalidInputException.of(argument, "An item in table " + action.put().tableName() + " would be about "
            + itemSize(action.put().item()) + " bytes but DynamoDB allows at most " + MAX_ITEM_BYTES
            + " bytes (400 KB) per item.");
      }
      total += size;
    }
    if (total > MAX_REQUEST_BYTES) {
      throw InvalidInputException.of(argument, "The transaction would be about " + total
          + " bytes but DynamoDB allows at most " + MAX_REQUEST_BYTES + " bytes (4 MB) per TransactWriteItems.");
    }
  }

  /** Estimated size of one action: its item or key, expression values, and expressions. */
  public static long size(TransactWriteItem action) {
    if (action.put() != null) {
      return itemSize(action.put().item()) + itemSize(action.put().expressionAttributeValues())
          + utf8(action.put().conditionExpression());
    }
    if (action.update() != null) {
      return itemSize(action.update().key()) + itemSize(action.update().expressionAttributeValues())
          + utf8(action.update().updateExpression()) + utf8(action.update().conditionExpression());
    }
    if (action.delete() != null) {
      return itemSize(action.delete().key()) + itemSize(action.delete().expressionAttributeValues())
          + utf8(action.delete().conditionExpression());
    }
    if (action.conditionCheck() != null) {
      return itemSize(action.conditionCheck().key()) + itemSize(action.conditionCheck().expressionAttributeValues())
          + utf8(action.conditionCheck().conditionExpression());
    }
    return 0;
  }

  /** Size of an item as DynamoDB counts it: attribute names plus values. */
  public static long itemSize(Map<String, AttributeValue> item) {
    return ItemSize.of(item);
  }

  private static long utf8(@Nullable String s) {
    return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
  }
}
