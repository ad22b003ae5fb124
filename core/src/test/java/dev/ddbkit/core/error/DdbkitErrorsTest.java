package dev.ddbkit.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.RetryableException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class DdbkitErrorsTest {

  static DynamoDbException service(String code, int status) {
    return (DynamoDbException) DynamoDbException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("boom").build())
        .statusCode(status)
        .requestId("req-1")
        .message("boom")
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded"})
  void translate_throttlingCodes_areRetryableThrottlingExceptions(String code) {
    DdbkitException e = DdbkitErrors.translate(service(code, 400), "PutItem", "orders-production");

    assertThat(e).isInstanceOf(ThrottlingException.class);
    assertThat(e.retryable()).isTrue();
    assertThat(e.errorCode()).isEqualTo(code);
    assertThat(e.operation()).contains("PutItem");
    assertThat(e.table()).contains("orders-production");
    assertThat(e.requestId()).contains("req-1");
    assertThat(e.getMessage()).contains("PutItem", "orders-production", code);
  }

  @ParameterizedTest
  @CsvSource({"InternalServerError,500", "ServiceUnavailable,503", "InternalFailure,500", "Whatever,502"})
  void translate_serverErrors_areRetryableTransientServiceExceptions(String code, int status) {
    DdbkitException e = DdbkitErrors.translate(service(code, status), "GetItem", "t1x");

    assertThat(e).isInstanceOf(TransientServiceException.class);
    assertThat(e.retryable()).isTrue();
    assertThat(e.errorCode()).isEqualTo(code);
  }

  @Test
  void translate_conditionalCheckFailed_carriesOldItemAndIsNotRetryable() {
    Map<String, AttributeValue> old = Map.of("customer_id", AttributeValue.fromS("c1"));
    var sdk = software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ConditionalCheckFailedException").build())
        .statusCode(400).item(old).build();

    DdbkitException e = DdbkitErrors.translate(sdk, "PutItem", "orders-production");

    assertThat(e).isInstanceOf(ConditionalCheckFailedException.class);
    assertThat(e.retryable()).isFalse();
    assertThat(((ConditionalCheckFailedException) e).oldItem()).contains(old);
  }

  @Test
  void translate_conditionalCheckFailedWithoutItem_hasEmptyOldItem() {
    var sdk = software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ConditionalCheckFailedException").build())
        .statusCode(400).build();

    var e = (ConditionalCheckFailedException) DdbkitErrors.translate(sdk, "PutItem", null);

    assertThat(e.oldItem()).isEmpty();
    assertThat(e.table()).isEmpty();
  }

  @Test
  void translate_conditionalCheckFailedCodeOnGenericException_isConditionalCheckFailed() {
    DdbkitException e = DdbkitErrors.translate(service("ConditionalCheckFailedException", 400), "UpdateItem", "t1x");

    assertThat(e).isInstanceOf(ConditionalCheckFailedException.class);
  }

  @Test
  void translate_transactionCanceled_keepsEveryReasonByIndex() {
    var sdk = software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionCanceledException").build())
        .statusCode(400)
        .cancellationReasons(
            software.amazon.awssdk.services.dynamodb.model.CancellationReason.builder().code("None").build(),
            software.amazon.awssdk.services.dynamodb.model.CancellationReason.builder().code("ConditionalCheckFailed")
                .message("The conditional request failed")
                .item(Map.of("account_id", AttributeValue.fromS("a2"))).build())
        .build();

    var e = (TransactionCanceledException) DdbkitErrors.translate(sdk, "TransactWriteItems", null);

    assertThat(e.retryable()).isFalse();
    assertThat(e.reasons()).hasSize(2);
    assertThat(e.reason(0)).hasValueSatisfying(r -> assertThat(r.failed()).isFalse());
    assertThat(e.reason(1)).hasValueSatisfying(r -> {
      assertThat(r.conditionalCheckFailed()).isTrue();
      assertThat(r.oldItem()).contains(Map.of("account_id", AttributeValue.fromS("a2")));
      assertThat(r.message()).isEqualTo("The conditional request failed");
    });
    assertThat(e.failedReasons()).extracting(CancellationReason::index).containsExactly(1);
  }

  @Test
  void translate_transactionCanceledWithoutReasons_hasNoReasonsAndIsNotRetryable() {
    var sdk = software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException.builder()
        .statusCode(400).build();

    var e = (TransactionCanceledException) DdbkitErrors.translate(sdk, "TransactWriteItems", null);

    assertThat(e.reasons()).isEmpty();
    assertThat(e.retryable()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
      "TransactionConflictException,TransactionConflictException,true",
      "ValidationException,ValidationException,false",
      "SerializationException,ValidationException,false",
      "ResourceNotFoundException,ResourceNotFoundException,false",
      "ItemCollectionSizeLimitExceededException,ItemCollectionSizeLimitException,false",
      "IdempotentParameterMismatchException,IdempotentParameterMismatchException,false",
      "AccessDeniedException,AccessDeniedException,false",
      "UnrecognizedClientException,AccessDeniedException,false",
      "ExpiredTokenException,AccessDeniedException,false",
      "InvalidSignatureException,AccessDeniedException,false",
  })
  void translate_errorCode_mapsToItsKind(String code, String kind, boolean retryable) {
    DdbkitException e = DdbkitErrors.translate(service(code, 400), "Query", "t1x");

    assertThat(e.getClass().getSimpleName()).isEqualTo(kind);
    assertThat(e.retryable()).isEqualTo(retryable);
    assertThat(e.errorCode()).isEqualTo(code);
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void translate_authStatusWithUnknownCode_isAccessDenied(int status) {
    assertThat(DdbkitErrors.translate(service("SomethingNew", status), null, null))
        .isInstanceOf(AccessDeniedException.class)
        .extracting(DdbkitException::retryable).isEqualTo(false);
  }

  @Nested
  class UnknownErrors {
    @Test
    void unknownClientErrorCode_keepsSdkClassification_notRetryable() {
      DdbkitException e = DdbkitErrors.translate(service("BrandNewException", 400), "GetItem", "t1x");

      assertThat(e.getClass()).isEqualTo(DdbkitException.class);
      assertThat(e.errorCode()).isEqualTo("BrandNewException");
      assertThat(e.retryable()).isFalse();
    }

    @Test
    void unknownCodeWithStatus429_isThrottlingAsTheSdkSays() {
      DdbkitException e = DdbkitErrors.translate(service("BrandNewException", 429), "GetItem", "t1x");

      assertThat(e).isInstanceOf(ThrottlingException.class);
      assertThat(e.retryable()).isTrue();
    }

    @Test
    void sdkThrottlingCodeOutsideDynamoDbList_isThrottling() {
      assertThat(DdbkitErrors.translate(service("TooManyRequestsException", 400), null, null))
          .isInstanceOf(ThrottlingException.class);
    }

    @Test
    void retryableClientException_staysRetryable() {
      DdbkitException e = DdbkitErrors.translate(RetryableException.create("try again"), "GetItem", null);

      assertThat(e.getClass()).isEqualTo(DdbkitException.class);
      assertThat(e.retryable()).isTrue();
      assertThat(e.errorCode()).isEqualTo("RetryableException");
    }

    @Test
    void plainClientException_staysNotRetryable() {
      DdbkitException e = DdbkitErrors.translate(SdkClientException.create("cannot marshall"), "PutItem", null);

      assertThat(e.retryable()).isFalse();
      assertThat(e.getCause()).isInstanceOf(SdkClientException.class);
    }

    @Test
    void applicationException_isNotRetryable() {
      DdbkitException e = DdbkitErrors.translate(new IllegalStateException("bug"), null, null);

      assertThat(e.retryable()).isFalse();
      assertThat(e.errorCode()).isEqualTo("IllegalStateException");
      assertThat(e.getMessage()).contains("DynamoDB call failed: bug");
    }
  }

  @Nested
  class TimeoutsAndIo {
    @Test
    void apiCallTimeout_isTransient() {
      DdbkitException e = DdbkitErrors.translate(
          ApiCallTimeoutException.create(Duration.ofSeconds(10).toMillis()), "GetItem", "t1x");

      assertThat(e).isInstanceOf(TransientServiceException.class);
      assertThat(e.errorCode()).isEqualTo("Timeout");
      assertThat(e.retryable()).isTrue();
    }

    @Test
    void apiCallAttemptTimeout_isTransient() {
      assertThat(DdbkitErrors.translate(ApiCallAttemptTimeoutException.create(2000), null, null))
          .isInstanceOf(TransientServiceException.class)
          .extracting(DdbkitException::errorCode).isEqualTo("Timeout");
    }

    @Test
    void javaTimeout_isTransient() {
      assertThat(DdbkitErrors.translate(new TimeoutException("late"), null, null))
          .isInstanceOf(TransientServiceException.class);
    }

    @Test
    void clientExceptionCausedByIo_isTransientConnectionFailure() {
      var sdk = SdkClientException.create("Unable to execute HTTP request", new SocketTimeoutException("Read timed out"));

      DdbkitException e = DdbkitErrors.translate(sdk, "PutItem", "t1x");

      assertThat(e).isInstanceOf(TransientServiceException.class);
      assertThat(e.errorCode()).isEqualTo("ConnectionFailure");
    }

    @Test
    void ioExceptions_areTransient() {
      assertThat(DdbkitErrors.translate(new IOException("reset"), null, null)).isInstanceOf(TransientServiceException.class);
      assertThat(DdbkitErrors.translate(new UncheckedIOException(new IOException("reset")), null, null))
          .isInstanceOf(TransientServiceException.class);
    }
  }

  @Nested
  class Unwrapping {
    @Test
    void completionException_isUnwrapped() {
      DdbkitException e = DdbkitErrors.translate(
          new CompletionException(service("ThrottlingException", 400)), "Query", "t1x");

      assertThat(e).isInstanceOf(ThrottlingException.class);
      assertThat(e.getCause()).isInstanceOf(DynamoDbException.class);
    }

    @Test
    void nestedExecutionAndCompletionExceptions_areUnwrapped() {
      Throwable wrapped = new ExecutionException(new CompletionException(service("ValidationException", 400)));

      assertThat(DdbkitErrors.translate(wrapped, null, null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void ddbkitException_isReturnedUnchanged() {
      DdbkitException original = ThrottlingException.of("slow down", ErrorContext.of("PutItem", "t1x"));

      assertThat(DdbkitErrors.translate(new CompletionException(original), "Other", "other")).isSameAs(original);
    }
  }

  @Test
  void isRetryable_followsTheTranslation() {
    assertThat(DdbkitErrors.isRetryable(service("ThrottlingException", 400))).isTrue();
    assertThat(DdbkitErrors.isRetryable(service("ConditionalCheckFailedException", 400))).isFalse();
    assertThat(DdbkitErrors.isRetryable(service("ValidationException", 400))).isFalse();
    assertThat(DdbkitErrors.isRetryable(new CompletionException(service("InternalServerError", 500)))).isTrue();
  }

  @Test
  void staticFactories_useTheDocumentedDefaultCodes() {
    ErrorContext ctx = ErrorContext.empty();
    assertThat(List.of(
        ThrottlingException.of("m", ctx).errorCode(),
        TransientServiceException.of("m", ctx).errorCode(),
        ValidationException.of("m", ctx).errorCode(),
        ResourceNotFoundException.of("m", ctx).errorCode(),
        TransactionConflictException.of("m", ctx).errorCode(),
        ItemCollectionSizeLimitException.of("m", ctx).errorCode(),
        IdempotentParameterMismatchException.of("m", ctx).errorCode(),
        AccessDeniedException.of("m", ctx).errorCode()))
        .containsExactly("ThrottlingException", "InternalServerError", "ValidationException",
            "ResourceNotFoundException", "TransactionConflictException", "ItemCollectionSizeLimitExceededException",
            "IdempotentParameterMismatchException", "AccessDeniedException");
  }
}
