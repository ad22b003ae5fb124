package dev.ddbkit.integration.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * SDK interceptors that inject DynamoDB faults for the metrics tests (the testkit's HTTP fault proxy had not
 * landed when these were written): items moved into {@code UnprocessedItems}, throttling errors, a failing
 * shard, and a Query counter.
 */
final class FaultInterceptors {
  /** Partition key of the sentinel item {@link BatchFaults} writes when it strips a whole request. */
  static final String SENTINEL_SHARD = "fault-sentinel#0";

  private FaultInterceptors() {}

  /** Throttles the first {@code count} requests of {@code type}. */
  static final class ThrottleFirst implements ExecutionInterceptor {
    private final Class<?> type;
    private final AtomicInteger remaining;
    final AtomicInteger throttled = new AtomicInteger();

    ThrottleFirst(Class<?> type, int count) {
      this.type = type;
      this.remaining = new AtomicInteger(count);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (type.isInstance(context.request()) && remaining.getAndDecrement() > 0) {
        throttled.incrementAndGet();
        throw throttling();
      }
    }
  }

  static ProvisionedThroughputExceededException throttling() {
    return (ProvisionedThroughputExceededException) ProvisionedThroughputExceededException.builder()
        .statusCode(400)
        .message("injected throttling")
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
            .errorMessage("injected throttling").build())
        .build();
  }

  /** Counts Query requests, in total and per {@code metric_shard} value. */
  static final class QueryCounter implements ExecutionInterceptor {
    final AtomicInteger total = new AtomicInteger();
    final Map<String, AtomicInteger> perShard = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof QueryRequest q) {
        total.incrementAndGet();
        perShard.computeIfAbsent(shardOf(q), k -> new AtomicInteger()).incrementAndGet();
      }
    }

    void reset() {
      total.set(0);
      perShard.clear();
    }
  }

  /** Fails every Query of one shard that continues a previous page, i.e. the shard fails mid-read. */
  static final class FailShardMidRead implements ExecutionInterceptor {
    private final String shardKey;
    final AtomicInteger failures = new AtomicInteger();

    FailShardMidRead(String shardKey) {
      this.shardKey = shardKey;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof QueryRequest q && shardKey.equals(shardOf(q))
          && q.hasExclusiveStartKey() && !q.exclusiveStartKey().isEmpty()) {
        failures.incrementAndGet();
        throw DynamoDbException.builder()
            .statusCode(500)
            .message("injected failure of " + shardKey)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError")
                .errorMessage("injected failure of " + shardKey).build())
            .build();
      }
    }
  }

  /**
   * Moves items out of BatchWriteItem requests and reports them as unprocessed, and throttles whole requests.
   * {@code stripWhile} decides, per item, whether it is moved; {@code rounds} caps how many requests are
   * altered; every {@code throttleEvery}-th request fails with ProvisionedThroughputExceededException.
   */
  static final class BatchFaults implements ExecutionInterceptor {
    private static final ExecutionAttribute<List<WriteRequest>> STRIPPED = new ExecutionAttribute<>("stripped");
    private final Predicate<Map<String, AttributeValue>> strip;
    private final int rounds;
    private final int throttleEvery;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger strippedItems = new AtomicInteger();
    final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger altered = new AtomicInteger();

    BatchFaults(Predicate<Map<String, AttributeValue>> strip, int rounds, int throttleEvery) {
      this.strip = strip;
      this.rounds = rounds;
      this.throttleEvery = throttleEvery;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof BatchWriteItemRequest) {
        int n = requests.incrementAndGet();
        if (throttleEvery > 0 && n % throttleEvery == 0) {
          throttled.incrementAndGet();
          throw throttling();
        }
      }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
      if (!(context.request() instanceof BatchWriteItemRequest request) || altered.get() >= rounds) {
        return context.request();
      }
      Map<String, List<WriteRequest>> kept = new HashMap<>();
      List<WriteRequest> stripped = new ArrayList<>();
      request.requestItems().forEach((table, writes) -> {
        List<WriteRequest> keep = new ArrayList<>();
        for (WriteRequest w : writes) {
          (strip.test(w.putRequest().item()) ? stripped : keep).add(w);
        }
        if (keep.isEmpty()) {
          // BatchWriteItem needs at least one item: send a sentinel in a partition no metric uses
          keep.add(WriteRequest.builder().putRequest(r -> r.item(Map.of(
              "metric_shard", AttributeValue.fromS(SENTINEL_SHARD),
              "timestamp", AttributeValue.fromS("sentinel")))).build());
        }
        kept.put(table, keep);
      });
      if (stripped.isEmpty()) {
        return request;
      }
      altered.incrementAndGet();
      strippedItems.addAndGet(stripped.size());
      attributes.putAttribute(STRIPPED, stripped);
      return request.toBuilder().requestItems(kept).build();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
      List<WriteRequest> stripped = attributes.getAttribute(STRIPPED);
      if (stripped == null || !(context.response() instanceof BatchWriteItemResponse response)) {
        return context.response();
      }
      String table = context.request() instanceof BatchWriteItemRequest r
          ? r.requestItems().keySet().iterator().next() : "";
      Map<String, List<WriteRequest>> unprocessed = new HashMap<>(response.unprocessedItems());
      List<WriteRequest> all = new ArrayList<>(unprocessed.getOrDefault(table, List.of()));
      all.addAll(stripped);
      unprocessed.put(table, all);
      return response.toBuilder().unprocessedItems(unprocessed).build();
    }
  }

  static String shardOf(QueryRequest q) {
    AttributeValue v = q.expressionAttributeValues().get(":shard");
    return v == null ? "" : v.s();
  }
}
