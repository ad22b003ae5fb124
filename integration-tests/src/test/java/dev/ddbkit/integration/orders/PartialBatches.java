package dev.ddbkit.integration.orders;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * A real client whose {@code BatchGetItem} behaves as DynamoDB does under load: the first {@code partialCalls}
 * calls read only the first half of their keys and hand the rest back as {@code UnprocessedKeys}.
 */
final class PartialBatches {
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger largestCall = new AtomicInteger();
  private final DynamoDbClient client;

  PartialBatches(DynamoDbClient delegate, int partialCalls) {
    this.client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("batchGetItem") && args.length == 1
              && args[0] instanceof BatchGetItemRequest request) {
            int call = calls.incrementAndGet();
            return call <= partialCalls ? partial(delegate, request) : record(delegate, request);
          }
          try {
            return method.invoke(delegate, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private BatchGetItemResponse record(DynamoDbClient delegate, BatchGetItemRequest request) {
    largestCall.accumulateAndGet(request.requestItems().values().stream().mapToInt(k -> k.keys().size()).sum(),
        Math::max);
    return delegate.batchGetItem(request);
  }

  private BatchGetItemResponse partial(DynamoDbClient delegate, BatchGetItemRequest request) {
    Map.Entry<String, KeysAndAttributes> only = request.requestItems().entrySet().iterator().next();
    List<Map<String, AttributeValue>> keys = only.getValue().keys();
    int half = Math.max(1, keys.size() / 2);
    if (keys.size() == 1) {
      // nothing processed at all: DynamoDB may return every key unprocessed
      return BatchGetItemResponse.builder().responses(Map.of())
          .unprocessedKeys(Map.of(only.getKey(), only.getValue())).build();
    }
    BatchGetItemResponse processed = record(delegate, request.toBuilder().requestItems(Map.of(only.getKey(),
        only.getValue().toBuilder().keys(keys.subList(0, half)).build())).build());
    return processed.toBuilder().unprocessedKeys(Map.of(only.getKey(),
        only.getValue().toBuilder().keys(keys.subList(half, keys.size())).build())).build();
  }

  DynamoDbClient client() {
    return client;
  }

  int calls() {
    return calls.get();
  }

  int largestCall() {
    return largestCall.get();
  }
}
