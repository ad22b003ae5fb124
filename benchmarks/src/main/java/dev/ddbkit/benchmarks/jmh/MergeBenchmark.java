package dev.ddbkit.benchmarks.jmh;

import dev.ddbkit.metrics.sharding.MetricCursor;
import dev.ddbkit.metrics.sharding.ShardedMetrics;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The streaming k-way merge of the sharded reader over in-memory shards: 10 shards of 1,000 points, pages of
 * 500, so the cost measured is the reader's own (request building, item parsing, the merge heap).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MergeBenchmark {
  static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

  @Param({"10"})
  public int shards;

  @Param({"1000"})
  public int pointsPerShard;

  private ShardedMetrics metrics;

  /** The in-memory table. */
  @Setup
  public void setUp() {
    InMemoryShards client = new InMemoryShards("merge", shards, pointsPerShard, BASE);
    metrics = ShardedMetrics.create(client, "metrics-production", c -> c.shardCount(shards).pageSize(500));
  }

  /** Reads every point in timestamp order. */
  @Benchmark
  public long mergeAll(Blackhole hole) {
    long n = 0;
    try (MetricCursor cursor = metrics.read("merge", BASE, BASE.plusSeconds(86_400))) {
      while (cursor.hasNext()) {
        hole.consume(cursor.next());
        n++;
      }
    }
    if (n != (long) shards * pointsPerShard) {
      throw new IllegalStateException("Merged " + n + " points.");
    }
    return n;
  }
}
