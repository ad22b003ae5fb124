package dev.ddbkit.benchmarks.internal;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of one measured operation, in nanoseconds. */
public final class Samples {
  private long[] nanos = new long[256];
  private int size;

  /** Adds one latency. */
  public void add(long latencyNanos) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = latencyNanos;
  }

  /** How many latencies were added. */
  public int count() {
    return size;
  }

  /** The nearest-rank percentile {@code p} (0 < p <= 100) in nanoseconds; 0 when empty. */
  public long percentile(double p) {
    if (size == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size, rank) - 1)];
  }

  /** The median in nanoseconds. */
  public long median() {
    return percentile(50);
  }

  /** The 99th percentile in nanoseconds. */
  public long p99() {
    return percentile(99);
  }

  /** Formats nanoseconds as milliseconds with two decimals. */
  public static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }

  /** {@code a / b} as {@code 1.03x}. */
  public static String ratio(double a, double b) {
    if (b == 0) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.2fx", a / b);
  }
}
