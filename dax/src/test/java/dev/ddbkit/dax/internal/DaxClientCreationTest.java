package dev.ddbkit.dax.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.metrics.MetricsHook;
import dev.ddbkit.dax.DaxBreakerSettings;
import dev.ddbkit.dax.DaxListener;
import dev.ddbkit.dax.DaxState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** The DAX client is created once, shared by all callers, and a slow or failed creation never piles up. */
class DaxClientCreationTest {
  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

  /** Stands for both sides: {@code name} tells which one answered. */
  record Side(String name) implements SdkAutoCloseable {
    @Override
    public void close() {}
  }

  static final class MutableClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  /** A factory that blocks like a hung DAX node, then fails. */
  static final class HangingFactory implements Supplier<Side> {
    final AtomicInteger attempts = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public Side get() {
      attempts.incrementAndGet();
      try {
        release.await(CONNECT_TIMEOUT.toMillis() * 4, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("DAX node does not answer");
    }
  }

  private static DaxRouter<Side> router(Supplier<Side> factory, DaxBreakerSettings breaker) {
    return DaxRouter.enabled(new Side("dynamodb"), factory, true, "dax://test", "dax", breaker,
        new DaxListener() {}, MetricsHook.noop(),
        (dax, executor) -> CompletableFuture.supplyAsync(dax, executor),
        Duration.ofMillis(200), CONNECT_TIMEOUT);
  }

  @Test
  void concurrentReads_whileCreationHangs_allFallBackWithinTheConnectTimeout_andCreateOnce() throws Exception {
    HangingFactory factory = new HangingFactory();
    int callers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try (DaxRouter<Side> router = router(factory, DaxBreakerSettings.builder()
        .slidingWindowSize(4).minimumCalls(4).build())) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<long[]>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(pool.submit(() -> {
          go.await();
          long start = System.nanoTime();
          String answeredBy = router.read("GetItem", "orders", Side::name);
          return new long[] {System.nanoTime() - start, answeredBy.equals("dynamodb") ? 1 : 0};
        }));
      }
      go.countDown();
      for (Future<long[]> r : results) {
        long[] outcome = r.get(30, TimeUnit.SECONDS);
        assertThat(outcome[1]).as("answered by DynamoDB").isEqualTo(1);
        // generous margin for a busy machine; without sharing, the 8th caller would wait about 8 x 4 x 500 ms
        assertThat(Duration.ofNanos(outcome[0])).isLessThan(CONNECT_TIMEOUT.plusSeconds(2));
      }
      assertThat(factory.attempts).hasValue(1);
      assertThat(router.health().counts().readFallbacks()).isEqualTo(callers);
      factory.release.countDown();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void asyncRead_whileCreationHangs_neverBlocksTheCaller_andFallsBack() throws Exception {
    HangingFactory factory = new HangingFactory();
    try (DaxRouter<Side> router = router(factory, DaxBreakerSettings.defaults())) {
      long start = System.nanoTime();
      CompletableFuture<Side> first = router.readAsync("GetItem", "orders",
          side -> CompletableFuture.completedFuture(side));
      CompletableFuture<Side> second = router.readAsync("GetItem", "orders",
          side -> CompletableFuture.completedFuture(side));
      Duration callerBlocked = Duration.ofNanos(System.nanoTime() - start);

      assertThat(callerBlocked).isLessThan(CONNECT_TIMEOUT);
      assertThat(first.get(10, TimeUnit.SECONDS).name()).isEqualTo("dynamodb");
      assertThat(second.get(10, TimeUnit.SECONDS).name()).isEqualTo("dynamodb");
      assertThat(factory.attempts).hasValue(1);
      factory.release.countDown();
    }
  }

  @Test
  void failedCreation_isRemembered_untilTheNextProbeTriesAgain() {
    AtomicInteger attempts = new AtomicInteger();
    AtomicReference<Boolean> daxUp = new AtomicReference<>(false);
    Supplier<Side> factory = () -> {
      attempts.incrementAndGet();
      if (!daxUp.get()) {
        throw new IllegalStateException("refused");
      }
      return new Side("dax");
    };
    MutableClock clock = new MutableClock();
    try (DaxRouter<Side> router = router(factory, DaxBreakerSettings.builder()
        .slidingWindowSize(3).minimumCalls(3).coolDown(Duration.ofSeconds(30)).clock(clock).build())) {
      for (int i = 0; i < 5; i++) {
        assertThat(router.read("GetItem", "orders", Side::name)).isEqualTo("dynamodb");
      }
      assertThat(attempts).as("a failed creation is not retried by every request").hasValue(1);
      assertThat(router.state()).isEqualTo(DaxState.OPEN);

      daxUp.set(true);
      clock.now.set(clock.now.get().plusSeconds(31));

      assertThat(router.read("GetItem", "orders", Side::name)).isEqualTo("dax");
      assertThat(attempts).as("the half-open probe started a new attempt").hasValue(2);
      assertThat(router.state()).isEqualTo(DaxState.CLOSED);
    }
  }

  @Test
  void failedWriteCreation_isNotSent_andGoesToDynamoDb() {
    try (DaxRouter<Side> router = router(() -> {
      throw new IllegalStateException("refused");
    }, DaxBreakerSettings.defaults())) {
      assertThat(router.write("PutItem", "orders", Side::name)).isEqualTo("dynamodb");
      assertThat(router.health().counts().writeFallbacks()).isEqualTo(1);
      assertThat(router.health().counts().daxFailures()).isEqualTo(1);
    }
  }
}
