package dev.ddbkit.dax;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.dax.internal.DaxConfig;
import dev.ddbkit.dax.internal.DaxRouter;
import dev.ddbkit.dax.internal.DaxSupport;
import dev.ddbkit.dax.internal.Tables;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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
  public static final String DAX_ENDPOINT_ENV = DaxConfig.DAX_ENDPOINT_ENV;

  private final DynamoDbClient dynamoDb;
  private final DaxRouter<DynamoDbClient> router;

  private DaxAwareClient(DynamoDbClient dynamoDb, DaxRouter<DynamoDbClient> router) {
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
    Require.nonNull(request, "request");
    return readOrDirect("GetItem", Tables.of(request.tableName()), Boolean.TRUE.equals(request.consistentRead()), c -> c.getItem(request));
  }

  /** BatchGetItem through DAX, or DynamoDB when any table asks for {@code ConsistentRead}. */
  @Override
  public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
    Require.nonNull(request, "request");
    boolean consistent = request.hasRequestItems() && request.requestItems().values().stream()
        .map(KeysAndAttributes::consistentRead)
        .anyMatch(Boolean.TRUE::equals);
    return readOrDirect("BatchGetItem", Tables.of(request), consistent, c -> c.batchGetItem(request));
  }

  /** Query through DAX, or DynamoDB when {@code ConsistentRead} is set. */
  @Override
  public QueryResponse query(QueryRequest request) {
    Require.nonNull(request, "request");
    return readOrDirect("Query", Tables.of(request.tableName()), Boolean.TRUE.equals(request.consistentRead()), c -> c.query(request));
  }

  /** Scan through DAX, or DynamoDB when {@code ConsistentRead} is set. */
  @Override
  public ScanResponse scan(ScanRequest request) {
    Require.nonNull(request, "request");
    return readOrDirect("Scan", Tables.of(request.tableName()), Boolean.TRUE.equals(request.consistentRead()), c -> c.scan(request));
  }

  /** TransactGetItems on DynamoDB: DAX passes transactional reads through without caching them. */
  @Override
  public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
    Require.nonNull(request, "request");
    return router.direct("TransactGetItems", Tables.of(request), c -> c.transactGetItems(request));
  }

  /** PutItem through DAX; re-sent to DynamoDB only if it certainly never reached DAX. */
  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    Require.nonNull(request, "request");
    return router.write("PutItem", Tables.of(request.tableName()), c -> c.putItem(request));
  }

  /** UpdateItem through DAX; re-sent to DynamoDB only if it certainly never reached DAX. */
  @Override
  public UpdateItemResponse updateItem(UpdateItemRequest request) {
    Require.nonNull(request, "request");
    return router.write("UpdateItem", Tables.of(request.tableName()), c -> c.updateItem(request));
  }

  /** DeleteItem through DAX; re-sent to DynamoDB only if it certainly never reached DAX. */
  @Override
  public DeleteItemResponse deleteItem(DeleteItemRequest request) {
    Require.nonNull(request, "request");
    return router.write("DeleteItem", Tables.of(request.tableName()), c -> c.deleteItem(request));
  }

  /** BatchWriteItem through DAX; re-sent to DynamoDB only if it certainly never reached DAX. */
  @Override
  public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
    Require.nonNull(request, "request");
    return router.write("BatchWriteItem", Tables.of(request), c -> c.batchWriteItem(request));
  }

  /** TransactWriteItems through DAX; re-sent to DynamoDB only if it certainly never reached DAX. */
  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
    Require.nonNull(request, "request");
    return router.write("TransactWriteItems", Tables.of(request), c -> c.transactWriteItems(request));
  }

  /** DescribeTable on DynamoDB (DAX does not serve control-plane calls). */
  @Override
  public DescribeTableResponse describeTable(DescribeTableRequest request) {
    Require.nonNull(request, "request");
    return router.direct("DescribeTable", Tables.of(request.tableName()), c -> c.describeTable(request));
  }

  private <T> T readOrDirect(String operation, String table, boolean consistent, Function<DynamoDbClient, T> call) {
    return consistent ? router.direct(operation, table, call) : router.read(operation, table, call);
  }

  /**
   * Closes the probe thread and the DAX client this client created. The DynamoDB client and a DAX client
   * passed to {@link Builder#daxClient(DynamoDbClient)} stay open: they belong to the caller.
   */
  @Override
  public void close() {
    router.close();
  }

  /** Builder of {@link DaxAwareClient}; not thread-safe. The shared settings are in {@link DaxClientBuilder}. */
  public static final class Builder extends DaxClientBuilder<Builder> {
    private @Nullable DynamoDbClient dynamoDb;
    private @Nullable DynamoDbClient daxClient;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /** The DynamoDB client used for fallback and for everything DAX does not serve. Required. */
    public Builder dynamoDb(DynamoDbClient dynamoDb) {
      this.dynamoDb = Require.nonNull(dynamoDb, "dynamoDb");
      return this;
    }

    /**
     * A ready DAX-side client to use instead of building one from an endpoint: your own configured
     * {@code ClusterDaxClient}, or a stand-in in tests. It should not retry writes itself, because the
     * write rule relies on knowing whether the one attempt reached DAX. Not closed by
     * {@link DaxAwareClient#close()}.
     */
    public Builder daxClient(DynamoDbClient daxClient) {
      this.daxClient = Require.nonNull(daxClient, "daxClient");
      return this;
    }

    /** Validates and builds the client. Never contacts DAX: its client is created on first use. */
    public DaxAwareClient build() {
      DynamoDbClient ddb = Require.nonNull(dynamoDb, "dynamoDb");
      DaxConfig config = config();
      GetItemRequest probe = config.probeRequest();
      DaxRouter<DynamoDbClient> router = config.router(ddb, daxClient,
          configurationOf(ddb::serviceClientConfiguration),
          DaxSupport::clientFactory,
          (dax, executor) -> CompletableFuture.supplyAsync(() -> dax.get().getItem(probe), executor));
      return new DaxAwareClient(ddb, router);
    }
  }
}
