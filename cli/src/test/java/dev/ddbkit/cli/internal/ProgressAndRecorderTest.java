package dev.ddbkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class ProgressAndRecorderTest {

  @Test
  void progressLine_showsCountShareTimeAndRate() {
    assertThat(Progress.line("writing", 3_000, 10_000, Duration.ofSeconds(2)))
        .isEqualTo("writing 3,000/10,000 (30%) 2.00s, 1,500/s");
  }

  @Test
  void refusalsTheCallerAskedFor_areExpected_otherErrorsAreNot() {
    assertThat(OperationRecorder.isExpectedRefusal(ConditionalCheckFailedException.builder().message("x").build(), "PutItem"))
        .isTrue();
    assertThat(OperationRecorder.isExpectedRefusal(TransactionCanceledException.builder().cancellationReasons(
        CancellationReason.builder().code("None").build(),
        CancellationReason.builder().code("ConditionalCheckFailed").build()).build(), "TransactWriteItems")).isTrue();
    assertThat(OperationRecorder.isExpectedRefusal(TransactionCanceledException.builder().cancellationReasons(
        CancellationReason.builder().code("TransactionConflict").build()).build(), "TransactWriteItems")).isFalse();
    assertThat(OperationRecorder.isExpectedRefusal(ProvisionedThroughputExceededException.builder().statusCode(400)
        .build(), "PutItem")).isFalse();
    var notFound = software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.builder().build();
    assertThat(OperationRecorder.isExpectedRefusal(notFound, "DescribeTable")).isTrue();
    assertThat(OperationRecorder.isExpectedRefusal(notFound, "Query")).isFalse();
  }

  @Test
  void instants_alwaysPrintMilliseconds() {
    assertThat(Times.format(Instant.parse("2024-01-15T10:00:11Z"))).isEqualTo("2024-01-15T10:00:11.000Z");
    assertThat(Times.format(Instant.parse("2024-01-15T10:00:09.2Z"))).isEqualTo("2024-01-15T10:00:09.200Z");
    assertThat(Times.format(Instant.parse("2024-01-15T10:00:09.123456Z"))).isEqualTo("2024-01-15T10:00:09.123Z");
  }
}
