package dev.ddbkit.metrics.sharding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AsyncLimiterTest {

  @Test
  void submit_beyondPermits_waitsUntilAnEarlierCallCompletes() {
    AsyncLimiter limiter = new AsyncLimiter(3);
    List<CompletableFuture<Integer>> started = new ArrayList<>();
    List<CompletableFuture<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      results.add(limiter.submit(() -> {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        started.add(f);
        return f;
      }));
    }
    assertThat(started).hasSize(3);

    started.get(0).complete(0);
    assertThat(results.get(0)).isCompletedWithValue(0);
    assertThat(started).hasSize(4);

    started.get(1).completeExceptionally(new IllegalStateException("boom"));
    assertThat(results.get(1)).isCompletedExceptionally();
    assertThat(started).hasSize(5);
  }

  @Test
  void cancelledWaitingCall_isNeverStarted() {
    AsyncLimiter limiter = new AsyncLimiter(1);
    List<CompletableFuture<Integer>> started = new ArrayList<>();
    CompletableFuture<Integer> first = limiter.submit(() -> {
      CompletableFuture<Integer> f = new CompletableFuture<>();
      started.add(f);
      return f;
    });
    CompletableFuture<Integer> second = limiter.submit(() -> {
      CompletableFuture<Integer> f = new CompletableFuture<>();
      started.add(f);
      return f;
    });
    second.cancel(true);
    started.get(0).complete(1);

    assertThat(first).isCompletedWithValue(1);
    assertThat(started).hasSize(1);
  }
}
