package dev.ddbkit.dax;

import dev.ddbkit.core.metrics.MetricsHook;
import dev.ddbkit.dax.internal.DaxConfig;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * The settings shared by {@link DaxAwareClient.Builder} and {@link DaxAwareAsyncClient.Builder}: DAX
 * endpoint, signing, timeouts, health probe, circuit breaker and observers. Each setter returns the
 * concrete builder, so calls chain in any order with the client-specific ones:
 *
 * <pre>{@code
 * DynamoDbClient client = DaxAwareClient.builder()
 *     .dynamoDb(clients.sync())
 *     .daxEndpoint("dax://my-cluster.abc123.dax-clusters.eu-west-1.amazonaws.com:8111")
 *     .connectTimeout(Duration.ofMillis(500))
 *     .build();
 * }</pre>
 *
 * <p>Not thread-safe. Only the two builders above extend it.
 *
 * @param <B> the concrete builder type, returned by every setter
 */
public abstract class DaxClientBuilder<B extends DaxClientBuilder<B>> {
  private final DaxConfig config = new DaxConfig();

  DaxClientBuilder() {}

  /** This builder as its concrete type, for chaining. */
  protected abstract B self();

  /** The collected settings, for the concrete builder's {@code build()}. */
  final DaxConfig config() {
    return config;
  }

  /** The DynamoDB client's configuration (region, credentials), or null when it cannot tell (a stand-in). */
  static @Nullable DynamoDbServiceClientConfiguration configurationOf(
      Supplier<DynamoDbServiceClientConfiguration> configuration) {
    try {
      return configuration.get();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The DAX cluster endpoint, {@code dax://host:port} (or {@code daxs://} for TLS). A blank value means
   * no DAX.
   */
  public B daxEndpoint(@Nullable String endpoint) {
    config.daxEndpoint(endpoint);
    return self();
  }

  /** Uses the {@code DAX_ENDPOINT} environment variable as the DAX endpoint; no DAX when it is unset. */
  public B daxEndpointFromEnvironment() {
    return daxEndpointFrom(System::getenv);
  }

  /** Reads the DAX endpoint from {@code environment.apply("DAX_ENDPOINT")}; for tests and custom config. */
  public B daxEndpointFrom(Function<String, @Nullable String> environment) {
    return daxEndpoint(environment.apply(DaxConfig.DAX_ENDPOINT_ENV));
  }

  /** The region the DAX client signs requests for; defaults to the DynamoDB client's region. */
  public B region(Region region) {
    config.region(region);
    return self();
  }

  /** Credentials the DAX client signs with; default the DynamoDB client's credentials. */
  public B credentialsProvider(AwsCredentialsProvider credentials) {
    config.credentialsProvider(credentials);
    return self();
  }

  /** How long the DAX client waits to open a connection or discover the cluster (default 1 s). */
  public B connectTimeout(Duration timeout) {
    config.connectTimeout(timeout);
    return self();
  }

  /** How long the DAX client waits for one answer (default 3 s). */
  public B requestTimeout(Duration timeout) {
    config.requestTimeout(timeout);
    return self();
  }

  /** How long a health probe may take before it counts as a failure (default 500 ms). */
  public B probeTimeout(Duration timeout) {
    config.probeTimeout(timeout);
    return self();
  }

  /**
   * The GetItem sent as health probe. Any answer from DAX, even "table not found", counts as healthy.
   * Default: table {@code ddbkit-dax-health-probe}, key {@code pk = "__health_check__"}.
   */
  public B probeRequest(GetItemRequest request) {
    config.probeRequest(request);
    return self();
  }

  /** The circuit-breaker settings (default {@link DaxBreakerSettings#defaults()}). */
  public B circuitBreaker(DaxBreakerSettings settings) {
    config.circuitBreaker(settings);
    return self();
  }

  /** Adjusts the circuit-breaker settings: {@code .circuitBreaker(b -> b.coolDown(Duration.ofSeconds(10)))}. */
  public B circuitBreaker(Consumer<DaxBreakerSettings.Builder> customizer) {
    config.circuitBreaker(customizer);
    return self();
  }

  /** Receives routing decisions and state changes, for metrics (default none). */
  public B listener(DaxListener listener) {
    config.listener(listener);
    return self();
  }

  /**
   * Reports to core's metrics hook: requests DAX answered as {@code operationCompleted} (DynamoDB's own
   * calls are reported by the DynamoDB client's own metrics, {@code ClientSettings.metrics}), each read retried
   * or write re-sent on DynamoDB after a DAX failure as {@code retried(operation, table, DDBKIT)}, and every
   * transition of the resilience4j circuit breaker as {@code circuitBreakerTransition(name, from, to)}
   * ({@code ddbkit.breaker.state} and {@code ddbkit.breaker.transitions} with {@code DdbkitMeterBinder}). Pass
   * the same hook as {@code ClientSettings.metrics()}. Default none.
   */
  public B metrics(MetricsHook hook) {
    config.metrics(hook);
    return self();
  }

  /** The circuit breaker's name (default {@code dax}). */
  public B name(String name) {
    config.name(name);
    return self();
  }
}
