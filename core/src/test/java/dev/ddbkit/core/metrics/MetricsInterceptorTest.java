package dev.ddbkit.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Checks the interceptor inside the real SDK pipeline (retry strategy included) with a canned HTTP client:
 * the only way to see SDK-level retries without a network. DynamoDB behaviour itself is tested in
 * integration-tests against DynamoDB Local.
 */
class MetricsInterceptorTest {

  private static final String THROTTLED =
      "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\",\"message\":\"Rate exceeded\"}";
  private static final String GET_OK = "{\"Item\":{\"pk\":{\"S\":\"a\"}},\"ConsumedCapacity\":{\"TableName\":\"t1x\","
      + "\"CapacityUnits\":0.5,\"ReadCapacityUnits\":0.5,\"Table\":{\"CapacityUnits\":0.5,\"ReadCapacityUnits\":0.5}}}";

  private final RecordingHook hook = new RecordingHook();
  private final CannedHttp http = new CannedHttp();

  private DynamoDbClient client(MetricsInterceptor interceptor) {
    return DynamoDbClient.builder()
        .httpClient(http)
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create("http://localhost:1"))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
        .overrideConfiguration(o -> o.addExecutionInterceptor(interceptor)
            .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(3)
                .backoffStrategy(BackoffStrategy.retryImmediately())
                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()).build()))
        .build();
  }

  @Test
  void sdkRetriesAfterThrottling_areCountedAndTheCallIsTimedOnce() {
    http.respond(400, THROTTLED).respond(400, THROTTLED).respond(200, GET_OK);

    try (DynamoDbClient client = client(MetricsInterceptor.of(hook))) {
      client.getItem(r -> r.tableName("t1x").key(Map.of("pk", AttributeValue.fromS("secret-key"))));
    }

    assertThat(hook.events).containsExactly(
        "throttled GetItem t1x", "retried GetItem t1x sdk",
        "throttled GetItem t1x", "retried GetItem t1x sdk",
        "capacity t1x none read 0.5",
        "op GetItem t1x success attempts=3");
    assertThat(String.join("\n", hook.events)).doesNotContain("secret-key");
  }

  @Test
  void throttlingUntilAttemptsRunOut_countsEveryAttemptAndEndsThrottled() {
    http.respond(400, THROTTLED).respond(400, THROTTLED).respond(400, THROTTLED);

    try (DynamoDbClient client = client(MetricsInterceptor.of(hook))) {
      assertThatThrownBy(() -> client.getItem(r -> r.tableName("t1x").key(Map.of("pk", AttributeValue.fromS("a")))))
          .isInstanceOf(ProvisionedThroughputExceededException.class);
    }

    assertThat(hook.events).filteredOn(e -> e.startsWith("throttled")).hasSize(3);
    assertThat(hook.events).filteredOn(e -> e.startsWith("retried")).hasSize(2);
    assertThat(hook.events).last().isEqualTo("op GetItem t1x throttled attempts=3");
  }

  @Test
  void requestWithoutReturnConsumedCapacity_isAskedForIndexes() {
    http.respond(200, GET_OK).respond(200, GET_OK);

    try (DynamoDbClient client = client(MetricsInterceptor.of(hook))) {
      client.getItem(r -> r.tableName("t1x").key(Map.of("pk", AttributeValue.fromS("a"))));
      client.getItem(r -> r.tableName("t1x").key(Map.of("pk", AttributeValue.fromS("a")))
          .returnConsumedCapacity(ReturnConsumedCapacity.NONE));
    }

    assertThat(http.bodies.get(0)).contains("\"ReturnConsumedCapacity\":\"INDEXES\"");
    assertThat(http.bodies.get(1)).contains("\"ReturnConsumedCapacity\":\"NONE\"");
  }

  @Test
  void requestConsumedCapacityOff_leavesRequestsAlone() {
    http.respond(200, "{}");

    try (DynamoDbClient client = client(MetricsInterceptor.builder(hook).requestConsumedCapacity(false).build())) {
      client.getItem(r -> r.tableName("t1x").key(Map.of("pk", AttributeValue.fromS("a"))));
    }

    assertThat(http.bodies.get(0)).doesNotContain("ReturnConsumedCapacity");
    assertThat(hook.events).containsExactly("op GetItem t1x success attempts=1");
  }

  @Test
  void capacityPerIndex_isReportedWithReadAndWriteSplit() {
    http.respond(200, "{\"ConsumedCapacity\":{\"TableName\":\"orders\",\"CapacityUnits\":3.0,"
        + "\"Table\":{\"CapacityUnits\":1.0,\"WriteCapacityUnits\":1.0},"
        + "\"GlobalSecondaryIndexes\":{\"StatusIndex\":{\"CapacityUnits\":1.0,\"WriteCapacityUnits\":1.0},"
        + "\"OrderDateIndex\":{\"CapacityUnits\":1.0,\"WriteCapacityUnits\":1.0}}}}");

    try (DynamoDbClient client = client(MetricsInterceptor.of(hook))) {
      client.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("a"))));
    }

    assertThat(hook.events).containsExactlyInAnyOrder(
        "capacity orders none write 1.0", "capacity orders StatusIndex write 1.0",
        "capacity orders OrderDateIndex write 1.0", "op PutItem orders success attempts=1");
  }

  @Test
  void totalOnlyCapacity_usesTheOperationsType() {
    http.respond(200, "{\"ConsumedCapacity\":[{\"TableName\":\"a1x\",\"CapacityUnits\":2.0},"
        + "{\"TableName\":\"b1x\",\"CapacityUnits\":1.0}]}");

    try (DynamoDbClient client = client(MetricsInterceptor.of(hook))) {
      client.batchGetItem(r -> r.requestItems(Map.of(
          "a1x", software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
              .keys(Map.of("pk", AttributeValue.fromS("1"))).build(),
          "b1x", software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
              .keys(Map.of("pk", AttributeValue.fromS("1"))).build())));
    }

    assertThat(hook.events).containsExactly("capacity a1x none read 2.0", "capacity b1x none read 1.0",
        "op BatchGetItem multiple success attempts=1");
  }

  @Test
  void conditionalCheckFailure_isItsOwnOutcomeAndNotRetried() {
    http.respond(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\","
        + "\"message\":\"The conditional request failed\"}");

    try (DynamoDbClient client = client(MetricsInterceptor.of(hook))) {
      assertThatThrownBy(() -> client.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("a")))
          .conditionExpression("attribute_not_exists(pk)")))
          .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException.class);
    }

    assertThat(hook.events).containsExactly("op PutItem orders conditional_check_failed attempts=1");
  }

  @Test
  void transactionCancelledByThrottling_countsAThrottle() {
    http.respond(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\","
        + "\"Message\":\"Transaction cancelled\",\"CancellationReasons\":[{\"Code\":\"None\"},"
        + "{\"Code\":\"ThrottlingError\",\"Message\":\"Throughput exceeds the current capacity\"}]}");

    try (DynamoDbClient client = client(MetricsInterceptor.of(hook))) {
      assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(
          t -> t.put(p -> p.tableName("a1x").item(Map.of("pk", AttributeValue.fromS("1")))),
          t -> t.put(p -> p.tableName("a1x").item(Map.of("pk", AttributeValue.fromS("2")))))))
          .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException.class);
    }

    assertThat(hook.events).containsExactly("throttled TransactWriteItems a1x",
        "op TransactWriteItems a1x transaction_canceled attempts=1");
  }

  @Test
  void failingHook_neverFailsTheCall() {
    http.respond(200, GET_OK);
    MetricsHook broken = new MetricsHook() {
      @Override
      public void operationCompleted(String o, String t, Outcome outcome, java.time.Duration d, int a) {
        throw new IllegalStateException("broken hook");
      }
    };

    try (DynamoDbClient client = client(MetricsInterceptor.of(broken))) {
      assertThat(client.getItem(r -> r.tableName("t1x").key(Map.of("pk", AttributeValue.fromS("a")))).item())
          .containsKey("pk");
    }
  }

  /** Answers each request with the next canned response and keeps the request bodies. */
  static final class CannedHttp implements SdkHttpClient {
    private final Deque<String[]> responses = new ArrayDeque<>();
    final List<String> bodies = new ArrayList<>();

    CannedHttp respond(int status, String body) {
      responses.add(new String[] {String.valueOf(status), body});
      return this;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() {
          request.contentStreamProvider().ifPresent(p -> {
            try {
              bodies.add(new String(p.newStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
          String[] next = responses.removeFirst();
          byte[] body = next[1].getBytes(StandardCharsets.UTF_8);
          return HttpExecuteResponse.builder()
              .response(SdkHttpResponse.builder().statusCode(Integer.parseInt(next[0]))
                  .putHeader("Content-Type", "application/x-amz-json-1.0")
                  .putHeader("Content-Length", String.valueOf(body.length)).build())
              .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
              .build();
        }

        @Override
        public void abort() {}
      };
    }

    @Override
    public void close() {}
  }
}
