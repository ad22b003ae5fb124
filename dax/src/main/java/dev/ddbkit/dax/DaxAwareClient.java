package dev.ddbkit.dax;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.dax.internal.DaxRouter;
import dev.ddbkit.dax.internal.DaxSupport;
import dev.ddbkit.dax.internal.ForwardingDynamoDbClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.CredentialUtils;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A drop-in {@link DynamoDbClient} that sends reads and writes through DAX while DAX is healthy and
 * through DynamoDB otherwise, so the enhanced client, ddbkit repositories and plain SDK code run over it
 * unchanged.
 *
 * <ul>
 *   <li>GetItem, BatchGetItem, Query and Scan go through DAX, except strongly consistent ones, which go to
 *       DynamoDB (DAX would only pass them through). If DAX fails (connection, timeout, server error) the
 *       read is retried once on DynamoDB.
 *   <li>PutItem, UpdateItem, DeleteItem, BatchWriteItem and TransactWriteItems go through DAX (keeping its
 *       item cache current). A failed write is re-sent to DynamoDB <em>only</em> when it certainly never
 *       reached DAX (connection refused, no endpoint available, DAX client could not be created). After a
 *       timeout or a broken connection DAX may already have written it to DynamoDB, so the error is thrown
 *       rather than risking a second application of, say, an {@code ADD} update.
 *   <li>TransactGetItems, DescribeTable and every other operation go straight to DynamoDB.
 *   <li>Errors that are the request's own (failed condition, cancelled transaction, validation) are thrown
 *       as the SDK's exceptions, exactly as DynamoDB would, and never count against DAX.
 *   <li>A resilience4j circuit breaker opens after repeated DAX failures; while open every request goes to
 *       DynamoDB without trying DAX. After the cool-down one health probe (a GetItem bounded by the probe
 *       timeout) is sent; if DAX answers, the breaker closes.
 * </ul>
 *
 * <p>Without a DAX endpoint, or without {@code software.amazon.dax:amazon-dax-client} on the classpath,
 * every request goes to DynamoDB and no DAX class is loaded.
 *
 * <pre>{@code
 * DynamoDbClient client = DaxAwareClient.builder()
 *     .dynamoDb(clients.sync())
 *     .daxEndpoint("dax://my-cluster.abc123.dax-clusters.eu-west-1.amazonaws.com:8111")
 *     .connectTimeout(Duration.ofMillis(500))
 *     .circuitBreaker(b -> b.coolDown(Duration.ofSeconds(30)))
 *     .build();
 * DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
 * }</pre>
 */
public final class DaxAwareClient extends ForwardingDynamoDbClient {
  /** The environment variable {@link Builder#daxEndpointFromEnvironment()} reads. */
  public static final String DAX_ENDPOINT_ENV = "DAX_ENDPOINT";

  private static final Logger LOG = LoggerFactory.getLogger("dev.ddbkit.dax");

  private final DynamoDbClient dynamoDb;
  private final DaxRouter router;

  private DaxAwareClient(DynamoDbClient dynamoDb, DaxRouter router) {
    this.dynamoDb = dynamoDb;
    this.router = router;
  }

  /** A builder; {@link Builder#dynamoDb(DynamoDbClient)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client over {@code dynamoDb} using the DAX endpoint in the {@code DAX_ENDPOINT} environment variable,
   * or DynamoDB alone when it is not set.
   */
  public static DaxAwareClient fromEnvironment(DynamoDbClient dynamoDb) {
    return builder().dynamoDb(dynamoDb).daxEndpointFromEnvironment().build();
  }

  @Override
  protected DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  /** Health snapshot: state, last DAX error, routing counts. Makes no network call. */
  public DaxHealth health() {
    return router.health();
  }

  /**
   * Sends the health probe (a GetItem, bounded by the probe timeout) to DAX now, unless the breaker is
   * open and its cool-down has not elapsed, records the outcome and returns the resulting health.
   */
  public DaxHealth probe() {
    return router.probe();
  }

  /** Where cacheable requests currently go. */
  public DaxState state() {
    return router.state();
  }

  /** GetItem through DAX, or DynamoDB when {@code ConsistentRead} is set. */
  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    return readOrDirect("GetItem", Boolean.TRUE.equals(request.consistentRead()), c -> c.getItem(request));
  }

  /** BatchGetItem through DAX, or DynamoDB when any table asks for {@code ConsistentRead}. */
  @Override
  public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
    boolean consistent = request.hasRequestItems() && request.requestItems().values().stream()
        .map(KeysAndAttributes::consistentRead)
        .anyMatch(Boolean.TRUE::equals);
    return readOrDirect("BatchGetItem", consistent, c -> c.batchGetItem(request));
  }

  /** Query through DAX, or DynamoDB when {@code ConsistentRead} is set. */
  @Override
  public QueryResponse query(QueryRequest request) {
    return readOrDirect("Query", Boolean.TRUE.equals(request.consistentRead()), c -> c.query(request));
  }

  /** Scan through DAX, or DynamoDB when {@code ConsistentRead} is set. */
  @Override
  public ScanResponse scan(ScanRequest request) {
    return readOrDirect("Scan", Boolean.TRUE.equals(request.consistentRead()), c -> c.scan(request));
  }

  /** TransactGetItems on DynamoDB: DAX passes transactional reads through without caching them. */
  @Override
  public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
    return router.direct("TransactGetItems", c -> c.transactGetItems(request));
  }

  /** PutItem through DAX; re-sent to DynamoDB only if it certainly never reached DAX. */
  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    return router.write("PutItem", c -> c.putItem(request));
  }

  /** UpdateItem through DAX; re-sent to DynamoDB only if it certainly never reached DAX. */
  @Override
  public UpdateItemResponse updateItem(UpdateItemRequest request) {
    return router.write("UpdateItem", c -> c.updateItem(request));
  }

  /** DeleteItem through DAX; re-sent to DynamoDB only if it certainly never reached DAX. */
  @Override
  public DeleteItemResponse deleteItem(DeleteItemRequest request) {
    return router.write("DeleteItem", c -> c.deleteItem(request));
  }

  /** BatchWriteItem through DAX; re-sent to DynamoDB only if it certainly never reached DAX. */
  @Override
  public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
    return router.write("BatchWriteItem", c -> c.batchWriteItem(request));
  }

  /** TransactWriteItems through DAX; re-sent to DynamoDB only if it certainly never reached DAX. */
  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
    return router.write("TransactWriteItems", c -> c.transactWriteItems(request));
  }

  /** DescribeTable on DynamoDB (DAX does not serve control-plane calls). */
  @Override
  public DescribeTableResponse describeTable(DescribeTableRequest request) {
    return router.direct("DescribeTable", c -> c.describeTable(request));
  }

  private <T> T readOrDirect(String operation, boolean consistent, Function<DynamoDbClient, T> call) {
    return consistent ? router.direct(operation, call) : router.read(operation, call);
  }

  /**
   * Closes the probe thread and the DAX client this client created. The DynamoDB client and a DAX client
   * passed to {@link Builder#daxClient(DynamoDbClient)} stay open: they belong to the caller.
   */
  @Override
  public void close() {
    router.close();
  }

  /** Builder of {@link DaxAwareClient}; not thread-safe. */
  public static final class Builder {
    private @Nullable DynamoDbClient dynamoDb;
    private @Nullable String daxEndpoint;
    private @Nullable DynamoDbClient daxClient;
    private @Nullable Region region;
    private @Nullable AwsCredentialsProvider credentials;
    private Duration connectTimeout = Duration.ofSeconds(1);
    private Duration requestTimeout = Duration.ofSeconds(3);
    private Duration probeTimeout = Duration.ofMillis(500);
    private DaxBreakerSettings breaker = DaxBreakerSettings.defaults();
    private DaxListener listener = DaxListener.noop();
    private String name = "dax";
    private GetItemRequest probeRequest = GetItemRequest.builder()
        .tableName("ddbkit-dax-health-probe")
        .key(Map.of("pk", AttributeValue.fromS("__health_check__")))
        .build();

    private Builder() {}

    /** The DynamoDB client used for fallback and for everything DAX does not serve. Required. */
    public Builder dynamoDb(DynamoDbClient dynamoDb) {
      this.dynamoDb = Require.nonNull(dynamoDb, "dynamoDb");
      return this;
    }

    /**
     * The DAX cluster endpoint, {@code dax://host:port} (or {@code daxs://} for TLS). A blank value means
     * no DAX.
     */
    public Builder daxEndpoint(@Nullable String endpoint) {
      if (endpoint == null || endpoint.isBlank()) {
        this.daxEndpoint = null;
        return this;
      }
      String e = endpoint.trim();
      Require.argument(e.startsWith("dax://") || e.startsWith("daxs://"), "daxEndpoint",
          "daxEndpoint must start with dax:// or daxs:// but was '" + e + "'.");
      this.daxEndpoint = e;
      return this;
    }

    /** Uses the {@code DAX_ENDPOINT} environment variable as the DAX endpoint; no DAX when it is unset. */
    public Builder daxEndpointFromEnvironment() {
      return daxEndpointFrom(System::getenv);
    }

    /** Reads the DAX endpoint from {@code environment.apply("DAX_ENDPOINT")}; for tests and custom config. */
    public Builder daxEndpointFrom(Function<String, @Nullable String> environment) {
      return daxEndpoint(environment.apply(DAX_ENDPOINT_ENV));
    }

    /**
     * A ready DAX-side client to use instead of building one from an endpoint: your own configured
     * {@code ClusterDaxClient}, or a stand-in in tests. It should not retry writes itself, because the
     * write rule relies on knowing whether the one attempt reached DAX. Not closed by {@link #close()}.
     */
    public Builder daxClient(DynamoDbClient daxClient) {
      this.daxClient = Require.nonNull(daxClient, "daxClient");
      return this;
    }

    /** The region the DAX client signs requests for; defaults to the DynamoDB client's region. */
    public Builder region(Region region) {
      this.region = Require.nonNull(region, "region");
      return this;
    }

    /** Credentials the DAX client signs with; default the DynamoDB client's credentials. */
    public Builder credentialsProvider(AwsCredentialsProvider credentials) {
      this.credentials = Require.nonNull(credentials, "credentialsProvider");
      return this;
    }

    /** How long the DAX client waits to open a connection (default 1 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** How long the DAX client waits for one answer (default 3 s). */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /** How long a health probe may take before it counts as a failure (default 500 ms). */
    public Builder probeTimeout(Duration timeout) {
      this.probeTimeout = positive(timeout, "probeTimeout");
      return this;
    }

    /**
     * The GetItem sent as health probe. Any answer from DAX, even "table not found", counts as healthy.
     * Default: table {@code ddbkit-dax-health-probe}, key {@code pk = "__health_check__"}.
     */
    public Builder probeRequest(GetItemRequest request) {
      this.probeRequest = Require.nonNull(request, "probeRequest");
      return this;
    }

    /** The circuit-breaker settings (default {@link DaxBreakerSettings#defaults()}). */
    public Builder circuitBreaker(DaxBreakerSettings settings) {
      this.breaker = Require.nonNull(settings, "circuitBreaker");
      return this;
    }

    /** Adjusts the circuit-breaker settings: {@code .circuitBreaker(b -> b.coolDown(Duration.ofSeconds(10)))}. */
    public Builder circuitBreaker(Consumer<DaxBreakerSettings.Builder> customizer) {
      DaxBreakerSettings.Builder b = breaker.toBuilder();
      customizer.accept(b);
      this.breaker = b.build();
      return this;
    }

    /** Receives routing decisions and state changes, for metrics (default none). */
    public Builder listener(DaxListener listener) {
      this.listener = Require.nonNull(listener, "listener");
      return this;
    }

    /** The circuit breaker's name, used in logs (default {@code dax}). */
    public Builder name(String name) {
      this.name = Require.nonBlank(name, "name");
      return this;
    }

    /** Validates and builds the client. Never contacts DAX: its client is created on first use. */
    public DaxAwareClient build() {
      DynamoDbClient ddb = Require.nonNull(dynamoDb, "dynamoDb");
      Require.argument(daxClient == null || daxEndpoint == null, "daxClient",
          "Set either daxEndpoint or daxClient, not both.");
      DaxRouter router;
      if (daxClient != null) {
        DynamoDbClient given = daxClient;
        router = DaxRouter.enabled(ddb, () -> given, false, "daxClient " + given.getClass().getSimpleName(), name,
            breaker, listener, probeRequest, probeTimeout);
      } else if (daxEndpoint == null) {
        router = DaxRouter.disabled(ddb, null,
            "No DAX endpoint configured (daxEndpoint or " + DAX_ENDPOINT_ENV + ").", listener);
      } else if (!DaxSupport.available()) {
        String reason = "DAX endpoint " + daxEndpoint + " is configured but software.amazon.dax:amazon-dax-client"
            + " is not on the classpath.";
        LOG.warn("{} Sending every request to DynamoDB.", reason);
        router = DaxRouter.disabled(ddb, daxEndpoint, reason, listener);
      } else {
        router = DaxRouter.enabled(ddb,
            DaxSupport.clientFactory(daxEndpoint, regionOf(ddb), credentialsOf(ddb), connectTimeout, requestTimeout),
            true, daxEndpoint, name, breaker, listener, probeRequest, probeTimeout);
        LOG.info("Routing DynamoDB requests through DAX at {}", daxEndpoint);
      }
      return new DaxAwareClient(ddb, router);
    }

    private @Nullable Region regionOf(DynamoDbClient ddb) {
      if (region != null) {
        return region;
      }
      try {
        return ddb.serviceClientConfiguration().region();
      } catch (RuntimeException e) {
        return null;
      }
    }

    private @Nullable AwsCredentialsProvider credentialsOf(DynamoDbClient ddb) {
      if (credentials != null) {
        return credentials;
      }
      try {
        DynamoDbServiceClientConfiguration config = ddb.serviceClientConfiguration();
        return config.credentialsProvider() == null
            ? null
            : CredentialUtils.toCredentialsProvider(config.credentialsProvider());
      } catch (RuntimeException e) {
        return null;
      }
    }

    private static Duration positive(Duration d, String name) {
      Require.nonNull(d, name);
      Require.argument(!d.isNegative() && !d.isZero(), name, name + " must be positive but was " + d + ".");
      return d;
    }
  }
}
