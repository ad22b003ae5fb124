package dev.ddbkit.benchmarks.jmh;

import dev.ddbkit.metrics.sharding.MetricKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A {@link DynamoDbAsyncClient} that answers Query from pre-built, sorted shard items held in memory, so that
 * the merge is measured without any network or server.
 */
final class InMemoryShards implements DynamoDbAsyncClient {
  private final Map<String, List<Map<String, AttributeValue>>> shards = new HashMap<>();

  /** {@code perShard} points of {@code metric} in each of {@code shardCount} shards, interleaved in time. */
  InMemoryShards(String metric, int shardCount, int perShard, Instant base) {
    for (int s = 0; s < shardCount; s++) {
      List<Map<String, AttributeValue>> items = new ArrayList<>(perShard);
      for (int i = 0; i < perShard; i++) {
        Instant ts = base.plusMillis((long) i * shardCount + s);
        String id = String.format("%016x", (long) s * perShard + i);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("metric_shard", AttributeValue.fromS(MetricKeys.shardKey(metric, s)));
        item.put("timestamp", AttributeValue.fromS(MetricKeys.sortKey(ts, id)));
        item.put("metric_name", AttributeValue.fromS(metric));
        item.put("value", AttributeValue.fromN(Integer.toString(i % 100)));
        item.put("expires_at", AttributeValue.fromN("1900000000"));
        items.add(item);
      }
      shards.put(MetricKeys.shardKey(metric, s), items);
    }
  }

  @Override
  public CompletableFuture<QueryResponse> query(QueryRequest request) {
    String shard = request.expressionAttributeValues().values().stream().map(AttributeValue::s)
        .filter(shards::containsKey).findFirst().orElseThrow();
    List<Map<String, AttributeValue>> items = shards.get(shard);
    boolean forward = !Boolean.FALSE.equals(request.scanIndexForward());
    int start = 0;
    if (request.hasExclusiveStartKey() && !request.exclusiveStartKey().isEmpty()) {
      String after = request.exclusiveStartKey().get("timestamp").s();
      int i = indexOf(items, after);
      start = i + 1;
    }
    int limit = request.limit() == null ? items.size() : request.limit();
    List<Map<String, AttributeValue>> page = new ArrayList<>(limit);
    for (int i = start; i < items.size() && page.size() < limit; i++) {
      page.add(items.get(forward ? i : items.size() - 1 - i));
    }
    QueryResponse.Builder r = QueryResponse.builder().items(page).count(page.size());
    if (start + page.size() < items.size() && !page.isEmpty()) {
      Map<String, AttributeValue> last = page.get(page.size() - 1);
      r.lastEvaluatedKey(Map.of("metric_shard", last.get("metric_shard"), "timestamp", last.get("timestamp")));
    }
    return CompletableFuture.completedFuture(r.build());
  }

  private static int indexOf(List<Map<String, AttributeValue>> items, String sortKey) {
    int lo = 0;
    int hi = items.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = items.get(mid).get("timestamp").s().compareTo(sortKey);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return lo - 1;
  }

  @Override
  public String serviceName() {
    return "dynamodb";
  }

  @Override
  public void close() {}
}
