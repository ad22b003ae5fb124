package dev.ddbkit.core;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.metrics.MetricsHook;
import dev.ddbkit.core.retry.Backoff;
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
  private final Backoff sdkBackoff;
  private final Backoff sdkThrottlingBackoff;
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
    this.sdkBackoff = b.sdkBackoff;
    this.sdkThrottlingBackoff = b.sdkThrottlingBackoff;
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
    b.sdkBackoff = sdkBackoff;
    b.sdkThrottlingBackoff = sdkThrottlingBackoff;
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

  /**
   * The SDK's backoff between attempts after a transient failure (5xx, timeout, I/O): full jitter, the wait
   * before attempt {@code n} uniform in {@code [0, min(cap, base * 2^(n-2)))}. Default 25 ms base, 2 s cap.
   */
  public Backoff sdkBackoff() {
    return sdkBackoff;
  }

  /**
   * The SDK's backoff between attempts after throttling, same shape as {@link #sdkBackoff()}. Default 50 ms base,
   * 5 s cap.
   */
  public Backoff sdkThrottlingBackoff() {
    return sdkThrottlingBackoff;
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
   * was set. Pass it to {@code DdbkitRetry.of(name, settings, hook)} (or to a module's {@code metrics(...)}
   * setting) so ddbkit's own retries are counted alongside.
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
   * 2..maxAttempts of the larger of the two backoffs' ceilings, {@code min(cap, base * 2^(n-2))} (each retry
   * waits by the throttling or the transient backoff, whichever matches the failure); zero for {@code NONE}.
   * Client-side rate limiting of the adaptive mode is not included; {@link #apiCallTimeout()} bounds it.
   */
  public Duration worstCaseBackoff() {
    Duration total = Duration.ZERO;
    for (int retry = 1; retry < effectiveMaxAttempts(); retry++) {
      Duration transientCeiling = sdkBackoff.ceiling(retry);
      Duration throttledCeiling = sdkThrottlingBackoff.ceiling(retry);
      total = total.plus(transientCeiling.compareTo(throttledCeiling) >= 0 ? transientCeiling : throttledCeiling);
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
        + ", retryMode=" + retryMode + ", maxAttempts=" + maxAttempts + ", sdkBackoff=" + sdkBackoff
        + ", sdkThrottlingBackoff=" + sdkThrottlingBackoff + ", apiCallTimeout=" + apiCallTimeout
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
   *   <li>{@code sdkBackoff = 25 ms base, 2 s cap} (transient failures: 5xx, timeouts, I/O): the base the SDK
   *       itself gives DynamoDB clients built without a strategy ({@code DynamoDbRetryPolicy}). DynamoDB answers
   *       in single-digit milliseconds and a 5xx or a dropped connection is usually one node or one connection,
   *       so the next attempt (on another connection) succeeds soon; the SDK's generic 100 ms base only adds
   *       latency. The cap keeps any one wait well inside the call timeout when {@code maxAttempts} is raised.
   *   <li>{@code sdkThrottlingBackoff = 50 ms base, 5 s cap}: the DynamoDB developer guide's own example ("up to
   *       50 ms before the first retry, up to 100 ms before the second, up to 200 ms before the third").
   *       DynamoDB refills capacity continuously, per second, so a throttled request often succeeds within tens of
   *       milliseconds; the SDK's generic 1 s base (the same for every AWS service) made each throttled call
   *       wait up to 3 s. Longer storms are slowed by the adaptive rate limiter across calls and, at the higher
   *       cap, by the later retries of a call with more attempts.
   * </ul>
   *
   * <p><b>What the SDK's adaptive strategy does with them</b> (read from the classes of SDK 2.40.2:
   * {@code AdaptiveRetryStrategy.builder()}, {@code BaseRetryStrategy.computeBackoff} and
   * {@code BackoffStrategy.exponentialDelay}, i.e. full jitter). ddbkit passes the strategy explicitly with these
   * backoffs, so neither the SDK's generic delays (100 ms, 1 s after throttling, 20 s cap) nor DynamoDB's service
   * default (9 attempts, 25 ms base) apply. The wait before attempt {@code n} (n &ge; 2)
   * is uniform in {@code [0, min(cap, base * 2^(n-2)))}, in whole milliseconds, with the throttling backoff after
   * a throttling error and the transient one otherwise; a retry quota of 500 tokens (5 per retried
   * non-throttling error) stops retries during an outage, and in {@code ADAPTIVE_V2} a client-side rate limiter
   * adds its own wait on top of the backoff after throttling (up to 2 s on a client that sends little: its floor
   * is 0.5 requests per second).
   *
   * <p><b>Effective bounds of the defaults</b>: at most 3 HTTP attempts per call; at most 150 ms of backoff
   * ({@link #SDK_WORST_CASE_BACKOFF}: 50 ms + 100 ms when every failure is throttling, 25 ms + 50 ms otherwise);
   * at most 3 x 2 s + 150 ms = 6.15 s of attempts and backoff, and in every case (rate-limiter waits included)
   * the call ends within {@code apiCallTimeout} = 10 s. {@link ClientSettings#worstCaseBackoff()} and
   * {@link ClientSettings#worstCaseCallDuration()} compute the same bounds for other settings.
   *
   * <p><b>SDK and ddbkit retries never multiply silently</b>: {@code RetrySettings}' default predicate
   * ({@code DdbkitErrors.isRetryableAfterSdk}) does not retry a failure of a kind the SDK retries (throttling,
   * 5xx, timeouts, I/O) once the SDK did retry it ({@code SdkException.numAttempts() > 1}): a throttling or
   * outage storm costs at most {@code maxAttempts + RetrySettings.maxAttempts - 1} attempts per operation, never
   * a product. ddbkit does retry what the SDK never retries (transaction conflicts), even when the same SDK call
   * had throttled attempts first; only then can one operation reach {@code maxAttempts} SDK attempts per ddbkit
   * attempt, each ddbkit attempt earned by a new conflict and visible in metrics ({@code ddbkit.retries} with
   * {@code source=ddbkit} for a retry created with this hook, next to {@code source=sdk}). Set
   * {@code retryMode(NONE)} when an outer retry should own every attempt.
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
    /** Default base of the SDK's backoff after a transient failure (5xx, timeout, I/O). */
    public static final Duration SDK_BASE_DELAY = Duration.ofMillis(25);
    /** Default cap on one SDK backoff wait after a transient failure. */
    public static final Duration SDK_MAX_DELAY = Duration.ofSeconds(2);
    /** Default base of the SDK's backoff after throttling. */
    public static final Duration SDK_THROTTLED_BASE_DELAY = Duration.ofMillis(50);
    /** Default cap on one SDK backoff wait after throttling. */
    public static final Duration SDK_THROTTLED_MAX_DELAY = Duration.ofSeconds(5);
    /** Worst-case total SDK backoff per call with the default 3 attempts: 50 ms + 100 ms. */
    public static final Duration SDK_WORST_CASE_BACKOFF = Duration.ofMillis(150);
    /** The longest cap ddbkit accepts for an SDK backoff. */
    public static final Duration SDK_BACKOFF_CAP_LIMIT = Duration.ofHours(1);

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
    private Backoff sdkBackoff = Backoff.fullJitter(Defaults.SDK_BASE_DELAY, Defaults.SDK_MAX_DELAY);
    private Backoff sdkThrottlingBackoff =
        Backoff.fullJitter(Defaults.SDK_THROTTLED_BASE_DELAY, Defaults.SDK_THROTTLED_MAX_DELAY);
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

    /**
     * The SDK's backoff after a transient failure (5xx, timeout, I/O): full jitter with {@code base} and
     * {@code cap}. {@code base} at least 1 ms (the SDK counts whole milliseconds), {@code cap} from {@code base}
     * to 1 hour.
     *
     * <pre>{@code
     * ClientSettings.builder().sdkBackoff(Duration.ofMillis(25), Duration.ofSeconds(2));
     * }</pre>
     */
    public Builder sdkBackoff(Duration base, Duration cap) {
      this.sdkBackoff = backoff(base, cap, "sdkBackoff");
      return this;
    }

    /**
     * The SDK's backoff after throttling: full jitter with {@code base} and {@code cap}, validated as in
     * {@link #sdkBackoff(Duration, Duration)}.
     */
    public Builder sdkThrottlingBackoff(Duration base, Duration cap) {
      this.sdkThrottlingBackoff = backoff(base, cap, "sdkThrottlingBackoff");
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
     * Reports every call of every client built from these settings to {@code hook}, measured once by the SDK's
     * own {@code MetricPublisher} ({@code CoreMetric}, {@code HttpMetric}): duration, attempts and outcome per
     * call, SDK retries, throttled attempts with DynamoDB's throttling reason, service-call time and HTTP pool
     * use; an interceptor installed before the other interceptors adds what the SDK does not measure: consumed
     * capacity per table, index and operation (it asks for {@code ReturnConsumedCapacity=INDEXES} when a request
     * did not set it), items returned and unprocessed items. Set it once here, not also as an interceptor or
     * publisher, or calls are counted twice.
     *
     * <pre>{@code
     * ClientSettings.builder().metrics(DdbkitMeterBinder.of(registry)).build();
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

    private static Backoff backoff(@Nullable Duration base, @Nullable Duration cap, String name) {
      Require.nonNull(base, name + " base");
      Require.nonNull(cap, name + " cap");
      Require.argument(base.compareTo(Duration.ofMillis(1)) >= 0, name,
          name + " base must be at least 1 ms but was " + base + ".");
      Require.argument(cap.compareTo(base) >= 0, name,
          name + " cap must be at least the base (" + base + ") but was " + cap + ".");
      Require.argument(cap.compareTo(Defaults.SDK_BACKOFF_CAP_LIMIT) <= 0, name,
          name + " cap must be at most " + Defaults.SDK_BACKOFF_CAP_LIMIT + " but was " + cap + ".");
      return Backoff.fullJitter(base, cap);
    }

    private static Duration positive(@Nullable Duration d, String name) {
      Require.nonNull(d, name);
      Require.argument(!d.isNegative() && !d.isZero(), name, name + " must be positive but was " + d + ".");
      return d;
    }
  }
}
