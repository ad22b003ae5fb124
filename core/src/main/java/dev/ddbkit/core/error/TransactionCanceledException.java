package dev.ddbkit.core.error;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A transaction was cancelled. Holds every item's reason, by index in the request, so callers can tell a
 * failed condition on item 2 from a conflict on item 0. Retryable only when every failing reason is a
 * conflict or throttling; conditional failures are never retried.
 */
public class TransactionCanceledException extends DdbkitException {
  private static final long serialVersionUID = 1L;

  private final List<CancellationReason> reasons;

  protected TransactionCanceledException(
      String message, ErrorContext context, List<CancellationReason> reasons, @Nullable Throwable cause) {
    super(message, "TransactionCanceledException", retryable(reasons), context, cause);
    this.reasons = List.copyOf(reasons);
  }

  /** Creates the error from its reasons, in request order. */
  public static TransactionCanceledException of(
      String message, ErrorContext context, List<CancellationReason> reasons, @Nullable Throwable cause) {
    return new TransactionCanceledException(message, context, reasons, cause);
  }

  private static boolean retryable(List<CancellationReason> reasons) {
    boolean anyFailed = false;
    for (CancellationReason r : reasons) {
      if (!r.failed()) {
        continue;
      }
      anyFailed = true;
      if (!"TransactionConflict".equals(r.code()) && !"ThrottlingError".equals(r.code())
          && !"ProvisionedThroughputExceeded".equals(r.code())) {
        return false;
      }
    }
    return anyFailed;
  }

  /** Every item's reason, in the order of the request's items; empty if DynamoDB sent none. */
  public List<CancellationReason> reasons() {
    return reasons;
  }

  /** The reason for the item at {@code index}, if DynamoDB reported one. */
  public Optional<CancellationReason> reason(int index) {
    return reasons.stream().filter(r -> r.index() == index).findFirst();
  }

  /** The reasons of the items that caused the cancellation. */
  public List<CancellationReason> failedReasons() {
    return reasons.stream().filter(CancellationReason::failed).toList();
  }
}
