package dev.ddbkit.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.error.ThrottlingReason.Access;
import dev.ddbkit.core.error.ThrottlingReason.Limit;
import dev.ddbkit.core.error.ThrottlingReason.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

class ThrottlingReasonTest {

  @Test
  void parse_everyReasonDynamoDbDocuments_isTyped() {
    for (Scope scope : List.of(Scope.TABLE, Scope.INDEX)) {
      for (Access access : List.of(Access.READ, Access.WRITE)) {
        for (Limit limit : List.of(Limit.KEY_RANGE, Limit.PROVISIONED, Limit.ACCOUNT_LIMIT, Limit.MAX_ON_DEMAND)) {
          String code = ThrottlingReason.of(scope, access, limit).code();
          ThrottlingReason parsed = ThrottlingReason.parse(code, "arn:aws:dynamodb:eu-west-1:1:table/t");
          assertThat(parsed.scope()).isEqualTo(scope);
          assertThat(parsed.access()).isEqualTo(access);
          assertThat(parsed.limit()).isEqualTo(limit);
          assertThat(parsed.resourceArn()).contains("arn:aws:dynamodb:eu-west-1:1:table/t");
        }
      }
    }
    assertThat(ThrottlingReason.parse("IndexWriteKeyRangeThroughputExceeded", null).tagValue())
        .isEqualTo("index_write_key_range");
  }

  @Test
  void parse_unknownReason_keepsTheCodeAndTagsUnknown() {
    ThrottlingReason r = ThrottlingReason.parse("TableReadSomethingNew", "");
    assertThat(r.limit()).isEqualTo(Limit.UNKNOWN);
    assertThat(r.code()).isEqualTo("TableReadSomethingNew");
    assertThat(r.tagValue()).isEqualTo("unknown");
    assertThat(r.resourceArn()).isEmpty();
    assertThat(ThrottlingReason.parse(null, null).tagValue()).isEqualTo("unknown");
  }

  @Test
  void translate_sdkThrottlingErrorWithReasons_carriesThemTypedAndInTheMessage() {
    ProvisionedThroughputExceededException sdk = ProvisionedThroughputExceededException.builder()
        .message("slow down").statusCode(400)
        .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
            .errorCode("ProvisionedThroughputExceededException").errorMessage("slow down").build())
        .throttlingReasons(software.amazon.awssdk.services.dynamodb.model.ThrottlingReason.builder()
            .reason("TableWriteKeyRangeThroughputExceeded").resource("arn:aws:dynamodb:r:1:table/orders").build())
        .build();

    DdbkitException e = DdbkitErrors.translate(sdk, "PutItem", "orders");

    assertThat(e).isInstanceOf(ThrottlingException.class);
    assertThat(((ThrottlingException) e).reasons()).singleElement()
        .satisfies(r -> assertThat(r.limit()).isEqualTo(Limit.KEY_RANGE));
    assertThat(e.getMessage()).contains("TableWriteKeyRangeThroughputExceeded on arn:aws:dynamodb:r:1:table/orders");
  }

  @Test
  void translate_throttlingErrorWithoutReasons_hasNone() {
    RequestLimitExceededException sdk = RequestLimitExceededException.builder().message("quota").statusCode(400)
        .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
            .errorCode("RequestLimitExceeded").errorMessage("quota").build())
        .build();

    assertThat(((ThrottlingException) DdbkitErrors.translate(sdk, null, null)).reasons()).isEmpty();
    assertThat(DdbkitErrors.throttlingReasons(new IllegalStateException("x"))).isEmpty();
  }
}
