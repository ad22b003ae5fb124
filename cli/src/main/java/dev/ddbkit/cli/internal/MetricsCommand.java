package dev.ddbkit.cli.internal;

import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.metrics.sharding.MetricAggregate;
import dev.ddbkit.metrics.sharding.MetricCursor;
import dev.ddbkit.metrics.sharding.MetricQuery;
import dev.ddbkit.metrics.sharding.ShardedMetrics;
import dev.ddbkit.metrics.sharding.StoredPoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    @Option(names = "--table", paramLabel = "TABLE", defaultValue = SeedTables.METRICS,
        description = "Metrics table (default ${DEFAULT-VALUE}).")
    String table;

    @Override
    int run(Connection c) {
      Instant start = TimeArgument.parse("--from", from, Clock.systemUTC());
      Instant end = TimeArgument.parse("--to", to, Clock.systemUTC());
      if (end.isBefore(start)) {
        throw CliFailure.usage("--to (" + end + ") is before --from (" + start + ").");
      }
      if (limit < 1) {
        throw CliFailure.usage("--limit must be at least 1 but was " + limit + ".");
      }
      if (shards < 1) {
        throw CliFailure.usage("--shards must be at least 1 but was " + shards + ".");
      }
      ShardedMetrics metrics = ShardedMetrics.create(c.async(), table, cfg -> cfg.shardCount(shards));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("metric", name);
      m.put("from", start.toString());
      m.put("to", end.toString());
      if (aggregate) {
        MetricAggregate a = metrics.aggregate(name, start, end);
        m.put("count", a.count());
        m.put("sum", a.sum());
        m.put("min", a.min().isPresent() ? a.min().getAsDouble() : null);
        m.put("max", a.max().isPresent() ? a.max().getAsDouble() : null);
        m.put("average", a.average().isPresent() ? a.average().getAsDouble() : null);
        if (output.json()) {
          out().println(Json.write(m));
        } else {
          out().println(String.format(Locale.ROOT, "%s from %s to %s: count %d, sum %s, min %s, max %s, average %s",
              name, start, end, a.count(), num(a.sum()), a.min().isPresent() ? num(a.min().getAsDouble()) : "-",
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
          pm.put("timestamp", p.timestamp().toString());
          pm.put("value", p.value());
          pm.put("shard", p.shard());
          pm.put("id", p.id());
          list.add(pm);
        }
        m.put("points", list);
        m.put("limitReached", limitReached);
        out().println(Json.write(m));
      } else {
        out().println(points.size() + " points of " + name + " from " + start + " to " + end
            + (limitReached ? " (limit " + limit + " reached; raise --limit for more)" : "") + ":");
        if (!points.isEmpty()) {
          TextTable t = TextTable.of("timestamp", "value", "shard");
          points.forEach(p -> t.row(p.timestamp(), num(p.value()), p.shard()));
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
