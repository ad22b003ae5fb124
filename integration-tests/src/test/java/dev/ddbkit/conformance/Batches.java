package dev.ddbkit.conformance;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Batch writes that re-send unprocessed items (DynamoDB may leave some unprocessed when throttled). */
final class Batches {
  private Batches() {}

  static void writeAll(DynamoDbClient client, Map<String, List<WriteRequest>> requests) {
    Map<String, List<WriteRequest>> pending = requests;
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      if (attempt == 50) {
        throw new IllegalStateException("BatchWriteItem left items unprocessed 50 times: " + pending.keySet());
      }
      Map<String, List<WriteRequest>> send = pending;
      BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(send));
      pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
    }
  }
}
