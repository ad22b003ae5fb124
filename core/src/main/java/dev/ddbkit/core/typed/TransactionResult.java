package dev.ddbkit.core.typed;

import dev.ddbkit.core.error.CancellationReason;
import java.util.List;

/**
 * What an idempotent transaction ({@link IdempotentTransactions#write}) did: applied by this call, applied
 * earlier by another call with the same operation id and content (replayed; nothing written now), or cancelled
 * by DynamoDB with a reason per action, indexed as in the caller's request.
 *
 * <pre>{@code
 * TransactionResult r = transactions.write("order-42", request);
 * if (r.status() == TransactionResult.Status.CANCELLED) {
 *   r.failedReasons().forEach(reason -> log.info("action {}: {}", reason.index(), reason.code()));
 * }
 * }</pre>
 *
 * @param operationId the caller's operation id
 * @param status how it ended
 * @param reasons for {@code CANCELLED}: one reason per action of the caller's request; otherwise empty
 */
public record TransactionResult(String operationId, Status status, List<CancellationReason> reasons) {

  /** How an idempotent transaction ended. */
  public enum Status {
    /** This call applied the transaction. */
    APPLIED,
    /** Another call (or an earlier one) applied it; this call wrote nothing. */
    REPLAYED,
    /** DynamoDB cancelled it (a condition failed, an item was too large...); nothing was written. */
    CANCELLED
  }

  public TransactionResult {
    reasons = List.copyOf(reasons);
  }

  /** Whether the operation's effects are in the tables (applied now or before). */
  public boolean committed() {
    return status != Status.CANCELLED;
  }

  /** The reasons of the actions that caused a cancellation. */
  public List<CancellationReason> failedReasons() {
    return reasons.stream().filter(CancellationReason::failed).toList();
  }
}
