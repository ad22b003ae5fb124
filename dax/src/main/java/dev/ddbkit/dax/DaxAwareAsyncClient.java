package dev.ddbkit.dax;

import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.core.error.Require;
import dev.ddbkit.dax.internal.DaxConfig;
import dev.ddbkit.dax.internal.DaxRouter;
import dev.ddbkit.dax.internal.DaxSupport;
import dev.ddbkit.dax.internal.Tables;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
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

  /** Builder of {@link DaxAwareAsyncClient}; not thread-safe. The shared settings are in {@link DaxClientBuilder}. */
  public static final class Builder extends DaxClientBuilder<Builder> {
    private @Nullable DynamoDbAsyncClient dynamoDb;
    private @Nullable DynamoDbAsyncClient daxClient;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /** The DynamoDB client used for fallback and for everything DAX does not serve. Required. */
    public Builder dynamoDb(DynamoDbAsyncClient dynamoDb) {
      this.dynamoDb = Require.nonNull(dynamoDb, "dynamoDb");
      return this;
    }

    /**
     * A ready DAX-side client to use instead of building one from an endpoint: your own configured
     * {@code ClusterDaxAsyncClient}, or a stand-in in tests. It should not retry writes itself, because the
     * write rule relies on knowing whether the one attempt reached DAX. Not closed by
     * {@link DaxAwareAsyncClient#close()}.
     */
    public Builder daxClient(DynamoDbAsyncClient daxClient) {
      this.daxClient = Require.nonNull(daxClient, "daxClient");
      return this;
    }

    /** Validates and builds the client. Never contacts DAX: its client is created on first use. */
    public DaxAwareAsyncClient build() {
      DynamoDbAsyncClient ddb = Require.nonNull(dynamoDb, "dynamoDb");
      DaxConfig config = config();
      GetItemRequest probe = config.probeRequest();
      DaxRouter<DynamoDbAsyncClient> router = config.router(ddb, daxClient,
          configurationOf(ddb::serviceClientConfiguration),
          DaxSupport::asyncClientFactory,
          (dax, executor) -> CompletableFuture.supplyAsync(dax, executor).thenCompose(c -> c.getItem(probe)));
      return new DaxAwareAsyncClient(ddb, router);
    }
  }
}
