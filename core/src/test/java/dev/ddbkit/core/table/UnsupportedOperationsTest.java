package dev.ddbkit.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.table.ReadinessCheck.Probe;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class UnsupportedOperationsTest {

  private static AwsServiceException answer(int status, String code) {
    return DynamoDbException.builder().statusCode(status).message(code)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("An error occurred").build())
        .build();
  }

  @Test
  void unknownOperation_andNotImplemented_areUnsupported() {
    assertThat(UnsupportedOperations.isUnsupported(answer(400, "UnknownOperationException"))).isTrue();
    assertThat(UnsupportedOperations.isUnsupported(answer(501, "Whatever"))).isTrue();
  }

  @Test
  void accessDenied_throttling_andValidation_areNotUnsupported() {
    assertThat(UnsupportedOperations.isUnsupported(answer(400, "AccessDeniedException"))).isFalse();
    assertThat(UnsupportedOperations.isUnsupported(answer(400, "ThrottlingException"))).isFalse();
    assertThat(UnsupportedOperations.isUnsupported(answer(400, "ValidationException"))).isFalse();
    assertThat(UnsupportedOperations.isUnsupported(answer(500, "InternalServerError"))).isFalse();
  }

  @Test
  void readinessProbe_unknownOperation_isNotCheckable() {
    Probe<String> probe = ReadinessCheck.probe(() -> {
      throw answer(400, "UnknownOperationException");
    });
    assertThat(probe.value()).isNull();
    assertThat(probe.unavailable()).contains("UnknownOperationException");
  }

  @Test
  void readinessProbe_accessDenied_isThrownTranslatedNotReportedAsABackendLimitation() {
    assertThatThrownBy(() -> ReadinessCheck.probe(() -> {
      throw answer(400, "AccessDeniedException");
    })).isInstanceOf(DdbkitException.class).isInstanceOf(dev.ddbkit.core.error.AccessDeniedException.class);
  }

  @Test
  void tags_missingOrDifferent_areReported_extraLiveTagsAreNot() {
    TableDefinition def = SeedTables.orders();
    Map<String, String> live = Map.of("Environment", "staging", "Owner", "team-a");

    List<String> diffs = TableDifferences.tags(def, Optional.of(live));

    assertThat(diffs).containsExactlyInAnyOrder(
        "tag Environment is staging, the definition says production",
        "tag Service is missing, the definition says order-service");
    assertThat(TableDifferences.tags(def, Optional.empty())).isEmpty();
  }

  @Test
  void encryption_isComparedOnlyWhenTheBackendReportsIt() {
    TableDefinition encrypted = SeedTables.orders();
    TableDefinition plain = encrypted.toBuilder().serverSideEncryption(false).build();
    TableDescription silent = TableDescription.builder().tableName(encrypted.name()).build();

    assertThat(encryptionDiffs(encrypted, silent)).isEmpty();
    assertThat(encryptionDiffs(encrypted, silent.toBuilder().sseDescription(s -> s.status(SSEStatus.ENABLED)).build()))
        .isEmpty();
    assertThat(encryptionDiffs(plain, silent.toBuilder().sseDescription(s -> s.status(SSEStatus.ENABLED)).build()))
        .containsExactly("server-side encryption with KMS is ENABLED, the definition says disabled");
    assertThat(encryptionDiffs(encrypted, silent.toBuilder().sseDescription(s -> s.status(SSEStatus.DISABLED)).build()))
        .containsExactly("server-side encryption with KMS is DISABLED, the definition says enabled");
  }

  private static List<String> encryptionDiffs(TableDefinition def, TableDescription live) {
    return TableDifferences.between(def, live).stream().filter(d -> d.startsWith("server-side")).toList();
  }
}
