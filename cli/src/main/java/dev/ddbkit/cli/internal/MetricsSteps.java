package dev.ddbkit.cli.internal;

import dev.ddbkit.metrics.sharding.BulkWriteResult;
import dev.ddbkit.metrics.sharding.MetricAggregate;
import dev.ddbkit.metrics.sharding.MetricCursor;
import dev.ddbkit.metrics.sharding.MetricPoint;
import dev.ddbkit.metrics.sharding.ReadResult;
import dev.ddbkit.metrics.sharding.ShardedMetrics;
import dev.ddbkit.metrics.sharding.StoredPoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/** The sharded metrics patterns of the seed: bulk writes over 10 shards and scatter-gather reads. */
final class MetricsSteps {
  private static final int CHUNK = 1_000;

  private final Demo demo;
  private final Connection connection;
  private final DemoSettings settings;
  private final Clock clock;
  private ShardedMetrics metrics;
  private Instant from;
  private Instant to;
  private double sum;
  private boolean written;

  MetricsSteps(Demo demo, Connection connection, DemoSettings settings, Clock clock) {
    this.demo = demo;
    this.connection = connection;
    this.settings = settings;
    this.clock = clock;
  }

  /** Whether the bulk write completed. */
  boolean written() {
    return metrics != null && to != null && written;
  }

  String metricName() {
    return demo.prefix() + "page_views";
  }

  void write(DemoReport.Step s) {
    metrics = ShardedMetrics.create(connection.async(), demo.environment().table("metrics"), c -> c.shardCount(10).clock(clock));
    int n = settings.metricPoints();
    to = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    from = to.minus(Duration.ofHours(1));
    long step = Duration.between(from, to).toNanos() / n;
    Random random = new Random(7);
    Progress progress = demo.progress("writing metric points", n);
    int requests = 0;
    int retries = 0;
    int stored = 0;
    TreeMap<Integer, Integer> perShard = new TreeMap<>();
    for (int start = 0; start < n; start += CHUNK) {
      List<MetricPoint> chunk = new ArrayList<>();
      for (int i = start; i < Math.min(n, start + CHUNK); i++) {
        double value = 1 + random.nextInt(100);
        sum += value;
        chunk.add(MetricPoint.of(metricName(), from.plusNanos(step * i), value));
      }
      BulkWriteResult r = metrics.putAll(chunk);
      requests += r.requests();
      retries += r.retries();
      stored += r.written().size();
      r.written().forEach(p -> perShard.merge(p.shard(), 1, Integer::sum));
      progress.update(stored);
    }
    progress.done();
    // two points with the same timestamp: both are kept (the seed's layout would let one overwrite the other)
    Instant same = from.plusMillis(1);
    metrics.putAll(List.of(MetricPoint.of(metricName(), same, 1), MetricPoint.of(metricName(), same, 2)));
    sum += 3;
    stored += 2;
    s.say(String.format(Locale.ROOT, "ShardedMetrics.putAll: %,d points of %s over the last hour (the --points "
        + "asked for) plus the 2 below that share a timestamp, %,d in all; BatchWriteItem 25 a request, several in "
        + "flight, unprocessed items retried until written", n, metricName(), stored));
    s.say(requests + " BatchWriteItem requests, " + retries + " retries; points per shard: " + perShard);
    s.say("two points with the same timestamp written: both kept (each has its own id in the sort key)");
    this.written = true;
    s.count("points", stored).count("requests", requests).count("retries", retries).count("shards", perShard.size());
  }

  void read(DemoReport.Step s) {
    long count = 0;
    boolean ordered = true;
    Instant previous = Instant.MIN;
    Set<Integer> shards = new HashSet<>();
    Progress progress = demo.progress("reading metric points (all written, the 2 sharing a timestamp included)",
        settings.metricPoints() + 2L);
    try (MetricCursor cursor = metrics.read(metricName(), from, to)) {
      while (cursor.hasNext()) {
        StoredPoint p = cursor.next();
        ordered &= !p.timestamp().isBefore(previous);
        previous = p.timestamp();
        shards.add(p.shard());
        count++;
        if (count % 500 == 0) {
          progress.update(count);
        }
      }
    }
    progress.update(count);
    progress.done();
    long expected = settings.metricPoints() + 2L;
    s.say("read(" + metricName() + ", last hour): parallel Query on all 10 shards, each shard's pages followed, "
        + "merged in timestamp order as a stream (k-way merge, memory bounded by shards x page)");
    s.say(String.format(Locale.ROOT, "%,d points from %d shards (%,d written), in timestamp order: %s", count,
        shards.size(), expected, ordered ? "yes" : "NO"));
    MetricAggregate a = metrics.aggregate(metricName(), from, to);
    s.say(String.format(Locale.ROOT, "aggregate while streaming: count %d, sum %.0f (expected %.0f), min %.0f, "
        + "max %.0f, average %.2f", a.count(), a.sum(), sum, a.min().orElse(Double.NaN), a.max().orElse(Double.NaN),
        a.average().orElse(Double.NaN)));
    ReadResult latest = metrics.readAll(metricName(), from, to, q -> q.descending().limit(5));
    s.say("readAll(descending, limit 5): the 5 latest points, reading stops once the limit is met: "
        + latest.points().stream().map(p -> Times.format(p.timestamp()).substring(11, 23) + "=" + (long) p.value())
            .toList());
    if (count != expected || !ordered || a.count() != expected || Math.abs(a.sum() - sum) > 0.5
        || latest.points().size() != 5) {
      throw new IllegalStateException("The scatter-gather read did not return every point once, in order.");
    }
    s.count("points", count).count("shards", shards.size()).count("sum", (long) a.sum());
  }
}
