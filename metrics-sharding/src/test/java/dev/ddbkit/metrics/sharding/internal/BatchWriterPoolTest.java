package dev.ddbkit.metrics.sharding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.metrics.sharding.BulkWriteResult;
import dev.ddbkit.metrics.sharding.MetricPoint;
import dev.ddbkit.metrics.sharding.ShardedMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;

/** Concurrent {@code putAll} callers share one bounded writer pool per {@link ShardedMetrics}. */
class BatchWriterPoolTest {

  /** Accepts every BatchWriteItem; records the thread that sent it. */
  static final class AcceptingClient implements DynamoDbAsyncClient {
    final Set<String> senderThreads = ConcurrentHashMap.newKeySet();

    @Override
    public CompletableFuture<BatchWriteItemResponse> batchWriteItem(BatchWriteItemRequest request) {
      senderThreads.add(Thread.currentThread().getName());
      return CompletableFuture.completedFuture(BatchWriteItemResponse.builder().build());
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }

  @Test
  void concurrentPutAllCallers_useAtMostWriteConcurrencyThreadsTogether() throws Exception {
    AcceptingClient client = new AcceptingClient();
    ShardedMetrics metrics = ShardedMetrics.create(client, "metrics-test", c -> c.shardCount(4).writeConcurrency(2));
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      List<Future<BulkWriteResult>> results = new ArrayList<>();
      for (int caller = 0; caller < 4; caller++) {
        int c = caller;
        results.add(callers.submit(() -> {
          List<MetricPoint> points = new ArrayList<>();
          for (int i = 0; i < 200; i++) {
            points.add(MetricPoint.of("m" + c, Instant.parse("2024-01-15T10:00:00Z").plusMillis(i), i));
          }
          return metrics.putAll(points);
        }));
      }
      for (Future<BulkWriteResult> r : results) {
        assertThat(r.get().written()).hasSize(200);
      }
    } finally {
      callers.shutdownNow();
    }
    assertThat(client.senderThreads).isNotEmpty().hasSizeLessThanOrEqualTo(2)
        .allMatch(n -> n.startsWith("ddbkit-metrics-writer-"));
  }

  @Test
  void close_endsEveryWriterThreadAndRefusesFurtherWrites() {
    AcceptingClient client = new AcceptingClient();
    ShardedMetrics metrics = ShardedMetrics.create(client, "metrics-test", c -> c.shardCount(4).writeConcurrency(3));
    List<MetricPoint> points = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      points.add(MetricPoint.of("m", Instant.parse("2024-01-15T10:00:00Z").plusMillis(i), i));
    }
    metrics.putAll(points);
    assertThat(client.senderThreads).isNotEmpty();

    metrics.close();

    Set<String> alive = new java.util.HashSet<>();
    Thread.getAllStackTraces().keySet().forEach(t -> alive.add(t.getName()));
    assertThat(alive).doesNotContainAnyElementsOf(client.senderThreads);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> metrics.putAll(points))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }
}
