package dev.ddbkit.integration.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.retry.DdbkitRetry;
import dev.ddbkit.core.retry.RetrySettings;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.testkit.fault.FaultCounters;
import dev.ddbkit.testkit.fault.FaultKind;
import dev.ddbkit.testkit.fault.FaultProxy;
import dev.ddbkit.testkit.fault.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Retry storms: every request is throttled until the storm has thrown back a fixed number of requests (a
 * period measured in requests, so the test needs no clock), while writers keep going on one shared client.
 * Clients back off (the SDK's bounded attempts, then ddbkit's jittered outer retry), nothing is lost when the
 * storm ends, attempts stay within their bounds and no thread is left behind.
 */
@DynamoDbLocalTest
class RetryStormIT {
  private static final Logger LOG = LoggerFactory.getLogger(RetryStormIT.class);

  @Test
  void throttlingStorm_standardRetries_backOffWithinBounds_andRecoverWithNothingLost(DynamoDbLocal local,
      TestTables tables) throws Exception {
    ClientSettings standard = local.clientSettings().toBuilder()
        .retryMode(ClientSettings.RetryMode.STANDARD).build();
    storm(local, tables, standard, 8, 10, 80);
  }

  @Test
  void throttlingStorm_adaptiveRetries_rateLimitTheClient_andRecoverWithNothingLost(DynamoDbLocal local,
      TestTables tables) throws Exception {
    // ADAPTIVE_V2 (the default) also slows the whole client down after throttling and speeds it up again
    // slowly: a short storm keeps this test short
    storm(local, tables, local.clientSettings(), 2, 5, 4);
  }

  private void storm(DynamoDbLocal local, TestTables tables, ClientSettings base, int writers, int writesPerWriter,
      int stormRequests) throws Exception {
    String table = tables.ensure(SeedTables.inventory()).name();
    int threadsBefore = Thread.activeCount();
    RetrySettings outer = RetrySettings.builder().maxAttempts(8).build();
    AtomicInteger outerRetries = new AtomicInteger();
    AtomicInteger maxThreads = new AtomicInteger();
    try (FaultProxy proxy = FaultProxy.builder().target(local.endpoint()).seed(3)
        .rule(FaultRule.forAnyOperation().throttle(1.0).times(stormRequests)).start();
        DynamoDbClient client = DdbkitClients.newSyncClient(base.toBuilder().endpointOverride(proxy.endpoint())
            .build())) {
      AtomicInteger threadNumber = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(writers,
          r -> new Thread(r, "storm-writer-" + threadNumber.incrementAndGet()));
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(pool.submit(() -> {
          DdbkitRetry retry = DdbkitRetry.of("storm-" + writer, outer);
          for (int i = 0; i < writesPerWriter; i++) {
            String id = writer + "-" + i;
            DdbkitRetry.Session session = retry.session();
            maxThreads.accumulateAndGet(Thread.activeCount(), Math::max);
            while (true) {
              try {
                client.putItem(r -> r.tableName(table).item(Map.of("product_id", AttributeValue.fromS(id))));
                session.succeeded();
                break;
              } catch (RuntimeException e) {
                if (!session.awaitRetry(DdbkitErrors.translate(e, "PutItem", table))) {
                  throw new AssertionError("write " + id + " gave up after " + session.retries()
                      + " outer retries", e);
                }
                outerRetries.incrementAndGet();
              }
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

      FaultCounters counters = proxy.counters();
      int writes = writers * writesPerWriter;
      LOG.info("retry storm ({}): {} writes, {} requests, {} throttled, {} outer retries", base.retryMode(), writes,
          counters.requests("PutItem"), counters.injected(FaultKind.PROVISIONED_THROUGHPUT_EXCEEDED),
          outerRetries.get());
      assertThat(counters.injected(FaultKind.PROVISIONED_THROUGHPUT_EXCEEDED)).isEqualTo(stormRequests);
      assertThat(counters.forwarded("PutItem")).as("each write reached DynamoDB once").isEqualTo(writes);
      assertThat(counters.requests("PutItem")).as("attempts are bounded")
          .isEqualTo(writes + stormRequests)
          .isLessThanOrEqualTo((long) writes * base.maxAttempts() * outer.maxAttempts());
      assertThat(local.clients().sync().scan(s -> s.tableName(table).consistentRead(true)).count())
          .as("nothing lost").isEqualTo(writes);
    }
    // bounded by the writers and connections, far below one thread per request (or per retry)
    assertThat(maxThreads.get()).as("threads stay bounded during the storm")
        .isLessThanOrEqualTo(threadsBefore + 5 * writers + 16);
    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Thread.getAllStackTraces()
        .keySet()).as("no proxy or writer thread outlives the run").noneMatch(t -> t.getName().startsWith(
            "ddbkit-fault-proxy") || t.getName().startsWith("storm-writer")));
  }
}
