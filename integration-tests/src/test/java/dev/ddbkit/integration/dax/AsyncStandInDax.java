package dev.ddbkit.integration.dax;

import java.net.ConnectException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** The asynchronous {@link StandInDax}: same modes, failures delivered as failed futures. */
final class AsyncStandInDax implements DynamoDbAsyncClient {
  private final DynamoDbAsyncClient target;
  private final AtomicReference<StandInDax.Mode> mode = new AtomicReference<>(StandInDax.Mode.HEALTHY);
  private final AtomicInteger calls = new AtomicInteger();

  AsyncStandInDax(DynamoDbAsyncClient target) {
    this.target = target;
  }

  AsyncStandInDax mode(StandInDax.Mode m) {
    mode.set(m);
    return this;
  }

  int calls() {
    return calls.get();
  }

  private <T> CompletableFuture<T> serve(Supplier<CompletableFuture<T>> call) {
    calls.incrementAndGet();
    switch (mode.get()) {
      case REFUSING:
        return CompletableFuture.failedFuture(SdkClientException.builder()
            .message("Unable to connect to the DAX node")
            .cause(new ConnectException("Connection refused"))
            .build());
      case TIMING_OUT_AFTER_APPLYING:
        return call.get().thenCompose(r -> CompletableFuture.failedFuture(ApiCallTimeoutException.create(50)));
      default:
        return call.get();
    }
  }

  @Override
  public CompletableFuture<GetItemResponse> getItem(GetItemRequest r) {
    return serve(() -> target.getItem(r));
  }

  @Override
  public CompletableFuture<QueryResponse> query(QueryRequest r) {
    return serve(() -> target.query(r));
  }

  @Override
  public CompletableFuture<PutItemResponse> putItem(PutItemRequest r) {
    return serve(() -> target.putItem(r));
  }

  @Override
  public CompletableFuture<UpdateItemResponse> updateItem(UpdateItemRequest r) {
    return serve(() -> target.updateItem(r));
  }

  @Override
  public String serviceName() {
    return "dax-stand-in";
  }

  @Override
  public void close() {}
}
