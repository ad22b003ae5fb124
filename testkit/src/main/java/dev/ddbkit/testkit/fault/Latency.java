package dev.ddbkit.testkit.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A distribution of added latency, sampled once per affected request from the proxy's seeded random source.
 *
 * <pre>{@code
 * Latency.fixed(Duration.ofMillis(5));
 * Latency.uniform(Duration.ofMillis(2), Duration.ofMillis(8));
 * Latency.logNormal(Duration.ofMillis(4), Duration.ofMillis(25)); // median 4 ms, p99 25 ms
 * }</pre>
 */
public abstract class Latency {

  Latency() {}

  /** Always {@code delay}. */
  public static Latency fixed(Duration delay) {
    requireNonNegative(delay, "delay");
    return new Latency() {
      @Override
      Duration sample(SplittableRandom random) {
        return delay;
      }

      @Override
      public String toString() {
        return "fixed(" + delay + ")";
      }
    };
  }

  /** Uniformly distributed between {@code min} and {@code max}, both included. */
  public static Latency uniform(Duration min, Duration max) {
    requireNonNegative(min, "min");
    requireNonNegative(max, "max");
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException("max (" + max + ") must not be less than min (" + min + ").");
    }
    long lo = min.toNanos();
    long span = max.toNanos() - lo;
    return new Latency() {
      @Override
      Duration sample(SplittableRandom random) {
        return Duration.ofNanos(lo + (span == 0 ? 0 : random.nextLong(span + 1)));
      }

      @Override
      public String toString() {
        return "uniform(" + min + ", " + max + ")";
      }
    };
  }

  /**
   * Log-normally distributed with the given median and 99th percentile, the usual shape of a network round
   * trip: most requests near the median, a long tail.
   */
  public static Latency logNormal(Duration median, Duration p99) {
    requireNonNegative(median, "median");
    if (median.isZero() || p99.compareTo(median) < 0) {
      throw new IllegalArgumentException(
          "median (" + median + ") must be positive and p99 (" + p99 + ") must not be less than it.");
    }
    double mu = Math.log(median.toNanos());
    double sigma = Math.log((double) p99.toNanos() / median.toNanos()) / 2.3263478740408408;
    return new Latency() {
      @Override
      Duration sample(SplittableRandom random) {
        double gaussian = gaussian(random);
        return Duration.ofNanos((long) Math.exp(mu + sigma * gaussian));
      }

      @Override
      public String toString() {
        return "logNormal(median " + median + ", p99 " + p99 + ")";
      }
    };
  }

  abstract Duration sample(SplittableRandom random);

  private static double gaussian(SplittableRandom random) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  private static void requireNonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative but was " + d + ".");
    }
  }
}
