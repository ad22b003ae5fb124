package dev.ddbkit.dax;

import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.metrics.MetricsHook;
import dev.ddbkit.dax.internal.DaxConfig;
import dev.ddbkit.dax.internal.DaxRouter;
import dev.ddbkit.dax.internal.DaxSupport;
import dev.ddbkit.dax.internal.Tables;
import dev.ddbkit.dax.internal.ForwardingDynamoDbAsyncClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
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
 * The asynchronous counterpart of {@link DaxAwareClient}: a drop-in {@link DynamoDbAsyncClient} over DAX's
 * {@code ClusterDaxAsyncClient} with the same routing, fallback and write rules, circuit breaker and health.
 * Never blocks the calling thread on DAX's health: when the cool-down has elapsed, the probe runs in the
 * background while that request goes to DynamoDB, and the breaker closes for later requests once DAX
 * answers. Only the very first request may block, while the DAX client is created.
 *
 * <pre>{@code
 * DynamoDbAsyncClient client = DaxAwareAsyncClient.builder()
 *     .dynamoDb(clients.async())
 *     .daxEndpointFromEnvironment()
 *     .build();
 * DynamoDbEnhancedAsyncClient enhanced = DynamoDbEnhancedAsyncClient.builder().dynamoDbClient(client).build();
 * }</pre>
 */
public final class DaxAwareAsyncClient extends ForwardingDynamoDbAsyncClient {
  /** The environment variable {@link Builder#daxEndpointFromEnvironment()} reads. */
  public static final String DAX_ENDPOINT_ENV = DaxConfig.DAX_ENDPOINT_ENV;

  private final DynamoDbAsyncClient dynamoDb;
  private final DaxRouter<DynamoDbAsyncClient> router;

  private DaxAwareAsyncClient(DynamoDbAsyncClient dynamoDb, DaxRouter<DynamoDbAsyncClient> router) {
    this.dynamoDb = dynamoDb;
    this.router = router;
  }

  /** A builder; {@link Builder#dynamoDb(DynamoDbAsyncClient)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client over {@code dynamoDb} using the DAX endpoint in the {@code DAX_ENDPOINT} environment variable,
   * or DynamoDB alone when it is not set.
   */
  public static DaxAwareAsyncClient fromEnvironment(DynamoDbAsyncClient dynamoDb) {
    return builder().dynamoDb(dynamoDb).daxEndpointFromEnvironment().build();
  }

  @Override
  protected DynamoDbAsyncClient dynamoDb() {
    return dynamoDb;
  }

  /** Health snapshot: state, last DAX error, routing counts. Makes no network call. */
  public DaxHealth health() {
    return router.health();
  }

  /**
   * Sends the health probe (a GetItem) to DAX now, unless the breaker is open and its cool-down has not
   * elapsed, records the outcome and returns the resulting health. Blocks up to the probe timeout.
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
  public CompletableFuture<GetItemResponse> getItem(GetItemRequest request) {
    if (request == null) {
      return nullRequest();
    }
    return readOrDirect("GetItem", Tables.of(request.tableName()), Boolean.TRUE.equals(request.consistentRead()), c -> c.getItem(request));
  }

  /** BatchGetItem through DAX, or DynamoDB when any table asks for {@code ConsistentRead}. */
  @Override
  public CompletableFuture<BatchGetItemResponse> batchGetItem(BatchGetItemRequest request) {
    if (request == null) {
      return nullRequest();
    }
    boolean consistent = request.hasRequestItems() && request.requestItems().values().stream()
        .map(KeysAndAttributes::consistentRead)
        .anyMatch(Boolean.TRUE::equals);
    return readOrDirect("BatchGetItem", Tables.of(request), consistent, c -> c.batchGetItem(request));
  }

  /** Query through DAX, or DynamoDB when {@code ConsistentRead} is set. */
  @Override
  public CompletableFuture<QueryResponse> query(QueryRequest request) {
    if (request == null) {
      return nullRequest();
    }
    return readOrDirect("Query", Tables.of(request.tableName()), Boolean.TRUE.equals(request.consistentRead()), c -> c.query(request));
  }

  /** Scan through DAX, or DynamoDB when {@code ConsistentRead} is set. */
  @Override
  public CompletableFuture<ScanResponse> scan(ScanRequest request) {
    if (request == null) {
      return nullRequest();
    }
    return readOrDirect("Scan", Tables.of(request.tableName()), Boolean.TRUE.equals(request.consistentRead()), c -> c.scan(request));
  }

  /** TransactGetItems on DynamoDB: DAX passes transactional reads through without caching them. */
  @Override
  public CompletableFuture<TransactGetItemsResponse> transactGetItems(TransactGetItemsRequest request) {
    if (request == null) {
      return nullRequest();
    }
    return router.directAsync("TransactGetItems", Tables.of(request), c -> c.transactGetItems(request));
  }

  /** PutItem through DAX; re-sent to DynamoDB only if it certainly never reached DAX. */
  @Override
  public CompletableFuture<PutItemResponse> putItem(PutItemRequest request) {
    if (request == null) {
      return nullRequest();
    }
    return router.writeAsync("PutItem", Tables.of(request.tableName()), c -> c.putItem(request));
  }

  /** UpdateItem through DAX; re-sent to DynamoDB only if it certainly never reached DAX. */
  @Override
  public CompletableFuture<UpdateItemResponse> updateItem(UpdateItemRequest request) {
    if (request == null) {
      return nullRequest();
    }
    return router.writeAsync("UpdateItem", Tables.of(request.tableName()), c -> c.updateItem(request));
  }

  /** DeleteItem through DAX; re-sent to DynamoDB only if it certainly never reached DAX. */
  @Override
  public CompletableFuture<DeleteItemResponse> deleteItem(DeleteItemRequest request) {
    if (request == null) {
      return nullRequest();
    }
    return router.writeAsync("DeleteItem", Tables.of(request.tableName()), c -> c.deleteItem(request));
  }

  /** BatchWriteItem through DAX; re-sent to DynamoDB only if it certainly never reached DAX. */
  @Override
  public CompletableFuture<BatchWriteItemResponse> batchWriteItem(BatchWriteItemRequest request) {
    if (request == null) {
      return nullRequest();
    }
    return router.writeAsync("BatchWriteItem", Tables.of(request), c -> c.batchWriteItem(request));
  }

  /** TransactWriteItems through DAX; re-sent to DynamoDB only if it certainly never reached DAX. */
  @Override
  public CompletableFuture<TransactWriteItemsResponse> transactWriteItems(TransactWriteItemsRequest request) {
    if (request == null) {
      return nullRequest();
    }
    return router.writeAsync("TransactWriteItems", Tables.of(request), c -> c.transactWriteItems(request));
  }

  /** DescribeTable on DynamoDB (DAX does not serve control-plane calls). */
  @Override
  public CompletableFuture<DescribeTableResponse> describeTable(DescribeTableRequest request) {
    if (request == null) {
      return nullRequest();
    }
    return router.directAsync("DescribeTable", Tables.of(request.tableName()), c -> c.describeTable(request));
  }

  /** The SDK's asynchronous convention: bad input fails the returned future instead of throwing. */
  private static <T> CompletableFuture<T> nullRequest() {
    return CompletableFuture.failedFuture(InvalidInputException.of("request", "request must not be null."));
  }

  private <T> CompletableFuture<T> readOrDirect(String operation, String table, boolean consistent,
      Function<DynamoDbAsyncClient, CompletableFuture<T>> call) {
    return consistent ? router.directAsync(operation, table, call) : router.readAsync(operation, table, call);
  }

  /**
   * Closes the probe thread and the DAX client this client created. The DynamoDB client and a DAX client
   * passed to {@link Builder#daxClient(DynamoDbAsyncClient)} stay open: they belong to the caller.
   */
  @Override
  public void close() {
    router.close();
  }

  /** Builder of {@link DaxAwareAsyncClient}; not thread-safe. */
  public static final class Builder {
    private final DaxConfig config = new DaxConfig();
    private @Nullable DynamoDbAsyncClient dynamoDb;
    private @Nullable DynamoDbAsyncClient daxClient;

    private Builder() {}

    /** The DynamoDB client used for fallback and for everything DAX does not serve. Required. */
    public Builder dynamoDb(DynamoDbAsyncClient dynamoDb) {
      this.dynamoDb = Require.nonNull(dynamoDb, "dynamoDb");
      return this;
    }

    /**
     * The DAX cluster endpoint, {@code dax://host:port} (or {@code daxs://} for TLS). A blank value means
     * no DAX.
     */
    public Builder daxEndpoint(@Nullable String endpoint) {
      config.daxEndpoint(endpoint);
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
     * {@code ClusterDaxAsyncClient}, or a stand-in in tests. It should not retry writes itself, because the
     * write rule relies on knowing whether the one attempt reached DAX. Not closed by {@link #close()}.
     */
    public Builder daxClient(DynamoDbAsyncClient daxClient) {
      this.daxClient = Require.nonNull(daxClient, "daxClient");
      return this;
    }

    /** The region the DAX client signs requests for; defaults to the DynamoDB client's region. */
    public Builder region(Region region) {
      config.region(region);
      return this;
    }

    /** Credentials the DAX client signs with; default the DynamoDB client's credentials. */
    public Builder credentialsProvider(AwsCredentialsProvider credentials) {
      config.credentialsProvider(credentials);
      return this;
    }

    /** How long the DAX client waits to open a connection or discover the cluster (default 1 s). */
    public Builder connectTimeout(Duration timeout) {
      config.connectTimeout(timeout);
      return this;
    }

    /** How long the DAX client waits for one answer (default 3 s). */
    public Builder requestTimeout(Duration timeout) {
      config.requestTimeout(timeout);
      return this;
    }

    /** How long a health probe may take before it counts as a failure (default 500 ms). */
    public Builder probeTimeout(Duration timeout) {
      config.probeTimeout(timeout);
      return this;
    }

    /**
     * The GetItem sent as health probe. Any answer from DAX, even "table not found", counts as healthy.
     * Default: table {@code ddbkit-dax-health-probe}, key {@code pk = "__health_check__"}.
     */
    public Builder probeRequest(GetItemRequest request) {
      config.probeRequest(request);
      return this;
    }

    /** The circuit-breaker settings (default {@link DaxBreakerSettings#defaults()}). */
    public Builder circuitBreaker(DaxBreakerSettings settings) {
      config.circuitBreaker(settings);
      return this;
    }

    /** Adjusts the circuit-breaker settings: {@code .circuitBreaker(b -> b.coolDown(Duration.ofSeconds(10)))}. */
    public Builder circuitBreaker(Consumer<DaxBreakerSettings.Builder> customizer) {
      config.circuitBreaker(customizer);
      return this;
    }

    /** Receives routing decisions and state changes, for metrics (default none). */
    public Builder listener(DaxListener listener) {
      config.listener(listener);
      return this;
    }

    /**
     * Reports to core's metrics hook: requests DAX answered as {@code operationCompleted} (DynamoDB's own
     * calls are reported by the DynamoDB client's interceptor), and each read retried or write re-sent on
     * DynamoDB after a DAX failure as {@code retried(operation, table, DDBKIT)}. Default none.
     */
    public Builder metrics(MetricsHook hook) {
      config.metrics(hook);
      return this;
    }

    /** The circuit breaker's name (default {@code dax}). */
    public Builder name(String name) {
      config.name(name);
      return this;
    }

    /** Validates and builds the client. Never contacts DAX: its client is created on first use. */
    public DaxAwareAsyncClient build() {
      DynamoDbAsyncClient ddb = Require.nonNull(dynamoDb, "dynamoDb");
      GetItemRequest probe = config.probeRequest();
      DaxRouter<DynamoDbAsyncClient> router = config.router(ddb, daxClient, configurationOf(ddb),
          DaxSupport::asyncClientFactory,
          (dax, executor) -> CompletableFuture.supplyAsync(dax, executor).thenCompose(c -> c.getItem(probe)));
      return new DaxAwareAsyncClient(ddb, router);
    }

    private static @Nullable DynamoDbServiceClientConfiguration configurationOf(DynamoDbAsyncClient ddb) {
      try {
        return ddb.serviceClientConfiguration();
      } catch (RuntimeException e) {
        return null;
      }
    }
  }
}
