package dev.ddbkit.metrics.sharding;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.metrics.MetricsHook;
import dev.ddbkit.core.retry.RetrySettings;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Immutable settings of {@link ShardedMetrics}: shard count and shard choice (default and per metric), TTL,
 * clock, concurrency, page size and the retry of unprocessed batch items.
 *
 * <pre>{@code
 * ShardingConfig config = ShardingConfig.builder()
 *     .shardCount(16)
 *     .shardCount("checkout_latency", 4)
 *     .selector(ShardSelector.roundRobin())
 *     .ttl(Duration.ofDays(30))
 *     .build();
 * }</pre>
 *
 * <p>Readers must use the same shard count as the writers of a metric: points in shards beyond the count are
 * not read.
 */
public final class ShardingConfig {
  /** The guide's {@code SHARD_COUNT}. */
  public static final int DEFAULT_SHARD_COUNT = 10;
  /** The guide's 90-day expiry. */
  public static final Duration DEFAULT_TTL = Duration.ofDays(90);
  /** Default number of BatchWriteItem requests in flight. */
  public static final int DEFAULT_WRITE_CONCURRENCY = 4;
  /** Default number of shard queries in flight. */
  public static final int DEFAULT_READ_CONCURRENCY = 8;
  /** Default Query page size; read memory is bounded by shards times this. */
  public static final int DEFAULT_PAGE_SIZE = 500;

  private static final ShardingConfig DEFAULTS = builder().build();

  private final int shardCount;
  private final Map<String, Integer> shardCounts;
  private final ShardSelector selector;
  private final Map<String, ShardSelector> selectors;
  private final Duration ttl;
  private final Clock clock;
  private final int writeConcurrency;
  private final int readConcurrency;
  private final int pageSize;
  private final RetrySettings retry;
  private final MetricsHook metrics;

  private ShardingConfig(Builder b) {
    this.metrics = b.metrics;
    this.shardCount = b.shardCount;
    this.shardCounts = Map.copyOf(b.shardCounts);
    this.selector = b.selector;
    this.selectors = Map.copyOf(b.selectors);
    this.ttl = b.ttl;
    this.clock = b.clock;
    this.writeConcurrency = b.writeConcurrency;
    this.readConcurrency = b.readConcurrency;
    this.pageSize = b.pageSize;
    this.retry = b.retry;
  }

  /** The defaults: 10 shards, random selection, 90-day TTL, system UTC clock. */
  public static ShardingConfig defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.shardCount = shardCount;
    b.shardCounts.putAll(shardCounts);
    b.selector = selector;
    b.selectors.putAll(selectors);
    b.ttl = ttl;
    b.clock = clock;
    b.writeConcurrency = writeConcurrency;
    b.readConcurrency = readConcurrency;
    b.pageSize = pageSize;
    b.retry = retry;
    b.metrics = metrics;
    return b;
  }

  /** The default shard count. */
  public int shardCount() {
    return shardCount;
  }

  /** The shard count of {@code metricName}: its override, or the default. */
  public int shardCount(String metricName) {
    return shardCounts.getOrDefault(metricName, shardCount);
  }

  /** The default selector. */
  public ShardSelector selector() {
    return selector;
  }

  /** The selector of {@code metricName}: its override, or the default. */
  public ShardSelector selector(String metricName) {
    return selectors.getOrDefault(metricName, selector);
  }

  /** How long after writing a point expires ({@code expires_at}). */
  public Duration ttl() {
    return ttl;
  }

  /** The clock that stamps {@code expires_at}. */
  public Clock clock() {
    return clock;
  }

  /** BatchWriteItem requests in flight at most. */
  public int writeConcurrency() {
    return writeConcurrency;
  }

  /** Shard queries in flight at most. */
  public int readConcurrency() {
    return readConcurrency;
  }

  /** Items per Query page. */
  public int pageSize() {
    return pageSize;
  }

  /** The retry of unprocessed and throttled batch writes. */
  public RetrySettings retry() {
    return retry;
  }

  /** Where the retries of {@code PutItem} and {@code BatchWriteItem} are reported; {@link MetricsHook#noop()} by default. */
  public MetricsHook metrics() {
    return metrics;
  }

  @Override
  public String toString() {
    return "ShardingConfig{shardCount=" + shardCount + ", overrides=" + shardCounts + ", ttl=" + ttl
        + ", writeConcurrency=" + writeConcurrency + ", readConcurrency=" + readConcurrency + ", pageSize="
        + pageSize + ", retry=" + retry + "}";
  }

  /** Builder of {@link ShardingConfig}; each setter validates its value with a sentence naming it. */
  public static final class Builder {
    private int shardCount = DEFAULT_SHARD_COUNT;
    private final Map<String, Integer> shardCounts = new LinkedHashMap<>();
    private ShardSelector selector = ShardSelector.random();
    private final Map<String, ShardSelector> selectors = new LinkedHashMap<>();
    private Duration ttl = DEFAULT_TTL;
    private Clock clock = Clock.systemUTC();
    private int writeConcurrency = DEFAULT_WRITE_CONCURRENCY;
    private int readConcurrency = DEFAULT_READ_CONCURRENCY;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private RetrySettings retry = RetrySettings.defaults();
    private MetricsHook metrics = MetricsHook.noop();

    private Builder() {}

    /** Default shard count; at least 1. */
    public Builder shardCount(int shardCount) {
      this.shardCount = Require.atLeast(shardCount, 1, "shardCount");
      return this;
    }

    /** Shard count of one metric; at least 1. */
    public Builder shardCount(String metricName, int shardCount) {
      shardCounts.put(MetricKeys.checkMetricName(metricName), Require.atLeast(shardCount, 1, "shardCount"));
      return this;
    }

    /** Default shard selector. */
    public Builder selector(ShardSelector selector) {
      this.selector = Require.nonNull(selector, "selector");
      return this;
    }

    /** Shard selector of one metric. */
    public Builder selector(String metricName, ShardSelector selector) {
      selectors.put(MetricKeys.checkMetricName(metricName), Require.nonNull(selector, "selector"));
      return this;
    }

    /** Time to live of written points; positive. */
    public Builder ttl(Duration ttl) {
      Require.nonNull(ttl, "ttl");
      Require.argument(!ttl.isNegative() && !ttl.isZero(), "ttl", "ttl must be positive but was " + ttl + ".");
      this.ttl = ttl;
      return this;
    }

    /** The clock that stamps {@code expires_at}; tests pass a fixed clock. */
    public Builder clock(Clock clock) {
      this.clock = Require.nonNull(clock, "clock");
      return this;
    }

    /** BatchWriteItem requests in flight at most; at least 1. */
    public Builder writeConcurrency(int writeConcurrency) {
      this.writeConcurrency = Require.atLeast(writeConcurrency, 1, "writeConcurrency");
      return this;
    }

    /** Shard queries in flight at most; at least 1. */
    public Builder readConcurrency(int readConcurrency) {
      this.readConcurrency = Require.atLeast(readConcurrency, 1, "readConcurrency");
      return this;
    }

    /** Items per Query page (DynamoDB's {@code Limit}); at least 1. */
    public Builder pageSize(int pageSize) {
      this.pageSize = Require.atLeast(pageSize, 1, "pageSize");
      return this;
    }

    /** The retry of unprocessed and throttled batch writes. */
    public Builder retry(RetrySettings retry) {
      this.retry = Require.nonNull(retry, "retry");
      return this;
    }

    /**
     * Where ddbkit's own retries of {@code PutItem} and {@code BatchWriteItem} are reported
     * ({@code retried(operation, table, DDBKIT)}); pass {@code ClientSettings.metrics()} so
     * {@code ddbkit.retries{source=ddbkit}} counts them. Records nothing by default.
     */
    public Builder metrics(MetricsHook metrics) {
      this.metrics = Require.nonNull(metrics, "metrics");
      return this;
    }

    /** Builds the configuration. */
    public ShardingConfig build() {
      return new ShardingConfig(this);
    }
  }
}
