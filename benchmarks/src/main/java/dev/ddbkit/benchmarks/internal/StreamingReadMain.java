package dev.ddbkit.benchmarks.internal;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.metrics.sharding.ShardedMetrics;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The child JVM of {@link StreamingMemoryBenchmark}: reads one metric end to end and prints its peak heap. */
public final class StreamingReadMain {
  static final String RESULT = "ddbkit-streaming-read=";
  /** How often the live set is sampled with a full collection. */
  private static final long LIVE_SAMPLE_NANOS = 100_000_000L;

  private StreamingReadMain() {}

  /** Arguments: endpoint, metric name, expected point count. */
  public static void main(String[] args) throws Exception {
    URI endpoint = URI.create(args[0]);
    String metric = args[1];
    long expected = Long.parseLong(args[2]);
    ClientSettings settings = ClientSettings.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
        .apiCallTimeout(Duration.ofSeconds(60)).apiCallAttemptTimeout(Duration.ofSeconds(30))
        .build();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (DdbkitClients clients = DdbkitClients.create(settings)) {
      ShardedMetrics metrics = ShardedMetrics.create(clients.async(), SeedTables.METRICS, c -> c.shardCount(10));
      // warm the client up so that its one-time allocations are part of the baseline
      MetricsBenchmarks.drain(metrics, metric, MetricsBenchmarks.BASE, MetricsBenchmarks.BASE.plusMillis(10));
      System.gc();
      System.gc();
      long baseline = memory.getHeapMemoryUsage().getUsed();
      AtomicLong peakUsed = new AtomicLong(baseline);
      AtomicLong peakLive = new AtomicLong(baseline);
      AtomicBoolean running = new AtomicBoolean(true);
      Thread sampler = new Thread(() -> {
        long lastFullGc = System.nanoTime();
        while (running.get()) {
          peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          if (System.nanoTime() - lastFullGc > LIVE_SAMPLE_NANOS) {
            // a full collection leaves only what the reader still references: its live set at this moment
            System.gc();
            peakLive.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            lastFullGc = System.nanoTime();
          }
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      sampler.setDaemon(true);
      sampler.start();
      long t0 = System.nanoTime();
      int n = MetricsBenchmarks.drain(metrics, metric, MetricsBenchmarks.BASE,
          MetricsBenchmarks.BASE.plus(Duration.ofDays(3650)));
      long nanos = System.nanoTime() - t0;
      running.set(false);
      sampler.join();
      if (n != expected) {
        throw new IllegalStateException("Read " + n + " points, expected " + expected + ".");
      }
      System.out.println(RESULT + nanos + " " + peakUsed.get() + " " + baseline + " " + peakLive.get());
    }
    System.exit(0);
  }
}
