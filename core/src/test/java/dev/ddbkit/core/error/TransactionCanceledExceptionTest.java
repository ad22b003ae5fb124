package dev.ddbkit.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionCanceledExceptionTest {

  private static TransactionCanceledException of(String... codes) {
    List<CancellationReason> reasons = new java.util.ArrayList<>();
    for (int i = 0; i < codes.length; i++) {
      reasons.add(CancellationReason.of(i, codes[i], null, null));
    }
    return TransactionCanceledException.of("cancelled", ErrorContext.empty(), reasons, null);
  }

  @Test
  void onlyConflicts_isRetryable() {
    assertThat(of("None", "TransactionConflict").retryable()).isTrue();
  }

  @Test
  void onlyThrottling_isRetryable() {
    assertThat(of("ThrottlingError", "None", "ProvisionedThroughputExceeded").retryable()).isTrue();
  }

  @Test
  void conditionalFailureAmongConflicts_isNotRetryable() {
    assertThat(of("TransactionConflict", "ConditionalCheckFailed").retryable()).isFalse();
  }

  @Test
  void validationError_isNotRetryable() {
    assertThat(of("ValidationError").retryable()).isFalse();
  }

  @Test
  void noFailedReason_isNotRetryable() {
    assertThat(of("None", "None").retryable()).isFalse();
    assertThat(of().retryable()).isFalse();
  }

  @Test
  void nullCodeAndMessage_becomeNoneAndEmpty() {
    CancellationReason r = CancellationReason.of(3, null, null, null);

    assertThat(r.code()).isEqualTo(CancellationReason.NONE);
    assertThat(r.message()).isEmpty();
    assertThat(r.oldItem()).isEmpty();
    assertThat(r.failed()).isFalse();
  }

  @Test
  void reason_byIndex_findsTheItemsReason() {
    TransactionCanceledException e = of("None", "None", "ConditionalCheckFailed");

    assertThat(e.reason(2)).hasValueSatisfying(r -> assertThat(r.conditionalCheckFailed()).isTrue());
    assertThat(e.reason(7)).isEmpty();
    assertThat(e.errorCode()).isEqualTo("TransactionCanceledException");
  }
}
