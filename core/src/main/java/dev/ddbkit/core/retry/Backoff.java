package dev.ddbkit.core.retry;

import dev.ddbkit.core.error.Require;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter, as in AWS's "Exponential Backoff and Jitter": the wait before retry
 * {@code n} (1-based) is uniform in {@code [0, min(cap, base * 2^(n-1))]}.
 *
 * <pre>{@code
 * Backoff backoff = Backoff.fullJitter(Duration.ofMillis(25), Duration.ofSeconds(2));
 * Duration wait = backoff.delay(3, random);   // somewhere in [0, 100 ms]
 * }</pre>
 */
public final class Backoff {
  private final Duration base;
  private final Duration cap;

  private Backoff(Duration base, Duration cap) {
    this.base = base;
    this.cap = cap;
  }

  /** Full-jitter backoff with the given base delay and cap. */
  public static Backoff fullJitter(Duration base, Duration cap) {
    Require.nonNull(base, "baseDelay");
    Require.nonNull(cap, "maxDelay");
    Require.argument(!base.isNegative() && !base.isZero(), "baseDelay", "baseDelay must be positive but was " + base + ".");
    Require.argument(cap.compareTo(base) >= 0, "maxDelay",
        "maxDelay must be at least baseDelay (" + base + ") but was " + cap + ".");
    return new Backoff(base, cap);
  }

  /** The base delay. */
  public Duration base() {
    return base;
  }

  /** The cap on any single delay. */
  public Duration cap() {
    return cap;
  }

  /** The upper bound of the delay before retry {@code retry} (1-based): {@code min(cap, base * 2^(retry-1))}. */
  public Duration ceiling(int retry) {
    int shift = Math.max(0, Math.min(retry - 1, 30));
    long nanos = base.toNanos();
    long ceiling = nanos > (cap.toNanos() >> shift) ? cap.toNanos() : Math.min(cap.toNanos(), nanos << shift);
    return Duration.ofNanos(ceiling);
  }

  /** The jittered delay before retry {@code retry} (1-based), drawn from {@code random}. */
  public Duration delay(int retry, RandomGenerator random) {
    long ceiling = ceiling(retry).toNanos();
    return Duration.ofNanos(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
  }

  /** The sum of the ceilings of retries {@code 1..retries}: the worst-case total wait. */
  public Duration worstCaseTotal(int retries) {
    Duration total = Duration.ZERO;
    for (int i = 1; i <= retries; i++) {
      total = total.plus(ceiling(i));
    }
    return total;
  }

  @Override
  public String toString() {
    return "Backoff.fullJitter(base=" + base + ", cap=" + cap + ")";
  }
}
