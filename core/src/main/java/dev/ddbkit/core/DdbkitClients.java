package dev.ddbkit.core;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.metrics.internal.CallMetricsInterceptor;
import dev.ddbkit.core.metrics.internal.HookMetricPublisher;
import dev.ddbkit.core.retry.Backoff;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * Builds consistently configured sync, async and enhanced DynamoDB clients from one {@link ClientSettings}.
 * Clients are created on first use and closed with this object.
 *
 * <pre>{@code
 * try (DdbkitClients clients = DdbkitClients.create(ClientSettings.builder().region(Region.US_EAST_1).build())) {
 *   DynamoDbClient dynamo = clients.sync();
 *   DynamoDbEnhancedClient enhanced = clients.enhanced();
 * }
 * }</pre>
 */
public final class DdbkitClients implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DdbkitClients.class);

  private final ClientSettings settings;
  private final Lazy<DynamoDbClient> sync = new Lazy<>();
  private final Lazy<DynamoDbAsyncClient> async = new Lazy<>();
  private final Lazy<DynamoDbEnhancedClient> enhanced = new Lazy<>();
  private final Lazy<DynamoDbEnhancedAsyncClient> enhancedAsync = new Lazy<>();
  private volatile boolean closed;

  private final Function<ClientSettings, DynamoDbClient> syncFactory;
  private final Function<ClientSettings, DynamoDbAsyncClient> asyncFactory;

  private DdbkitClients(ClientSettings settings) {
    this(settings, DdbkitClients::newSyncClient, DdbkitClients::newAsyncClient);
  }

  /** With client factories; for tests of the lifecycle. */
  DdbkitClients(ClientSettings settings, Function<ClientSettings, DynamoDbClient> syncFactory,
      Function<ClientSettings, DynamoDbAsyncClient> asyncFactory) {
    this.settings = settings;
    this.syncFactory = syncFactory;
    this.asyncFactory = asyncFactory;
  }

  /** Clients configured by {@code settings}. */
  public static DdbkitClients create(ClientSettings settings) {
    return new DdbkitClients(Require.nonNull(settings, "settings"));
  }

  /** Clients with the production defaults. */
  public static DdbkitClients create() {
    return create(ClientSettings.defaults());
  }

  /** The settings these clients use. */
  public ClientSettings settings() {
    return settings;
  }

  /** The synchronous client (Apache HTTP client); throws {@link IllegalStateException} once closed. */
  public DynamoDbClient sync() {
    return sync.get(() -> syncFactory.apply(settings));
  }

  /** The asynchronous client (Netty HTTP client); throws {@link IllegalStateException} once closed. */
  public DynamoDbAsyncClient async() {
    return async.get(() -> asyncFactory.apply(settings));
  }

  /** The enhanced client over {@link #sync()}. */
  public DynamoDbEnhancedClient enhanced() {
    return enhanced.get(() -> DynamoDbEnhancedClient.builder().dynamoDbClient(sync()).build());
  }

  /** The enhanced async client over {@link #async()}. */
  public DynamoDbEnhancedAsyncClient enhancedAsync() {
    return enhancedAsync.get(() -> DynamoDbEnhancedAsyncClient.builder().dynamoDbClient(async()).build());
  }

  /** A new synchronous client with {@code settings}; the caller closes it. */
  public static DynamoDbClient newSyncClient(ClientSettings settings) {
    DynamoDbClientBuilder b = DynamoDbClient.builder()
        .httpClientBuilder(ApacheHttpClient.builder()
            .maxConnections(settings.maxConnections())
            .connectionTimeout(settings.connectionTimeout())
            .socketTimeout(settings.socketTimeout())
            .connectionAcquisitionTimeout(settings.connectionAcquisitionTimeout())
            .tcpKeepAlive(settings.tcpKeepAlive()))
        .overrideConfiguration(override(settings));
    settings.region().ifPresent(b::region);
    settings.endpointOverride().ifPresent(b::endpointOverride);
    settings.credentialsProvider().ifPresent(b::credentialsProvider);
    log.debug("Creating DynamoDB sync client with {}", settings);
    return b.build();
  }

  /** A new asynchronous client with {@code settings}; the caller closes it. */
  public static DynamoDbAsyncClient newAsyncClient(ClientSettings settings) {
    DynamoDbAsyncClientBuilder b = DynamoDbAsyncClient.builder()
        .httpClientBuilder(NettyNioAsyncHttpClient.builder()
            .maxConcurrency(settings.maxConnections())
            .connectionTimeout(settings.connectionTimeout())
            .readTimeout(settings.socketTimeout())
            .writeTimeout(settings.socketTimeout())
            .connectionAcquisitionTimeout(settings.connectionAcquisitionTimeout())
            .tcpKeepAlive(settings.tcpKeepAlive()))
        .overrideConfiguration(override(settings));
    settings.region().ifPresent(b::region);
    settings.endpointOverride().ifPresent(b::endpointOverride);
    settings.credentialsProvider().ifPresent(b::credentialsProvider);
    log.debug("Creating DynamoDB async client with {}", settings);
    return b.build();
  }

  /**
   * The SDK retry strategy {@code settings} describe: the SDK's {@code AdaptiveRetryStrategy} (ADAPTIVE_V2) or
   * {@code StandardRetryStrategy} with the SDK's own retry conditions, {@link ClientSettings#maxAttempts()} and
   * ddbkit's DynamoDB backoffs ({@link ClientSettings#sdkBackoff()} after transient failures,
   * {@link ClientSettings#sdkThrottlingBackoff()} after throttling, both full jitter); or no retries for
   * {@code NONE}.
   */
  public static RetryStrategy retryStrategy(ClientSettings settings) {
    BackoffStrategy backoff = exponentialDelay(settings.sdkBackoff());
    BackoffStrategy throttlingBackoff = exponentialDelay(settings.sdkThrottlingBackoff());
    return switch (settings.retryMode()) {
      case ADAPTIVE_V2 -> AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
          .maxAttempts(settings.maxAttempts())
          .backoffStrategy(backoff)
          .throttlingBackoffStrategy(throttlingBackoff)
          .build();
      case STANDARD -> AwsRetryStrategy.standardRetryStrategy().toBuilder()
          .maxAttempts(settings.maxAttempts())
          .backoffStrategy(backoff)
          .throttlingBackoffStrategy(throttlingBackoff)
          .build();
      case NONE -> AwsRetryStrategy.doNotRetry();
    };
  }

  private static BackoffStrategy exponentialDelay(Backoff backoff) {
    // the SDK draws whole milliseconds; ClientSettings guarantees a base of at least 1 ms
    return BackoffStrategy.exponentialDelay(backoff.base(), backoff.cap());
  }

  private static ClientOverrideConfiguration override(ClientSettings settings) {
    ClientOverrideConfiguration.Builder o = ClientOverrideConfiguration.builder()
        .apiCallTimeout(settings.apiCallTimeout())
        .apiCallAttemptTimeout(settings.apiCallAttemptTimeout())
        .retryStrategy(retryStrategy(settings));
    if (settings.metricsEnabled()) {
      // one path: the SDK's metric publisher measures, the interceptor only adds what the publisher lacks
      o.addExecutionInterceptor(new CallMetricsInterceptor(true));
      o.addMetricPublisher(new HookMetricPublisher(settings.metrics()));
    }
    settings.interceptors().forEach(o::addExecutionInterceptor);
    settings.metricPublishers().forEach(o::addMetricPublisher);
    return o.build();
  }

  /** A client created on first use, under this object's lock so that it never outlives {@link #close()}. */
  private final class Lazy<T> {
    private volatile @Nullable T value;

    T get(Supplier<T> create) {
      checkOpen();
      T v = value;
      if (v == null) {
        synchronized (DdbkitClients.this) {
          checkOpen();
          v = value;
          if (v == null) {
            v = create.get();
            value = v;
          }
        }
      }
      return v;
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("These DdbkitClients are closed.");
    }
  }

  /**
   * Closes every client created so far, each even if closing another fails (the first failure is rethrown
   * with later ones suppressed). Afterwards every accessor throws {@link IllegalStateException}.
   */
  @Override
  public synchronized void close() {
    closed = true;
    @Nullable RuntimeException failure = null;
    failure = closeQuietly(sync.value, failure);
    failure = closeQuietly(async.value, failure);
    if (failure != null) {
      throw failure;
    }
  }

  private static @Nullable RuntimeException closeQuietly(@Nullable AutoCloseable client,
      @Nullable RuntimeException failure) {
    if (client == null) {
      return failure;
    }
    try {
      client.close();
      return failure;
    } catch (Exception e) {
      RuntimeException wrapped = e instanceof RuntimeException re ? re : new IllegalStateException(e);
      if (failure == null) {
        return wrapped;
      }
      failure.addSuppressed(wrapped);
      return failure;
    }
  }
}
