package dev.ddbkit.cli.internal;

import java.time.Duration;
import java.util.Arrays;

/** Nearest-rank percentiles of recorded durations; enough for a report, no histogram library needed. */
public final class Percentiles {
  private Percentiles() {}

  /**
   * The {@code p}-th percentile ({@code 0 < p <= 100}) of {@code nanos} by the nearest-rank method, or
   * {@link Duration#ZERO} for no values.
   */
  public static Duration of(long[] nanos, double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("p must be in (0, 100] but was " + p + ".");
    }
    if (nanos.length == 0) {
      return Duration.ZERO;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return Duration.ofNanos(sorted[Math.max(0, rank - 1)]);
  }

  /** A duration for a report: {@code 850µs}, {@code 12.3ms}, {@code 1.42s}. */
  public static String format(Duration d) {
    long n = d.toNanos();
    if (n < 1_000_000) {
      return (n / 1_000) + "µs";
    }
    if (n < 100_000_000) {
      return String.format(java.util.Locale.ROOT, "%.1fms", n / 1e6);
    }
    if (n < 1_000_000_000) {
      return (n / 1_000_000) + "ms";
    }
    return String.format(java.util.Locale.ROOT, "%.2fs", n / 1e9);
  }
}
