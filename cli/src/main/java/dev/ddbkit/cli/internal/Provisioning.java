package dev.ddbkit.cli.internal;

import dev.ddbkit.core.table.EnsureResult;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.core.table.TableManager;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@link TableManager#ensure} for a list of tables with progress per table on the error stream: the table
 * being worked on, a line every {@link #HEARTBEAT} while DynamoDB creates it (minutes on AWS), and what was
 * done once it is ACTIVE.
 */
final class Provisioning {
  /** How often a line says that the current table is still being worked on. */
  static final Duration HEARTBEAT = Duration.ofSeconds(2);

  private Provisioning() {}

  static List<EnsureResult> ensureAll(TableManager manager, List<TableDefinition> tables, PrintWriter err,
      boolean progress) {
    List<EnsureResult> results = new ArrayList<>();
    int n = 0;
    for (TableDefinition t : tables) {
      n++;
      String label = String.format(Locale.ROOT, "  [%d/%d] %s", n, tables.size(), t.name());
      long start = System.nanoTime();
      ScheduledExecutorService beat = progress ? heartbeat(err, label, start) : null;
      EnsureResult r;
      try {
        r = manager.ensure(t);
      } finally {
        if (beat != null) {
          beat.shutdownNow();
        }
      }
      results.add(r);
      if (progress) {
        synchronized (err) {
          err.println(label + ": " + (r.created() ? "created, ACTIVE" + (t.ttlAttribute().isPresent() ? ", TTL on" : "")
              : "already existed") + (r.matches() ? "" : ", differs from its definition") + " ("
              + Percentiles.format(Duration.ofNanos(System.nanoTime() - start)) + ")");
          err.flush();
        }
      }
    }
    return results;
  }

  private static ScheduledExecutorService heartbeat(PrintWriter err, String label, long start) {
    ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread th = new Thread(r, "ddbkit-cli-provision-progress");
      th.setDaemon(true);
      return th;
    });
    s.scheduleAtFixedRate(() -> {
      synchronized (err) {
        err.println(label + ": in progress, until the table is ACTIVE ("
            + Percentiles.format(Duration.ofNanos(System.nanoTime() - start)) + ")");
        err.flush();
      }
    }, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    return s;
  }
}
