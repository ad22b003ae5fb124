package dev.ddbkit.cli.internal;

import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.metrics.sharding.MetricAggregate;
import dev.ddbkit.metrics.sharding.MetricCursor;
import dev.ddbkit.metrics.sharding.MetricKeys;
import dev.ddbkit.metrics.sharding.MetricQuery;
import dev.ddbkit.metrics.sharding.ShardedMetrics;
import dev.ddbkit.metrics.sharding.ShardingConfig;
import dev.ddbkit.metrics.sharding.StoredPoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ddbkit metrics ...}: operator views of the sharded metrics table. */
@Command(name = "metrics", mixinStandardHelpOptions = true, description = "Operator views of the sharded metrics table.",
    subcommands = {MetricsCommand.Query.class})
public final class MetricsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: choose query.");
  }

  /** {@code ddbkit metrics query --name N --from T1 --to T2 [--aggregate]}. */
  @Command(name = "query", mixinStandardHelpOptions = true,
      description = {"Read a metric across all its shards in timestamp order (parallel Query per shard, merged "
          + "as a stream), or aggregate it while streaming.",
          "Times: ISO-8601 instant (2024-01-15T10:00:00Z), a UTC day (2024-01-15), now, or -15m / -2h / -7d."})
  public static final class Query extends ConnectedCommand {
    @Option(names = {"--name", "-n"}, required = true, paramLabel = "NAME", description = "Metric name.")
    String name;

    @Option(names = "--from", required = true, paramLabel = "TIME", description = "Start, inclusive.")
    String from;

    @Option(names = "--to", paramLabel = "TIME", defaultValue = "now", description = "End, inclusive (default now).")
    String to;

    @Option(names = "--aggregate", description = "Print count, sum, min, max and average instead of the points.")
    boolean aggregate;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
        description = "Points to print at most (default ${DEFAULT-VALUE}); reading stops once met.")
    int limit;

    @Option(names = "--descending", description = "Newest first.")
    boolean descending;

    @Option(names = "--shards", paramLabel = "N", defaultValue = "10",
        description = "Shards the metric was written with (default ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--table", paramLabel = "TABLE",
        description = "Metrics table (default: the environment's, metrics-production for the seed's names).")
    @Nullable String table;

    private Instant start = Instant.EPOCH;
    private Instant end = Instant.EPOCH;

    @Override
    void validate(Environment environment) {
      Options.checkedBy("--name", "metricName", () -> MetricKeys.checkMetricName(name));
      Clock clock = Clock.systemUTC();
      start = TimeArgument.parse("--from", from, clock);
      end = TimeArgument.parse("--to", to, clock);
      Options.checkedBy("--from", "timestamp", () -> MetricKeys.checkTimestamp(start));
      Options.checkedBy("--to", "timestamp", () -> MetricKeys.checkTimestamp(end));
      if (end.isBefore(start)) {
        throw CliFailure.usage("--to (" + Times.format(end) + ") is before --from (" + Times.format(start) + ").");
      }
      Options.atLeast("--limit", limit, 1);
      Options.checkedBy("--shards", "shardCount", () -> ShardingConfig.builder().shardCount(shards).build());
      table = Options.tableName("--table", table != null ? table : environment.table("metrics"));
    }

    @Override
    int run(Connection c) {
      try {
        return query(c);
      } catch (DdbkitException e) {
        if (OrdersCommand.ListOrders.isKeyMismatch(e)) {
          throw CliFailure.usage("Table " + table + " at " + c.target() + " is not a metrics table: its key is not "
              + "metric_shard / timestamp. Pass --table with a metrics table (such as metrics-production).");
        }
        throw e;
      }
    }

    private int query(Connection c) {
      ShardedMetrics metrics = ShardedMetrics.create(c.async(), table, cfg -> cfg.shardCount(shards));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("metric", name);
      m.put("table", table);
      m.put("from", Times.format(start));
      m.put("to", Times.format(end));
      if (aggregate) {
        MetricAggregate a = metrics.aggregate(name, start, end);
        m.put("count", a.count());
        m.put("sum", a.sum());
        m.put("min", a.min().isPresent() ? a.min().getAsDouble() : null);
        m.put("max", a.max().isPresent() ? a.max().getAsDouble() : null);
        m.put("average", a.average().isPresent() ? a.average().getAsDouble() : null);
        if (output.json()) {
          out().println(Json.write(Json.document(m)));
        } else {
          out().println(String.format(Locale.ROOT, "%s from %s to %s: count %d, sum %s, min %s, max %s, average %s",
              name, Times.format(start), Times.format(end), a.count(), num(a.sum()), a.min().isPresent() ? num(a.min().getAsDouble()) : "-",
              a.max().isPresent() ? num(a.max().getAsDouble()) : "-",
              a.average().isPresent() ? num(a.average().getAsDouble()) : "-"));
        }
        return ok();
      }
      MetricQuery query = MetricQuery.of(name, start, end, q -> {
        // one point more than printed tells whether the limit cut the range short
        q.limit(limit == Integer.MAX_VALUE ? limit : limit + 1);
        if (descending) {
          q.descending();
        }
      });
      List<StoredPoint> points = new ArrayList<>();
      try (MetricCursor cursor = metrics.read(query)) {
        cursor.forEachRemaining(points::add);
      }
      boolean limitReached = points.size() > limit;
      if (limitReached) {
        points.subList(limit, points.size()).clear();
      }
      if (output.json()) {
        List<Object> list = new ArrayList<>();
        for (StoredPoint p : points) {
          Map<String, Object> pm = new LinkedHashMap<>();
          pm.put("timestamp", Times.format(p.timestamp()));
          pm.put("value", p.value());
          pm.put("shard", p.shard());
          pm.put("id", p.id());
          list.add(pm);
        }
        m.put("points", list);
        m.put("limitReached", limitReached);
        out().println(Json.write(Json.document(m)));
      } else {
        out().println(points.size() + " points of " + name + " from " + Times.format(start) + " to "
            + Times.format(end)
            + (limitReached ? " (limit " + limit + " reached; raise --limit for more)" : "") + ":");
        if (!points.isEmpty()) {
          TextTable t = TextTable.of("timestamp", "value", "shard");
          points.forEach(p -> t.row(Times.format(p.timestamp()), num(p.value()), p.shard()));
          out().print(t.render("  "));
        }
      }
      return ok();
    }

    private static String num(double v) {
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4f", v);
    }
  }
}
