package dev.ddbkit.dax.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.dax.internal.FailureClassifier.Outcome;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.dax.exceptions.AmbiguousWriteFailureException;
import software.amazon.dax.exceptions.NoClusterEndpointsAvailableException;

class FailureClassifierTest {

  private static SdkClientException clientError(String message, Throwable cause) {
    return SdkClientException.builder().message(message).cause(cause).build();
  }

  @Test
  void classify_connectionRefused_isNotSent() {
    assertThat(FailureClassifier.classify(clientError("x", new ConnectException("Connection refused"))))
        .isEqualTo(Outcome.NOT_SENT);
  }

  @Test
  void classify_daxWithoutEndpoints_isNotSent() {
    assertThat(FailureClassifier.classify(
        clientError("Unable to call cluster endpoint", new IOException("No endpoints available"))))
        .isEqualTo(Outcome.NOT_SENT);
    assertThat(FailureClassifier.classify(new NoClusterEndpointsAvailableException())).isEqualTo(Outcome.NOT_SENT);
  }

  @Test
  void classify_daxClientNotCreated_isNotSent() {
    assertThat(FailureClassifier.classify(DaxUnavailableException.of("closed", new IllegalStateException())))
        .isEqualTo(Outcome.NOT_SENT);
  }

  @Test
  void classify_timeout_hasUnknownOutcome() {
    assertThat(FailureClassifier.classify(ApiCallTimeoutException.create(100))).isEqualTo(Outcome.OUTCOME_UNKNOWN);
  }

  @Test
  void classify_ambiguousWriteEvenIfCausedByRefusal_hasUnknownOutcome() {
    assertThat(FailureClassifier.classify(new AmbiguousWriteFailureException(new ConnectException("refused"))))
        .isEqualTo(Outcome.OUTCOME_UNKNOWN);
  }

  @Test
  void classify_serverError_hasUnknownOutcome() {
    assertThat(FailureClassifier.classify(InternalServerErrorException.builder().message("boom").statusCode(500)
        .build())).isEqualTo(Outcome.OUTCOME_UNKNOWN);
  }

  @Test
  void classify_brokenConnectionMidRequest_hasUnknownOutcome() {
    assertThat(FailureClassifier.classify(clientError("x", new IOException("Connection reset by peer"))))
        .isEqualTo(Outcome.OUTCOME_UNKNOWN);
  }

  @Test
  void classify_requestsOwnErrors_areAnswered() {
    assertThat(FailureClassifier.classify(ConditionalCheckFailedException.builder().message("no").build()))
        .isEqualTo(Outcome.ANSWERED);
    assertThat(FailureClassifier.classify(TransactionCanceledException.builder().message("no").build()))
        .isEqualTo(Outcome.ANSWERED);
    assertThat(FailureClassifier.classify(DynamoDbException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").errorMessage("bad").build())
        .build())).isEqualTo(Outcome.ANSWERED);
    assertThat(FailureClassifier.classify(ProvisionedThroughputExceededException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build())
        .build())).isEqualTo(Outcome.ANSWERED);
  }

  @Test
  void classify_wrappedInCompletionException_looksAtTheCause() {
    assertThat(FailureClassifier.classify(new CompletionException(
        ConditionalCheckFailedException.builder().message("no").build()))).isEqualTo(Outcome.ANSWERED);
  }
}
