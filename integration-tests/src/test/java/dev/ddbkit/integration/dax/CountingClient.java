package dev.ddbkit.integration.dax;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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

/** Counts the data-plane calls that reach {@code target} (the real DAX client, or DynamoDB Local). */
final class CountingClient implements DynamoDbClient {
  private final DynamoDbClient target;
  private final AtomicInteger calls = new AtomicInteger();

  CountingClient(DynamoDbClient target) {
    this.target = target;
  }

  int calls() {
    return calls.get();
  }

  private <T> T count(Supplier<T> call) {
    calls.incrementAndGet();
    return call.get();
  }

  @Override
  public GetItemResponse getItem(GetItemRequest r) {
    return count(() -> target.getItem(r));
  }

  @Override
  public BatchGetItemResponse batchGetItem(BatchGetItemRequest r) {
    return count(() -> target.batchGetItem(r));
  }

  @Override
  public QueryResponse query(QueryRequest r) {
    return count(() -> target.query(r));
  }

  @Override
  public ScanResponse scan(ScanRequest r) {
    return count(() -> target.scan(r));
  }

  @Override
  public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest r) {
    return count(() -> target.transactGetItems(r));
  }

  @Override
  public PutItemResponse putItem(PutItemRequest r) {
    return count(() -> target.putItem(r));
  }

  @Override
  public UpdateItemResponse updateItem(UpdateItemRequest r) {
    return count(() -> target.updateItem(r));
  }

  @Override
  public DeleteItemResponse deleteItem(DeleteItemRequest r) {
    return count(() -> target.deleteItem(r));
  }

  @Override
  public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest r) {
    return count(() -> target.batchWriteItem(r));
  }

  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) {
    return count(() -> target.transactWriteItems(r));
  }

  @Override
  public DescribeTableResponse describeTable(DescribeTableRequest r) {
    return target.describeTable(r);
  }

  @Override
  public DynamoDbServiceClientConfiguration serviceClientConfiguration() {
    return target.serviceClientConfiguration();
  }

  @Override
  public String serviceName() {
    return target.serviceName();
  }

  @Override
  public void close() {}
}
