package dev.ddbkit.cli.internal;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long phase on the error stream, so that stdout keeps only the report: an updating line
 * on a terminal, otherwise one line per quarter.
 */
public final class Progress {
  private final PrintWriter err;
  private final String label;
  private final long total;
  private final boolean terminal;
  private final boolean enabled;
  private int lastQuarter = 0;
  private long lastDraw = 0;

  private Progress(PrintWriter err, String label, long total, boolean terminal, boolean enabled) {
    this.err = err;
    this.label = label;
    this.total = Math.max(1, total);
    this.terminal = terminal;
    this.enabled = enabled;
  }

  /** Progress of {@code total} units of {@code label}. */
  public static Progress start(PrintWriter err, String label, long total, boolean enabled) {
    return new Progress(err, label, total, System.console() != null, enabled);
  }

  /** Reports that {@code done} units are complete; thread-safe. */
  public synchronized void update(long done) {
    if (!enabled) {
      return;
    }
    int percent = (int) Math.min(100, done * 100 / total);
    if (terminal) {
      long now = System.nanoTime();
      if (now - lastDraw > 100_000_000L || done >= total) {
        lastDraw = now;
        err.print(String.format(Locale.ROOT, "\r  %s %,d/%,d (%d%%)", label, done, total, percent));
        err.flush();
      }
    } else if (percent / 25 > lastQuarter) {
      lastQuarter = percent / 25;
      err.println(String.format(Locale.ROOT, "  %s %,d/%,d (%d%%)", label, done, total, percent));
      err.flush();
    }
  }

  /** Ends the progress line. */
  public synchronized void done() {
    if (enabled && terminal) {
      err.println();
      err.flush();
    }
  }
}
