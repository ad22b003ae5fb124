package dev.ddbkit.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import java.io.IOException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link DdbkitErrors#isRetriedBySdk} against the SDK's real retry strategies, and
 * {@link DdbkitErrors#isRetryableAfterSdk} (RetrySettings' default) case by case.
 */
class RetryableAfterSdkTest {

  static DynamoDbException service(String code, int status, int attempts) {
    return (DynamoDbException) DynamoDbException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("boom").build())
        .statusCode(status).message("boom").numAttempts(attempts).build();
  }

  static TransactionCanceledException canceled(int attempts, String... codes) {
    return (TransactionCanceledException) TransactionCanceledException.builder()
        .cancellationReasons(Stream.of(codes).map(c -> CancellationReason.builder().code(c).build()).toList())
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionCanceledException")
            .errorMessage("Transaction cancelled").build())
        .statusCode(400).message("Transaction cancelled").numAttempts(attempts).build();
  }

  static SdkClientException io(int attempts) {
    return (SdkClientException) SdkClientException.builder().message("Unable to execute HTTP request")
        .cause(new SocketException("Connection reset")).numAttempts(attempts).build();
  }

  static ApiCallTimeoutException callTimeout(int attempts) {
    return (ApiCallTimeoutException) ApiCallTimeoutException.builder().message("call timed out")
        .numAttempts(attempts).build();
  }

  static Stream<Arguments> sdkFailures() {
    return Stream.of(
        Arguments.of("ProvisionedThroughputExceededException",
            service("ProvisionedThroughputExceededException", 400, 1), true),
        Arguments.of("ThrottlingException", service("ThrottlingException", 400, 1), true),
        Arguments.of("RequestLimitExceeded", service("RequestLimitExceeded", 400, 1), true),
        Arguments.of("TransactionInProgressException", service("TransactionInProgressException", 400, 1), true),
        Arguments.of("HTTP 429", service("SomethingElse", 429, 1), true),
        Arguments.of("InternalServerError 500", service("InternalServerError", 500, 1), true),
        Arguments.of("ServiceUnavailable 503", service("ServiceUnavailable", 503, 1), true),
        Arguments.of("RequestTimeout 400", service("RequestTimeout", 400, 1), true),
        Arguments.of("I/O failure", io(1), true),
        Arguments.of("attempt timeout", ApiCallAttemptTimeoutException.create(100), true),
        Arguments.of("HTTP 501", service("NotImplemented", 501, 1), false),
        Arguments.of("TransactionCanceled (conflict)", canceled(1, "None", "TransactionConflict"), false),
        Arguments.of("TransactionCanceled (throttling)", canceled(1, "ThrottlingError"), false),
        Arguments.of("TransactionConflictException", service("TransactionConflictException", 400, 1), false),
        Arguments.of("ConditionalCheckFailedException", service("ConditionalCheckFailedException", 400, 1), false),
        Arguments.of("ValidationException", service("ValidationException", 400, 1), false),
        Arguments.of("ResourceNotFoundException", service("ResourceNotFoundException", 400, 1), false),
        Arguments.of("call timeout", callTimeout(1), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sdkFailures")
  void isRetriedBySdk_matchesWhatTheSdksStrategiesReallyDo(String name, SdkException failure, boolean expected) {
    for (ClientSettings.RetryMode mode : new ClientSettings.RetryMode[] {
        ClientSettings.RetryMode.ADAPTIVE_V2, ClientSettings.RetryMode.STANDARD}) {
      RetryStrategy strategy = DdbkitClients.retryStrategy(ClientSettings.builder().retryMode(mode).build());

      assertThat(sdkRetries(strategy, failure)).as("%s retried by the SDK's %s strategy", name, mode)
          .isEqualTo(expected);
    }
    assertThat(DdbkitErrors.isRetriedBySdk(failure)).as(name).isEqualTo(expected);
  }

  @Test
  void isRetriedBySdk_looksThroughAsyncWrappersAndDdbkitTranslations() {
    DynamoDbException throttled = service("ProvisionedThroughputExceededException", 400, 3);

    assertThat(DdbkitErrors.isRetriedBySdk(new CompletionException(throttled))).isTrue();
    assertThat(DdbkitErrors.isRetriedBySdk(DdbkitErrors.translate(throttled, "PutItem", "t"))).isTrue();
    assertThat(DdbkitErrors.isRetriedBySdk(ThrottlingException.of("3 unprocessed items", ErrorContext.empty())))
        .as("built by ddbkit, never seen by the SDK").isFalse();
    assertThat(DdbkitErrors.isRetriedBySdk(new IOException("not from the SDK"))).isFalse();
  }

  @Test
  void conflictAfterAThrottledAttemptOfTheSameCall_isRetried() {
    TransactionCanceledException conflictOnSecondAttempt = canceled(2, "None", "TransactionConflict");

    assertThat(DdbkitErrors.sdkAttempts(conflictOnSecondAttempt)).isEqualTo(2);
    assertThat(DdbkitErrors.isRetryableAfterSdk(conflictOnSecondAttempt)).isTrue();
    assertThat(DdbkitErrors.isRetryableAfterSdk(new CompletionException(conflictOnSecondAttempt))).isTrue();
    assertThat(DdbkitErrors.isRetryableAfterSdk(DdbkitErrors.translate(conflictOnSecondAttempt, "TransactWriteItems",
        null))).isTrue();
  }

  @Test
  void transactionConflictException_isRetriedWhateverTheSdkAttempts() {
    assertThat(DdbkitErrors.isRetryableAfterSdk(service("TransactionConflictException", 400, 1))).isTrue();
    assertThat(DdbkitErrors.isRetryableAfterSdk(service("TransactionConflictException", 400, 3))).isTrue();
  }

  @Test
  void canceledTransactionThrottledOnItsItems_isRetriedWhateverTheSdkAttempts() {
    assertThat(DdbkitErrors.isRetryableAfterSdk(canceled(3, "ThrottlingError", "None"))).isTrue();
  }

  @Test
  void throttlingTheSdkAlreadyRetried_isNotRetriedAgain() {
    DynamoDbException exhausted = service("ProvisionedThroughputExceededException", 400, 3);

    assertThat(DdbkitErrors.isRetryableAfterSdk(exhausted)).isFalse();
    assertThat(DdbkitErrors.isRetryableAfterSdk(new CompletionException(exhausted))).isFalse();
    assertThat(DdbkitErrors.isRetryableAfterSdk(DdbkitErrors.translate(exhausted, "PutItem", "t"))).isFalse();
  }

  @Test
  void throttlingTheSdkDidNotRetry_isRetried() {
    // a single attempt: NONE mode, maxAttempts(1), or the SDK's retry quota was empty
    assertThat(DdbkitErrors.isRetryableAfterSdk(service("ProvisionedThroughputExceededException", 400, 1))).isTrue();
  }

  @Test
  void serverErrorsAndIoFailuresTheSdkAlreadyRetried_areNotRetriedAgain() {
    assertThat(DdbkitErrors.isRetryableAfterSdk(service("InternalServerError", 500, 2))).isFalse();
    assertThat(DdbkitErrors.isRetryableAfterSdk(service("ServiceUnavailable", 503, 3))).isFalse();
    assertThat(DdbkitErrors.isRetryableAfterSdk(io(3))).isFalse();
    assertThat(DdbkitErrors.isRetryableAfterSdk(io(1))).isTrue();
  }

  @Test
  void callTimeoutAfterSdkRetries_isNotRetried_butASingleSlowAttemptIs() {
    assertThat(DdbkitErrors.isRetryableAfterSdk(callTimeout(2))).isFalse();
    assertThat(DdbkitErrors.isRetryableAfterSdk(callTimeout(1))).isTrue();
  }

  @Test
  void ddbkitBuiltThrottling_forUnprocessedItems_isRetried() {
    assertThat(DdbkitErrors.isRetryableAfterSdk(ThrottlingException.of("3 unprocessed items",
        ErrorContext.of("BatchWriteItem", "orders-production")))).isTrue();
    assertThat(DdbkitErrors.isRetryableAfterSdk(TransactionConflictException.of("conflict", ErrorContext.empty())))
        .isTrue();
  }

  @Test
  void nonRetryableFailures_stayNonRetryable() {
    assertThat(DdbkitErrors.isRetryableAfterSdk(service("ConditionalCheckFailedException", 400, 2))).isFalse();
    assertThat(DdbkitErrors.isRetryableAfterSdk(service("ValidationException", 400, 1))).isFalse();
    assertThat(DdbkitErrors.isRetryableAfterSdk(canceled(2, "ConditionalCheckFailed", "TransactionConflict")))
        .isFalse();
  }

  /** Whether {@code strategy} would retry {@code failure} after a first attempt: asks the strategy itself. */
  private static boolean sdkRetries(RetryStrategy strategy, Throwable failure) {
    RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("test")).token();
    try {
      strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(failure).build());
      return true;
    } catch (TokenAcquisitionFailedException e) {
      return false;
    }
  }
}
