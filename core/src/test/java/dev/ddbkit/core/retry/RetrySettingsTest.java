package dev.ddbkit.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RetrySettingsTest {

  @Test
  void defaults_areDocumented() {
    RetrySettings d = RetrySettings.defaults();

    assertThat(d.maxAttempts()).isEqualTo(8);
    assertThat(d.backoff().base()).isEqualTo(Duration.ofMillis(25));
    assertThat(d.backoff().cap()).isEqualTo(Duration.ofSeconds(2));
    // 25 + 50 + 100 + 200 + 400 + 800 + 1600 ms
    assertThat(d.worstCaseDelay()).isEqualTo(Duration.ofMillis(3175));
  }

  @Test
  void zeroAttempts_isRejectedNamingMaxAttempts() {
    assertThatThrownBy(() -> RetrySettings.builder().maxAttempts(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("maxAttempts must be at least 1 but was 0.")
        .extracting(e -> ((InvalidInputException) e).argument()).isEqualTo("maxAttempts");
  }

  @Test
  void nonPositiveDelays_areRejectedNamingTheDelay() {
    assertThatThrownBy(() -> RetrySettings.builder().baseDelay(Duration.ofMillis(-5)))
        .hasMessageContaining("baseDelay must be positive");
    assertThatThrownBy(() -> RetrySettings.builder().baseDelay(Duration.ZERO)).hasMessageContaining("baseDelay");
    assertThatThrownBy(() -> RetrySettings.builder().maxDelay(Duration.ofSeconds(-1)))
        .hasMessageContaining("maxDelay must be positive");
    assertThatThrownBy(() -> RetrySettings.builder().baseDelay(null)).hasMessage("baseDelay must not be null.");
  }

  @Test
  void maxDelayBelowBaseDelay_isRejectedAtBuild() {
    assertThatThrownBy(() -> RetrySettings.builder().baseDelay(Duration.ofSeconds(3)).maxDelay(Duration.ofSeconds(1)).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("maxDelay (PT1S) must be at least baseDelay (PT3S)");
  }

  @Test
  void toBuilder_roundTrips() {
    RetrySettings s = RetrySettings.builder().maxAttempts(3).baseDelay(Duration.ofMillis(10)).build();

    RetrySettings copy = s.toBuilder().build();

    assertThat(copy.maxAttempts()).isEqualTo(3);
    assertThat(copy.backoff().base()).isEqualTo(Duration.ofMillis(10));
    assertThat(copy.retryOn()).isSameAs(s.retryOn());
  }

  @Test
  void defaultRandom_drawnFromManyThreads_staysWithinBoundsAndNeverRepeatsAcrossThreads() throws Exception {
    RetrySettings settings = RetrySettings.defaults();
    Backoff backoff = settings.backoff();
    int threads = 8;
    int draws = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<Long>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          start.await();
          List<Long> raw = new ArrayList<>(draws);
          for (int i = 0; i < draws; i++) {
            int retry = 1 + (i % 10);
            Duration delay = backoff.delay(retry, settings.random());
            assertThat(delay).isBetween(Duration.ZERO, backoff.cap());
            raw.add(settings.random().nextLong());
          }
          return raw;
        }));
      }
      start.countDown();
      Set<Long> seen = new HashSet<>();
      int total = 0;
      for (Future<List<Long>> f : futures) {
        List<Long> raw = f.get(60, TimeUnit.SECONDS);
        total += raw.size();
        seen.addAll(raw);
      }
      // A generator shared unsafely hands the same state to racing threads and repeats 64-bit values.
      assertThat(seen).hasSize(total);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void defaultRandom_isSharedByCopiesAndDescribesItself() {
    assertThat(RetrySettings.builder().build().random()).isSameAs(RetrySettings.defaults().random());
    assertThat(RetrySettings.defaults().random().toString()).isEqualTo("ThreadLocalRandom.current()");
  }
}
