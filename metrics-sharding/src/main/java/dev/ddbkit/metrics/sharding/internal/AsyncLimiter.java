package dev.ddbkit.metrics.sharding.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Runs at most {@code permits} asynchronous calls at once; the rest wait in FIFO order without blocking. */
public final class AsyncLimiter {
  private final Queue<Runnable> waiting = new ArrayDeque<>();
  private int permits;

  /** A limiter with {@code permits} concurrent calls. */
  public AsyncLimiter(int permits) {
    this.permits = permits;
  }

  /** Starts {@code call} when a permit is free; the returned future completes with its outcome. */
  public <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> call) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Runnable task = () -> {
      if (result.isDone()) {
        release();
        return;
      }
      CompletableFuture<T> started;
      try {
        started = call.get();
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        release();
        return;
      }
      result.whenComplete((r, e) -> {
        if (result.isCancelled()) {
          started.cancel(true);
        }
      });
      started.whenComplete((r, e) -> {
        if (e != null) {
          result.completeExceptionally(e);
        } else {
          result.complete(r);
        }
        release();
      });
    };
    boolean runNow;
    synchronized (this) {
      runNow = permits > 0;
      if (runNow) {
        permits--;
      } else {
        waiting.add(task);
      }
    }
    if (runNow) {
      task.run();
    }
    return result;
  }

  private void release() {
    Runnable next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        permits++;
      }
    }
    if (next != null) {
      next.run();
    }
  }
}
