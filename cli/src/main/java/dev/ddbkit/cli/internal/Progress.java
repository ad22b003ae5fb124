package dev.ddbkit.cli.internal;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of a long phase on the error stream, so that stdout keeps only the report. A line with the count,
 * the share done and the rate is written every {@link #INTERVAL} while the phase runs, whether or not the
 * count moved (so there is no silent wait), and a last line with the total rate when it ends; on a terminal
 * the line updates in place.
 */
public final class Progress implements AutoCloseable {
  /** How often a line is written while the phase runs. */
  public static final Duration INTERVAL = Duration.ofSeconds(1);

  private final PrintWriter err;
  private final String label;
  private final long total;
  private final boolean terminal;
  private final boolean enabled;
  private final long startNanos = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private final ScheduledExecutorService ticker;
  private boolean finished;

  private Progress(PrintWriter err, String label, long total, boolean terminal, boolean enabled) {
    this.err = err;
    this.label = label;
    this.total = Math.max(1, total);
    this.terminal = terminal;
    this.enabled = enabled;
    if (enabled) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ddbkit-cli-progress");
        t.setDaemon(true);
        return t;
      });
      ticker.scheduleAtFixedRate(this::tick, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    } else {
      ticker = null;
    }
  }

  /** Progress of {@code total} units of {@code label}; writes nothing when {@code enabled} is false. */
  public static Progress start(PrintWriter err, String label, long total, boolean enabled) {
    return new Progress(err, label, total, System.console() != null, enabled);
  }

  /** Reports that {@code count} units are complete; thread-safe. */
  public void update(long count) {
    done.set(count);
  }

  /** Reports one more unit complete; thread-safe. */
  public void increment() {
    done.incrementAndGet();
  }

  private synchronized void tick() {
    if (!finished) {
      write(false);
    }
  }

  /** Ends the phase with a line of the total count, time and rate. */
  public synchronized void done() {
    if (finished) {
      return;
    }
    finished = true;
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (enabled) {
      write(true);
    }
  }

  @Override
  public void close() {
    done();
  }

  /** The line for {@code count} units after {@code elapsed}: {@code label 3,000/10,000 (30%) 1.0 s, 2,950/s}. */
  static String line(String label, long count, long total, Duration elapsed) {
    double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
    return String.format(Locale.ROOT, "%s %,d/%,d (%d%%) %s, %,.0f/s", label, count, total,
        Math.min(100, count * 100 / Math.max(1, total)), Percentiles.format(elapsed), count / seconds);
  }

  private void write(boolean last) {
    String text = line(label, done.get(), total, Duration.ofNanos(System.nanoTime() - startNanos));
    if (terminal) {
      err.print("\r  " + text);
      if (last) {
        err.println();
      }
    } else {
      err.println("  " + text);
    }
    err.flush();
  }
}
