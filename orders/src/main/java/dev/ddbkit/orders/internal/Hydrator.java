package dev.ddbkit.orders.internal;

import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.ErrorContext;
import dev.ddbkit.core.error.ThrottlingException;
import dev.ddbkit.core.retry.DdbkitRetry;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrderKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Fetches full items for keys with {@code BatchGetItem}, at most 100 keys a call, sending unprocessed keys
 * again with the backoff of {@link DdbkitRetry#session()}. Returns items by key: the caller restores order.
 */
public final class Hydrator {
  /** DynamoDB's limit of keys per {@code BatchGetItem}. */
  public static final int MAX_KEYS_PER_CALL = 100;
  private static final Logger LOG = LoggerFactory.getLogger(Hydrator.class);

  private final DynamoDbClient client;
  private final String table;
  private final DdbkitRetry retry;
  private final boolean consistentRead;

  /** A hydrator for {@code table}. */
  public Hydrator(DynamoDbClient client, String table, DdbkitRetry retry, boolean consistentRead) {
    this.client = client;
    this.table = table;
    this.retry = retry;
    this.consistentRead = consistentRead;
  }

  /** The items found for {@code keys}; keys whose item is gone are absent. */
  public Map<OrderKey, Map<String, AttributeValue>> fetch(List<OrderKey> keys) {
    Map<OrderKey, Map<String, AttributeValue>> found = new HashMap<>();
    for (int from = 0; from < keys.size(); from += MAX_KEYS_PER_CALL) {
      fetchChunk(keys.subList(from, Math.min(keys.size(), from + MAX_KEYS_PER_CALL)), found);
    }
    return found;
  }

  private void fetchChunk(List<OrderKey> chunk, Map<OrderKey, Map<String, AttributeValue>> found) {
    ErrorContext context = ErrorContext.of("BatchGetItem", table);
    List<Map<String, AttributeValue>> pending = new ArrayList<>(chunk.size());
    for (OrderKey key : chunk) {
      pending.add(Map.of(Order.CUSTOMER_ID, AttributeValue.fromS(key.customerId()),
          Order.ORDER_ID, AttributeValue.fromS(key.orderId())));
    }
    DdbkitRetry.Session session = retry.session("BatchGetItem", table);
    while (true) {
      KeysAndAttributes request = KeysAndAttributes.builder().keys(pending).consistentRead(consistentRead).build();
      BatchGetItemResponse response;
      try {
        response = client.batchGetItem(BatchGetItemRequest.builder().requestItems(Map.of(table, request)).build());
      } catch (RuntimeException e) {
        throw DdbkitErrors.translate(e, "BatchGetItem", table);
      }
      for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
        found.put(new OrderKey(OrderItems.string(item, Order.CUSTOMER_ID, context),
            OrderItems.string(item, Order.ORDER_ID, context)), item);
      }
      KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
      if (unprocessed == null || !unprocessed.hasKeys() || unprocessed.keys().isEmpty()) {
        session.succeeded();
        return;
      }
      pending = unprocessed.keys();
      ThrottlingException reason = ThrottlingException.of("BatchGetItem on table " + table + " left "
          + pending.size() + " of " + chunk.size() + " keys unprocessed after " + (session.retries() + 1)
          + " attempts.", context);
      LOG.debug("{} keys unprocessed by BatchGetItem on {}; retrying", pending.size(), table);
      if (!session.awaitRetry(reason)) {
        throw reason;
      }
    }
  }
}
