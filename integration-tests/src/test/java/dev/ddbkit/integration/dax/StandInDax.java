package dev.ddbkit.integration.dax;

import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
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

/**
 * Stands in for the DAX side: serves from DynamoDB Local while {@link Mode#HEALTHY}, refuses connections
 * while {@link Mode#REFUSING}, and in {@link Mode#TIMING_OUT_AFTER_APPLYING} applies the request and then
 * reports a timeout, which is what a real DAX node does when the answer is lost on the way back.
 */
final class StandInDax implements DynamoDbClient {

  enum Mode { HEALTHY, REFUSING, TIMING_OUT_AFTER_APPLYING }

  private final DynamoDbClient target;
  private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.HEALTHY);
  private final AtomicInteger calls = new AtomicInteger();

  StandInDax(DynamoDbClient target) {
    this.target = target;
  }

  StandInDax mode(Mode m) {
    mode.set(m);
    return this;
  }

  /** Every call that reached this stand-in, whatever its mode. */
  int calls() {
    return calls.get();
  }

  private <T> T serve(Supplier<T> call) {
    calls.incrementAndGet();
    switch (mode.get()) {
      case REFUSING:
        throw SdkClientException.builder()
            .message("Unable to connect to the DAX node")
            .cause(new ConnectException("Connection refused"))
            .build();
      case TIMING_OUT_AFTER_APPLYING:
        call.get();
        throw ApiCallTimeoutException.create(50);
      default:
        return call.get();
    }
  }

  @Override
  public GetItemResponse getItem(GetItemRequest r) {
    return serve(() -> target.getItem(r));
  }

  @Override
  public BatchGetItemResponse batchGetItem(BatchGetItemRequest r) {
    return serve(() -> target.batchGetItem(r));
  }

  @Override
  public QueryResponse query(QueryRequest r) {
    return serve(() -> target.query(r));
  }

  @Override
  public ScanResponse scan(ScanRequest r) {
    return serve(() -> target.scan(r));
  }

  @Override
  public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest r) {
    return serve(() -> target.transactGetItems(r));
  }

  @Override
  public PutItemResponse putItem(PutItemRequest r) {
    return serve(() -> target.putItem(r));
  }

  @Override
  public UpdateItemResponse updateItem(UpdateItemRequest r) {
    return serve(() -> target.updateItem(r));
  }

  @Override
  public DeleteItemResponse deleteItem(DeleteItemRequest r) {
    return serve(() -> target.deleteItem(r));
  }

  @Override
  public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest r) {
    return serve(() -> target.batchWriteItem(r));
  }

  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) {
    return serve(() -> target.transactWriteItems(r));
  }

  @Override
  public String serviceName() {
    return "dax-stand-in";
  }

  @Override
  public void close() {}
}
