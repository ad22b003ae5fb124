package dev.ddbkit.core;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.metrics.MetricsHook;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.regions.Region;

/**
 * Immutable settings shared by every client {@link DdbkitClients} builds. Every default is listed in
 * {@link Defaults} with the reason it was chosen.
 *
 * <pre>{@code
 * ClientSettings settings = ClientSettings.builder()
 *     .region(Region.EU_WEST_1)
 *     .maxAttempts(4)
 *     .apiCallTimeout(Duration.ofSeconds(5))
 *     .build();
 * }</pre>
 */
public final class ClientSettings {
  private final @Nullable Region region;
  private final @Nullable URI endpointOverride;
  private final @Nullable AwsCredentialsProvider credentialsProvider;
  private final int maxConnections;
  private final Duration connectionTimeout;
  private final Duration socketTimeout;
  private final Duration connectionAcquisitionTimeout;
  private final boolean tcpKeepAlive;
  private final Duration apiCallTimeout;
  private final Duration apiCallAttemptTimeout;
  private final RetryMode retryMode;
  private final int maxAttempts;
  private final List<ExecutionInterceptor> interceptors;
  private final List<MetricPublisher> metricPublishers;
  private final MetricsHook metrics;

  private ClientSettings(Builder b) {
    this.region = b.region;
    this.endpointOverride = b.endpointOverride;
    this.credentialsProvider = b.credentialsProvider;
    this.maxConnections = b.maxConnections;
    this.connectionTimeout = b.connectionTimeout;
    this.socketTimeout = b.socketTimeout;
    this.connectionAcquisitionTimeout = b.connectionAcquisitionTimeout;
    this.tcpKeepAlive = b.tcpKeepAlive;
    this.apiCallTimeout = b.apiCallTimeout;
    this.apiCallAttemptTimeout = b.apiCallAttemptTimeout;
    this.retryMode = b.retryMode;
    this.maxAttempts = b.maxAttempts;
    this.interceptors = List.copyOf(b.interceptors);
    this.metricPublishers = List.copyOf(b.metricPublishers);
    this.metrics = b.metrics;
    Require.argument(apiCallAttemptTimeout.compareTo(apiCallTimeout) <= 0, "apiCallAttemptTimeout",
        "apiCallAttemptTimeout (" + apiCallAttemptTimeout + ") must not exceed apiCallTimeout (" + apiCallTimeout + ").");
  }

  /** A builder with the production defaults of {@link Defaults}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The production defaults. */
  public static ClientSettings defaults() {
    return builder().build();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.region = region;
    b.endpointOverride = endpointOverride;
    b.credentialsProvider = credentialsProvider;
    b.maxConnections = maxConnections;
    b.connectionTimeout = connectionTimeout;
    b.socketTimeout = socketTimeout;
    b.connectionAcquisitionTimeout = connectionAcquisitionTimeout;
    b.tcpKeepAlive = tcpKeepAlive;
    b.apiCallTimeout = apiCallTimeout;
    b.apiCallAttemptTimeout = apiCallAttemptTimeout;
    b.retryMode = retryMode;
    b.maxAttempts = maxAttempts;
    b.interceptors.addAll(interceptors);
    b.metricPublishers.addAll(metricPublishers);
    b.metrics = metrics;
    return b;
  }

  /** The region; empty means the SDK's default region provider chain. */
  public Optional<Region> region() {
    return Optional.ofNullable(region);
  }

  /** The endpoint override, such as DynamoDB Local's URL. */
  public Optional<URI> endpointOverride() {
    return Optional.ofNullable(endpointOverride);
  }

  /** The credentials provider; empty means the SDK's default chain. Never logged. */
  public Optional<AwsCredentialsProvider> credentialsProvider() {
    return Optional.ofNullable(credentialsProvider);
  }

  /** Maximum open HTTP connections per client. */
  public int maxConnections() {
    return maxConnections;
  }

  /** TCP connect timeout. */
  public Duration connectionTimeout() {
    return connectionTimeout;
  }

  /** Socket read timeout. */
  public Duration socketTimeout() {
    return socketTimeout;
  }

  /** How long a request waits for a pooled connection. */
  public Duration connectionAcquisitionTimeout() {
    return connectionAcquisitionTimeout;
  }

  /** Whether TCP keep-alive is on. */
  public boolean tcpKeepAlive() {
    return tcpKeepAlive;
  }

  /** Bound on one API call, all SDK attempts and waits included. */
  public Duration apiCallTimeout() {
    return apiCallTimeout;
  }

  /** Bound on one HTTP attempt. */
  public Duration apiCallAttemptTimeout() {
    return apiCallAttemptTimeout;
  }

  /** The SDK retry mode. */
  public RetryMode retryMode() {
    return retryMode;
  }

  /** Total SDK attempts per call, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Extra SDK execution interceptors, in order. */
  public List<ExecutionInterceptor> interceptors() {
    return interceptors;
  }

  /** SDK metric publishers. */
  public List<MetricPublisher> metricPublishers() {
    return metricPublishers;
  }

  /**
   * The metrics hook every client built from these settings reports to; {@link MetricsHook#noop()} when none
   * was set. Pass it to {@code DdbkitRetryMetrics.bind} so ddbkit's own retries are counted alongside.
   */
  public MetricsHook metrics() {
    return metrics;
  }

  /** Whether a metrics hook other than the no-op one is set. */
  public boolean metricsEnabled() {
    return metrics != MetricsHook.noop();
  }

  /**
   * The longest total backoff the SDK may wait within one call with these settings: the sum over attempts
   * 2..maxAttempts of {@code min(20 s, 1 s * 2^(n-2))} (throttling, the slower case); zero for {@code NONE}.
   * Client-side rate limiting of the adaptive mode is not included; {@link #apiCallTimeout()} bounds it.
   */
  public Duration worstCaseBackoff() {
    if (retryMode == RetryMode.NONE) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    for (int n = 2; n <= maxAttempts; n++) {
      int shift = Math.min(n - 2, 30);
      long millis = Math.min(Defaults.SDK_MAX_BACKOFF.toMillis(), Defaults.SDK_THROTTLED_BASE_DELAY.toMillis() << shift);
      total = total.plusMillis(millis);
    }
    return total;
  }

  /** How many HTTP attempts one call may make with these settings: 1 for {@code NONE}, else {@link #maxAttempts()}. */
  public int effectiveMaxAttempts() {
    return retryMode == RetryMode.NONE ? 1 : maxAttempts;
  }

  /**
   * The longest one call may block: every attempt timing out plus the worst-case backoff, capped by
   * {@link #apiCallTimeout()}.
   */
  public Duration worstCaseCallDuration() {
    Duration unbounded = apiCallAttemptTimeout.multipliedBy(effectiveMaxAttempts()).plus(worstCaseBackoff());
    return unbounded.compareTo(apiCallTimeout) < 0 ? unbounded : apiCallTimeout;
  }

  @Override
  public String toString() {
    // credentials are deliberately left out
    return "ClientSettings{region=" + region + ", endpoint=" + endpointOverride + ", maxConnections=" + maxConnections
        + ", retryMode=" + retryMode + ", maxAttempts=" + maxAttempts + ", apiCallTimeout=" + apiCallTimeout
        + ", apiCallAttemptTimeout=" + apiCallAttemptTimeout + ", metrics=" + metrics + "}";
  }

  /** The SDK retry strategies ddbkit offers. */
  public enum RetryMode {
    /** The SDK's {@code AdaptiveRetryStrategy} (ADAPTIVE_V2): standard backoff plus client-side rate limiting when throttled. */
    ADAPTIVE_V2,
    /** The SDK's {@code StandardRetryStrategy}: exponential backoff with jitter and a retry token bucket. */
    STANDARD,
    /** No SDK retries: one attempt per call. Use when an outer retry owns every attempt. */
    NONE
  }

  /**
   * The production defaults and why each was chosen.
   *
   * <ul>
   *   <li>{@code maxConnections = 50}: the SDK's default; enough for most services, and a bounded pool keeps
   *       a throttled table from opening unbounded sockets.
   *   <li>{@code connectionTimeout = 2 s}: DynamoDB endpoints accept connections in milliseconds; a longer wait
   *       only delays failover.
   *   <li>{@code socketTimeout = 5 s}: well above DynamoDB's single-digit-millisecond reads, short enough to
   *       retry a stuck connection inside the call timeout.
   *   <li>{@code connectionAcquisitionTimeout = 5 s}: fail fast when the pool is exhausted instead of queueing
   *       without bound.
   *   <li>{@code tcpKeepAlive = true}: idle connections behind NAT and load balancers stay usable.
   *   <li>{@code apiCallAttemptTimeout = 2 s}, {@code apiCallTimeout = 10 s}: one slow attempt is abandoned and
   *       retried; a whole call never blocks a caller for more than ten seconds.
   *   <li>{@code retryMode = ADAPTIVE_V2}, {@code maxAttempts = 3}: the SDK's adaptive strategy (never the
   *       deprecated {@code ADAPTIVE}) backs off and rate-limits when throttled. Three attempts is the SDK's
   *       standard; ddbkit's own retries ({@code RetrySettings}) apply only to work the SDK does not retry.
   * </ul>
   *
   * <p><b>What the SDK's adaptive strategy really does</b> (read from the classes of SDK 2.40.2:
   * {@code AdaptiveRetryStrategy.builder()} with {@code DefaultRetryStrategy.Standard} constants and
   * {@code BackoffStrategy.exponentialDelay}, i.e. full jitter). ddbkit passes the strategy explicitly, so
   * DynamoDB's legacy service default (9 attempts, 25 ms base) does not apply. The wait before attempt
   * {@code n} (n &ge; 2) is uniform in {@code [0, min(20 s, base * 2^(n-2)))} with {@code base} = 100 ms
   * ({@link #SDK_BASE_DELAY}) for transient errors and 1 s ({@link #SDK_THROTTLED_BASE_DELAY}) for throttling;
   * a retry quota of 500 tokens (5 per retried non-throttling error) stops retries during an outage, and a
   * client-side rate limiter may delay attempts after throttling.
   *
   * <p><b>Effective bounds of the defaults</b>: at most 3 HTTP attempts per call; at most 3 s of backoff
   * ({@link #SDK_WORST_CASE_BACKOFF}: 1 s + 2 s when every failure is throttling, 300 ms otherwise); at most
   * 3 x 2 s + 3 s = 9 s of attempts and backoff, and in every case (rate-limiter waits included) the call ends
   * within {@code apiCallTimeout} = 10 s. {@link ClientSettings#worstCaseBackoff()} and
   * {@link ClientSettings#worstCaseCallDuration()} compute the same bounds for other settings.
   *
   * <p><b>SDK and ddbkit retries never multiply</b>: {@code RetrySettings}' default predicate does not retry a
   * failure the SDK already retried ({@code SdkException.numAttempts() > 1}), so wrapping an SDK call in
   * {@code DdbkitRetry} adds at most {@code RetrySettings.maxAttempts - 1} attempts to the SDK's, never a
   * product. Set {@code retryMode(NONE)} when an outer retry should own every attempt.
   */
  public static final class Defaults {
    /** Default maximum connections. */
    public static final int MAX_CONNECTIONS = 50;
    /** Default connect timeout. */
    public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    /** Default socket timeout. */
    public static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    /** Default pool acquisition timeout. */
    public static final Duration CONNECTION_ACQUISITION_TIMEOUT = Duration.ofSeconds(5);
    /** Default whole-call timeout. */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(10);
    /** Default per-attempt timeout. */
    public static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    /** Default SDK attempts. */
    public static final int MAX_ATTEMPTS = 3;
    /** The SDK adaptive/standard strategy's base delay for transient (non-throttling) errors, SDK 2.40.2. */
    public static final Duration SDK_BASE_DELAY = Duration.ofMillis(100);
    /** The SDK adaptive/standard strategy's base delay after throttling, SDK 2.40.2. */
    public static final Duration SDK_THROTTLED_BASE_DELAY = Duration.ofSeconds(1);
    /** The SDK adaptive/standard strategy's cap on one backoff delay, SDK 2.40.2. */
    public static final Duration SDK_MAX_BACKOFF = Duration.ofSeconds(20);
    /** Worst-case total SDK backoff per call with the default 3 attempts: 1 s + 2 s. */
    public static final Duration SDK_WORST_CASE_BACKOFF = Duration.ofSeconds(3);

    private Defaults() {}
  }

  /** Builder of {@link ClientSettings}; each setter validates and names the setting in its message. */
  public static final class Builder {
    private @Nullable Region region;
    private @Nullable URI endpointOverride;
    private @Nullable AwsCredentialsProvider credentialsProvider;
    private int maxConnections = Defaults.MAX_CONNECTIONS;
    private Duration connectionTimeout = Defaults.CONNECTION_TIMEOUT;
    private Duration socketTimeout = Defaults.SOCKET_TIMEOUT;
    private Duration connectionAcquisitionTimeout = Defaults.CONNECTION_ACQUISITION_TIMEOUT;
    private boolean tcpKeepAlive = true;
    private Duration apiCallTimeout = Defaults.API_CALL_TIMEOUT;
    private Duration apiCallAttemptTimeout = Defaults.API_CALL_ATTEMPT_TIMEOUT;
    private RetryMode retryMode = RetryMode.ADAPTIVE_V2;
    private int maxAttempts = Defaults.MAX_ATTEMPTS;
    private final List<ExecutionInterceptor> interceptors = new ArrayList<>();
    private final List<MetricPublisher> metricPublishers = new ArrayList<>();
    private MetricsHook metrics = MetricsHook.noop();

    private Builder() {}

    /** The AWS region. */
    public Builder region(Region region) {
      this.region = Require.nonNull(region, "region");
      return this;
    }

    /** Sends requests to {@code endpoint} instead of the regional endpoint (DynamoDB Local, a proxy). */
    public Builder endpointOverride(URI endpoint) {
      Require.nonNull(endpoint, "endpointOverride");
      Require.argument(endpoint.getScheme() != null && endpoint.getHost() != null, "endpointOverride",
          "endpointOverride must be an absolute URL such as http://localhost:8000 but was " + endpoint + ".");
      this.endpointOverride = endpoint;
      return this;
    }

    /** The credentials provider; the default chain when not set. */
    public Builder credentialsProvider(AwsCredentialsProvider provider) {
      this.credentialsProvider = Require.nonNull(provider, "credentialsProvider");
      return this;
    }

    /** Maximum open HTTP connections; at least 1. */
    public Builder maxConnections(int maxConnections) {
      this.maxConnections = Require.atLeast(maxConnections, 1, "maxConnections");
      return this;
    }

    /** TCP connect timeout; positive. */
    public Builder connectionTimeout(Duration timeout) {
      this.connectionTimeout = positive(timeout, "connectionTimeout");
      return this;
    }

    /** Socket read timeout; positive. */
    public Builder socketTimeout(Duration timeout) {
      this.socketTimeout = positive(timeout, "socketTimeout");
      return this;
    }

    /** Pool acquisition timeout; positive. */
    public Builder connectionAcquisitionTimeout(Duration timeout) {
      this.connectionAcquisitionTimeout = positive(timeout, "connectionAcquisitionTimeout");
      return this;
    }

    /** TCP keep-alive. */
    public Builder tcpKeepAlive(boolean enabled) {
      this.tcpKeepAlive = enabled;
      return this;
    }

    /** Whole-call timeout; positive. */
    public Builder apiCallTimeout(Duration timeout) {
      this.apiCallTimeout = positive(timeout, "apiCallTimeout");
      return this;
    }

    /** Per-attempt timeout; positive and not above the call timeout. */
    public Builder apiCallAttemptTimeout(Duration timeout) {
      this.apiCallAttemptTimeout = positive(timeout, "apiCallAttemptTimeout");
      return this;
    }

    /** The SDK retry strategy. */
    public Builder retryMode(RetryMode mode) {
      this.retryMode = Require.nonNull(mode, "retryMode");
      return this;
    }

    /** Total SDK attempts per call, the first included; at least 1. */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = Require.atLeast(maxAttempts, 1, "maxAttempts");
      return this;
    }

    /** Adds an SDK execution interceptor, such as ddbkit's metrics interceptor or a test probe. */
    public Builder addInterceptor(ExecutionInterceptor interceptor) {
      interceptors.add(Require.nonNull(interceptor, "interceptor"));
      return this;
    }

    /** Adds an SDK metric publisher. */
    public Builder addMetricPublisher(MetricPublisher publisher) {
      metricPublishers.add(Require.nonNull(publisher, "metricPublisher"));
      return this;
    }

    /**
     * Reports every call of every client built from these settings to {@code hook}, through a
     * {@code MetricsInterceptor} installed before the other interceptors: duration, attempts and outcome per
     * call, SDK retries, throttled attempts, and consumed capacity per table and index (the interceptor asks
     * for {@code ReturnConsumedCapacity=INDEXES} when a request did not set it).
     *
     * <pre>{@code
     * ClientSettings.builder().metrics(MicrometerMetrics.of(registry)).build();
     * }</pre>
     */
    public Builder metrics(MetricsHook hook) {
      this.metrics = Require.nonNull(hook, "metrics");
      return this;
    }

    /** Builds the settings. */
    public ClientSettings build() {
      return new ClientSettings(this);
    }

    private static Duration positive(@Nullable Duration d, String name) {
      Require.nonNull(d, name);
      Require.argument(!d.isNegative() && !d.isZero(), name, name + " must be positive but was " + d + ".");
      return d;
    }
  }
}
