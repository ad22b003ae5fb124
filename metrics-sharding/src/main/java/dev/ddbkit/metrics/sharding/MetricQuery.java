package dev.ddbkit.metrics.sharding;

import dev.ddbkit.core.error.Require;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * What to read of one metric: an inclusive time range, the order, an optional limit, and what to do when a
 * shard fails.
 *
 * <pre>{@code
 * MetricQuery q = MetricQuery.builder("page_views", from, to).descending().limit(100).build();
 * metrics.read("page_views", from, to, b -> b.descending().limit(100));
 * }</pre>
 *
 * @param metricName the metric
 * @param from earliest timestamp, inclusive
 * @param to latest timestamp, inclusive; not before {@code from}
 * @param descending newest first when true
 * @param limit stop after this many points; reading stops and no further page is requested
 * @param allowPartialResults when true a failing shard is left out and reported in
 *     {@link MetricCursor#missingShards()}; when false (the default) the read fails naming the shard
 * @param pageSize points per Query page (the reader asks for one more, so that a shard ending exactly at a page
 *     boundary costs no extra, empty Query); empty means the configured page size
 * @param consistentRead strongly consistent Query
 */
public record MetricQuery(
    String metricName,
    Instant from,
    Instant to,
    boolean descending,
    OptionalInt limit,
    boolean allowPartialResults,
    OptionalInt pageSize,
    boolean consistentRead) {

  /** Validates the query; throws {@link dev.ddbkit.core.error.InvalidInputException} on bad input. */
  public MetricQuery {
    MetricKeys.checkMetricName(metricName);
    MetricKeys.checkTimestamp(Require.nonNull(from, "from"));
    MetricKeys.checkTimestamp(Require.nonNull(to, "to"));
    Require.argument(!to.isBefore(from), "to", "to (" + to + ") must not be before from (" + from + ").");
    Require.nonNull(limit, "limit");
    limit.ifPresent(l -> Require.atLeast(l, 1, "limit"));
    Require.nonNull(pageSize, "pageSize");
    pageSize.ifPresent(p -> Require.atLeast(p, 1, "pageSize"));
  }

  /** A builder for an ascending, unlimited, fail-on-shard-error read of {@code [from, to]}. */
  public static Builder builder(String metricName, Instant from, Instant to) {
    return new Builder(metricName, from, to);
  }

  /** The query for {@code [from, to]} customised by {@code options}. */
  public static MetricQuery of(String metricName, Instant from, Instant to, Consumer<Builder> options) {
    Builder b = builder(metricName, from, to);
    Require.nonNull(options, "options").accept(b);
    return b.build();
  }

  /** Builder of {@link MetricQuery}. */
  public static final class Builder {
    private final String metricName;
    private final Instant from;
    private final Instant to;
    private boolean descending;
    private OptionalInt limit = OptionalInt.empty();
    private boolean allowPartialResults;
    private OptionalInt pageSize = OptionalInt.empty();
    private boolean consistentRead;

    private Builder(String metricName, Instant from, Instant to) {
      this.metricName = metricName;
      this.from = from;
      this.to = to;
    }

    /** Oldest first (the default). */
    public Builder ascending() {
      this.descending = false;
      return this;
    }

    /** Newest first. */
    public Builder descending() {
      this.descending = true;
      return this;
    }

    /** At most {@code limit} points; at least 1. */
    public Builder limit(int limit) {
      this.limit = OptionalInt.of(Require.atLeast(limit, 1, "limit"));
      return this;
    }

    /** Leave out failing shards and report them instead of failing the read. */
    public Builder allowPartialResults() {
      return allowPartialResults(true);
    }

    /** Whether to leave out failing shards and report them instead of failing the read. */
    public Builder allowPartialResults(boolean allow) {
      this.allowPartialResults = allow;
      return this;
    }

    /** Items per Query page for this read; at least 1. */
    public Builder pageSize(int pageSize) {
      this.pageSize = OptionalInt.of(Require.atLeast(pageSize, 1, "pageSize"));
      return this;
    }

    /** Strongly consistent reads. */
    public Builder consistentRead(boolean consistentRead) {
      this.consistentRead = consistentRead;
      return this;
    }

    /** Builds and validates the query. */
    public MetricQuery build() {
      return new MetricQuery(metricName, from, to, descending, limit, allowPartialResults, pageSize,
          consistentRead);
    }
  }
}
