package dev.ddbkit.integration.dax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.dax.DaxAwareAsyncClient;
import dev.ddbkit.dax.DaxAwareClient;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Many callers arriving together at start-up while the DAX node accepts connections but never answers: they
 * share one creation of the DAX client, so none waits longer than about the connect timeout.
 */
@DynamoDbLocalTest
class SilentDaxConcurrentStartIT {
  private static final Logger LOG = LoggerFactory.getLogger(SilentDaxConcurrentStartIT.class);
  private static final int CALLERS = 8;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

  private static Map<String, AttributeValue> key() {
    return Map.of("customer_id", AttributeValue.fromS("c1"), "order_id", AttributeValue.fromS("o1"));
  }

  private static void putOrder(DynamoDbClient ddb, String table) {
    ddb.putItem(p -> p.tableName(table).item(Map.of(
        "customer_id", AttributeValue.fromS("c1"),
        "order_id", AttributeValue.fromS("o1"),
        "order_date", AttributeValue.fromS("2026-01-01"),
        "status", AttributeValue.fromS("PENDING"))));
  }

  @Test
  void concurrentFirstReads_throughSilentDax_eachAddAtMostTheConnectTimeout(DynamoDbClient ddb, TestTables tables)
      throws Exception {
    String table = tables.ensure(SeedTables.orders()).name();
    putOrder(ddb, table);
    ddb.getItem(g -> g.tableName(table).key(key()));
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    // a loopback socket that completes TCP handshakes (kernel backlog) but never answers: a hung DAX node
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        DaxAwareClient client = DaxAwareClient.builder()
            .dynamoDb(ddb)
            .daxEndpoint("dax://127.0.0.1:" + silent.getLocalPort())
            .connectTimeout(CONNECT_TIMEOUT)
            .build()) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Duration>> calls = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        calls.add(pool.submit(() -> {
          go.await();
          long start = System.nanoTime();
          GetItemResponse response = client.getItem(g -> g.tableName(table).key(key()));
          assertThat(response.item()).containsEntry("status", AttributeValue.fromS("PENDING"));
          return Duration.ofNanos(System.nanoTime() - start);
        }));
      }
      go.countDown();
      for (Future<Duration> call : calls) {
        Duration took = call.get(60, TimeUnit.SECONDS);
        LOG.info("A concurrent first call through a silent DAX took {}", took);
        // bound demanded by the issue, with a generous margin for a busy machine (it includes the DynamoDB
        // call); callers queueing behind one another's creation would take about CALLERS x connect timeout
        assertThat(took).isLessThan(CONNECT_TIMEOUT.plusSeconds(2));
      }
      assertThat(client.health().counts().readFallbacks() + client.health().counts().circuitOpenRequests())
          .isEqualTo(CALLERS);
      assertThat(client.health().counts().daxAnswers()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentFirstAsyncReads_throughSilentDax_neverBlockTheCaller(DynamoDbClient ddb, DynamoDbAsyncClient async,
      TestTables tables) throws Exception {
    String table = tables.ensure(SeedTables.orders()).name();
    putOrder(ddb, table);
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        DaxAwareAsyncClient client = DaxAwareAsyncClient.builder()
            .dynamoDb(async)
            .daxEndpoint("dax://127.0.0.1:" + silent.getLocalPort())
            .connectTimeout(CONNECT_TIMEOUT)
            .build()) {
      List<CompletableFuture<GetItemResponse>> calls = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < CALLERS; i++) {
        calls.add(client.getItem(g -> g.tableName(table).key(key())));
      }
      Duration callerBlocked = Duration.ofNanos(System.nanoTime() - start);
      LOG.info("Starting {} async calls through a silent DAX blocked the caller for {}", CALLERS, callerBlocked);

      for (CompletableFuture<GetItemResponse> call : calls) {
        assertThat(call.get(60, TimeUnit.SECONDS).item()).containsEntry("status", AttributeValue.fromS("PENDING"));
      }
      // the caller never waits for the DAX client's creation: well under one connect timeout for all calls
      assertThat(callerBlocked).isLessThan(CONNECT_TIMEOUT);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CONNECT_TIMEOUT.plusSeconds(2));
      assertThat(client.health().counts().readFallbacks() + client.health().counts().circuitOpenRequests())
          .isEqualTo(CALLERS);
    }
  }
}
