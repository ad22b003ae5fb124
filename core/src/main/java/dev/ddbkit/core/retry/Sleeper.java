package dev.ddbkit.core.retry;

import java.time.Duration;

/** Waits between attempts. Tests pass a recording sleeper to check delays without sleeping. */
@FunctionalInterface
public interface Sleeper {

  /** Waits for {@code duration}; throws if interrupted. */
  void sleep(Duration duration) throws InterruptedException;

  /** A sleeper that calls {@link Thread#sleep(long)}. */
  static Sleeper system() {
    return d -> {
      if (!d.isZero() && !d.isNegative()) {
        Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
      }
    };
  }
}
