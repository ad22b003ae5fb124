package dev.ddbkit.dax.internal;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.metrics.MetricsHook;
import dev.ddbkit.dax.DaxBreakerSettings;
import dev.ddbkit.dax.DaxListener;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.CredentialUtils;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** The settings shared by the sync and async DAX-aware builders, and the router construction. */
public final class DaxConfig {
  /** The environment variable holding the DAX endpoint. */
  public static final String DAX_ENDPOINT_ENV = "DAX_ENDPOINT";

  private static final Logger LOG = LoggerFactory.getLogger("dev.ddbkit.dax");

  private @Nullable String daxEndpoint;
  private @Nullable Region region;
  private @Nullable AwsCredentialsProvider credentials;
  private Duration connectTimeout = Duration.ofSeconds(1);
  private Duration requestTimeout = Duration.ofSeconds(3);
  private Duration probeTimeout = Duration.ofMillis(500);
  private DaxBreakerSettings breaker = DaxBreakerSettings.defaults();
  private DaxListener listener = DaxListener.noop();
  private MetricsHook metrics = MetricsHook.noop();
  private String name = "dax";
  private GetItemRequest probeRequest = GetItemRequest.builder()
      .tableName("ddbkit-dax-health-probe")
      .key(Map.of("pk", AttributeValue.fromS("__health_check__")))
      .build();

  /** Sets the endpoint; blank means none. */
  public void daxEndpoint(@Nullable String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      this.daxEndpoint = null;
      return;
    }
    String e = endpoint.trim();
    Require.argument(e.startsWith("dax://") || e.startsWith("daxs://"), "daxEndpoint",
        "daxEndpoint must start with dax:// or daxs:// but was '" + e + "'.");
    this.daxEndpoint = e;
  }

  /** Region the DAX client signs for. */
  public void region(Region region) {
    this.region = Require.nonNull(region, "region");
  }

  /** Credentials the DAX client signs with. */
  public void credentialsProvider(AwsCredentialsProvider credentials) {
    this.credentials = Require.nonNull(credentials, "credentialsProvider");
  }

  /** DAX connect and discovery timeout. */
  public void connectTimeout(Duration timeout) {
    this.connectTimeout = positive(timeout, "connectTimeout");
  }

  /** DAX request timeout. */
  public void requestTimeout(Duration timeout) {
    this.requestTimeout = positive(timeout, "requestTimeout");
  }

  /** Health-probe timeout. */
  public void probeTimeout(Duration timeout) {
    this.probeTimeout = positive(timeout, "probeTimeout");
  }

  /** The GetItem used as health probe. */
  public void probeRequest(GetItemRequest request) {
    this.probeRequest = Require.nonNull(request, "probeRequest");
  }

  /** The GetItem used as health probe. */
  public GetItemRequest probeRequest() {
    return probeRequest;
  }

  /** Circuit-breaker settings. */
  public void circuitBreaker(DaxBreakerSettings settings) {
    this.breaker = Require.nonNull(settings, "circuitBreaker");
  }

  /** Adjusts the circuit-breaker settings. */
  public void circuitBreaker(Consumer<DaxBreakerSettings.Builder> customizer) {
    DaxBreakerSettings.Builder b = breaker.toBuilder();
    customizer.accept(b);
    this.breaker = b.build();
  }

  /** Routing and state listener. */
  public void listener(DaxListener listener) {
    this.listener = Require.nonNull(listener, "listener");
  }

  /** Core metrics hook. */
  public void metrics(MetricsHook hook) {
    this.metrics = Require.nonNull(hook, "metrics");
  }

  /** Circuit-breaker name. */
  public void name(String name) {
    this.name = Require.nonBlank(name, "name");
  }

  /** Creates the real DAX client of type {@code C} from the settings. */
  @FunctionalInterface
  public interface RealDaxFactory<C> {
    /** Returns a supplier creating the client on first use. */
    Supplier<C> create(String endpoint, @Nullable Region region, @Nullable AwsCredentialsProvider credentials,
        Duration connectTimeout, Duration requestTimeout);
  }

  /**
   * Builds the router: over {@code daxClient} if given, over a real DAX client if an endpoint is set and
   * the DAX jar is present, or sending everything to {@code dynamoDb}.
   */
  public <C extends SdkAutoCloseable> DaxRouter<C> router(
      C dynamoDb,
      @Nullable C daxClient,
      @Nullable DynamoDbServiceClientConfiguration dynamoDbConfig,
      RealDaxFactory<C> realDax,
      DaxRouter.ProbeCall<C> probe) {
    Require.argument(daxClient == null || daxEndpoint == null, "daxClient",
        "Set either daxEndpoint or daxClient, not both.");
    if (daxClient != null) {
      C given = daxClient;
      return DaxRouter.enabled(dynamoDb, () -> given, false, "daxClient " + given.getClass().getSimpleName(),
          name, breaker, listener, metrics, probe, probeTimeout, connectTimeout);
    }
    String endpoint = daxEndpoint;
    if (endpoint == null) {
      return DaxRouter.disabled(dynamoDb, null,
          "No DAX endpoint configured (daxEndpoint or " + DAX_ENDPOINT_ENV + ").", listener);
    }
    if (!DaxSupport.available()) {
      String reason = "DAX endpoint " + endpoint + " is configured but software.amazon.dax:amazon-dax-client"
          + " is not on the classpath.";
      LOG.warn("{} Sending every request to DynamoDB.", reason);
      return DaxRouter.disabled(dynamoDb, endpoint, reason, listener);
    }
    LOG.info("Routing DynamoDB requests through DAX at {}", endpoint);
    return DaxRouter.enabled(dynamoDb,
        realDax.create(endpoint, regionOf(dynamoDbConfig), credentialsOf(dynamoDbConfig), connectTimeout,
            requestTimeout),
        true, endpoint, name, breaker, listener, metrics, probe, probeTimeout, connectTimeout);
  }

  private @Nullable Region regionOf(@Nullable DynamoDbServiceClientConfiguration config) {
    if (region != null) {
      return region;
    }
    return config == null ? null : config.region();
  }

  private @Nullable AwsCredentialsProvider credentialsOf(@Nullable DynamoDbServiceClientConfiguration config) {
    if (credentials != null) {
      return credentials;
    }
    if (config == null || config.credentialsProvider() == null) {
      return null;
    }
    return CredentialUtils.toCredentialsProvider(config.credentialsProvider());
  }

  private static Duration positive(Duration d, String name) {
    Require.nonNull(d, name);
    Require.argument(!d.isNegative() && !d.isZero(), name, name + " must be positive but was " + d + ".");
    return d;
  }
}
