package dev.ddbkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.cli.ExitCode;
import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.InvalidInputException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class CliFailureTest {

  @Test
  void connectionRefused_isUnavailable_andNamesTheTarget() {
    var e = SdkClientException.builder().message("Unable to execute HTTP request")
        .cause(new ConnectException("Connection refused")).build();
    CliFailure f = CliFailure.from(e, "http://localhost:8000");
    assertThat(f.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(f.getMessage()).startsWith("Cannot reach http://localhost:8000: Connection refused");
  }

  @Test
  void unknownHost_isUnavailable() {
    var e = SdkClientException.builder().cause(new UnknownHostException("dynamo.invalid")).build();
    assertThat(CliFailure.from(e, "x").exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
  }

  @Test
  void missingTable_isUnavailable_andSuggestsProvision() {
    var sdk = ResourceNotFoundException.builder().message("Requested resource not found")
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException").build())
        .statusCode(400).build();
    CliFailure f = CliFailure.from(DdbkitErrors.translate(sdk, "Query", "orders-production"), "http://h:1");
    assertThat(f.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(f.getMessage()).contains("Table orders-production does not exist at http://h:1", "ddbkit provision");
  }

  @Test
  void missingTable_wrappedByAnotherError_isStillUnavailable() {
    var sdk = ResourceNotFoundException.builder().message("Cannot do operations on a non-existent table")
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException").build())
        .statusCode(400).build();
    var wrapped = new IllegalStateException("Query of shard 0 failed", DdbkitErrors.translate(sdk, "Query", "metrics"));
    CliFailure f = CliFailure.from(wrapped, "http://h:1");
    assertThat(f.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(f.getMessage()).startsWith("Table metrics does not exist at http://h:1");
  }

  @Test
  void rejectedCredentials_isAccessDenied() {
    var sdk = DynamoDbException.builder().message("The security token included in the request is invalid.")
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("UnrecognizedClientException").build())
        .statusCode(400).build();
    assertThat(CliFailure.from(sdk, "DynamoDB in eu-west-1").exitCode()).isEqualTo(ExitCode.ACCESS_DENIED);
  }

  @Test
  void missingCredentials_isAccessDenied() {
    var e = SdkClientException.create("Unable to load credentials from any of the providers in the chain");
    assertThat(CliFailure.from(e, "x").exitCode()).isEqualTo(ExitCode.ACCESS_DENIED);
  }

  @Test
  void missingCredentials_translatedByALibrary_isStillAccessDenied() {
    var e = SdkClientException.create("Unable to load credentials from any of the providers in the chain");
    assertThat(CliFailure.from(DdbkitErrors.translate(e, "DescribeTable", "t"), "x").exitCode())
        .isEqualTo(ExitCode.ACCESS_DENIED);
  }

  @Test
  void missingRegion_isAUsageError() {
    var e = SdkClientException.create("Unable to load region from any of the providers in the chain");
    assertThat(CliFailure.from(e, "x").exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void invalidInput_isAUsageError_withTheLibrarysSentence() {
    CliFailure f = CliFailure.from(InvalidInputException.of("cursor", "The cursor is malformed."), "x");
    assertThat(f.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(f.getMessage()).isEqualTo("The cursor is malformed.");
  }

  @Test
  void anythingElse_isAFailure() {
    assertThat(CliFailure.from(new IllegalStateException("boom"), "x").exitCode()).isEqualTo(ExitCode.FAILURE);
  }
}
