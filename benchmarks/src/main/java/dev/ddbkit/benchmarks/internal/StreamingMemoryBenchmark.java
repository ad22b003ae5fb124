package dev.ddbkit.benchmarks.internal;

import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableManager;
import dev.ddbkit.metrics.sharding.MetricPoint;
import dev.ddbkit.metrics.sharding.ShardedMetrics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Peak heap of a streaming read against the size of the data read. The read runs in a fresh child JVM with a
 * small fixed heap and the serial collector, so the measured peak is the reader's alone (neither DynamoDB
 * Local nor the harness is in that JVM).
 */
public final class StreamingMemoryBenchmark {
  private static final Logger log = LoggerFactory.getLogger(StreamingMemoryBenchmark.class);
  /** Heap of the child JVM; a reader that collected everything could not read the larger sets in it. */
  static final String READER_HEAP = "64m";
  /** A small young generation, so that the sampled peak shows retained memory rather than young garbage. */
  static final String READER_YOUNG = "8m";
  private static final int CHUNK = 20_000;

  private StreamingMemoryBenchmark() {}

  /** Writes each data set, reads it in a child JVM, and reports the child's peak heap. */
  public static Section run(LocalServerProcess server, Mode mode) {
    Section s = Section.titled("Memory of a streaming read")
        .intro("Each data set is written once (one metric, 10 shards), then read end to end with "
            + "`ShardedMetrics.read` in a separate JVM started with `-Xmx" + READER_HEAP + " -Xmn" + READER_YOUNG
            + " -XX:+UseSerialGC`. While it reads, a sampler forces a full collection every 100 ms and records the "
            + "heap still in use afterwards: the reader's live set (\"peak live heap\"); the baseline is the same "
            + "measure with the clients created and warmed up, before the read. The peak of used heap between "
            + "collections, garbage included, is listed for completeness; it mostly follows the collector. \"Data size\" is the sum of DynamoDB item sizes (attribute names "
            + "plus values) of the points read; the same data held as SDK item maps takes several times that.")
        .columns("points", "data size", "read time", "baseline heap", "peak live heap", "live above baseline",
            "peak used heap (with garbage)");
    List<long[]> rows = new ArrayList<>();
    try (DdbkitClients clients = DdbkitClients.create(server.settings().build())) {
      TableManager.of(clients.sync()).ensure(SeedTables.metrics());
      ShardedMetrics metrics = ShardedMetrics.create(clients.async(), SeedTables.METRICS, c -> c.shardCount(10));
      for (int n : mode.memoryPoints()) {
        String metric = "memory_" + n;
        long bytes = 0;
        long t0 = System.nanoTime();
        for (int start = 0; start < n; start += CHUNK) {
          List<MetricPoint> chunk = new ArrayList<>();
          for (int i = start; i < Math.min(n, start + CHUNK); i++) {
            chunk.add(MetricPoint.of(metric, MetricsBenchmarks.BASE.plusMillis(i), i % 997));
          }
          for (var p : metrics.putAll(chunk).written()) {
            bytes += itemSize(p.shardKey(), p.sortKey(), p.metricName(), p.value());
          }
          log.info("Memory: {} of {} points written", Math.min(n, start + CHUNK), n);
        }
        log.info("Memory: {} points written in {} s", n, Duration.ofNanos(System.nanoTime() - t0).toSeconds());
        long[] child = readInChild(server, metric, n);
        rows.add(new long[] {n, bytes, child[0], child[3], child[2]});
        s.row(String.format(Locale.ROOT, "%,d", n), mb(bytes), Samples.millis(child[0]), mb(child[2]), mb(child[3]),
            mb(child[3] - child[2]), mb(child[1]));
      }
    }
    long[] small = rows.get(0);
    long[] large = rows.get(rows.size() - 1);
    double dataGrowth = (double) large[1] / small[1];
    long smallLive = Math.max(0, small[3] - small[4]);
    long largeLive = Math.max(0, large[3] - large[4]);
    // flat: the live set may wobble by half or by 2 MB (page buffers in flight), but must not follow the data
    boolean flat = dataGrowth >= 2 && largeLive <= smallLive * 1.5 + 2 * 1024 * 1024;
    s.target("streaming read memory flat as data grows", flat, String.format(Locale.ROOT,
        "data %.1fx larger; live heap above baseline %s then %s", dataGrowth, mb(smallLive), mb(largeLive)));
    s.note("A reader that collected the points before returning them would need at least the data size in "
        + "heap, several times more as Java objects; the streaming reader holds at most shards × page size items.");
    return s;
  }

  private static long itemSize(String shardKey, String sortKey, String metricName, double value) {
    // DynamoDB item size: attribute name lengths plus value sizes (numbers about 1 byte per 2 digits + 1)
    return "metric_shard".length() + shardKey.length() + "timestamp".length() + sortKey.length()
        + "metric_name".length() + metricName.length() + "value".length() + 4 + "expires_at".length() + 6;
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }

  /** Runs {@link StreamingReadMain} in a child JVM; returns read nanos, peak used heap, baseline, peak live heap. */
  private static long[] readInChild(LocalServerProcess server, String metric, int expected) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + READER_HEAP, "-Xms" + READER_HEAP,
        "-Xmn" + READER_YOUNG, "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), StreamingReadMain.class.getName(),
        server.endpoint().toString(), metric, Integer.toString(expected));
    pb.redirectErrorStream(true);
    try {
      Process p = pb.start();
      String result = null;
      StringBuilder output = new StringBuilder();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          output.append(line).append('\n');
          if (line.startsWith(StreamingReadMain.RESULT)) {
            result = line.substring(StreamingReadMain.RESULT.length());
          }
        }
      }
      int exit = p.waitFor();
      if (exit != 0 || result == null) {
        throw new IllegalStateException("The streaming reader failed (exit " + exit + "):\n" + output);
      }
      String[] f = result.trim().split(" ");
      return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])};
    } catch (IOException e) {
      throw new IllegalStateException("Could not run the streaming reader", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
