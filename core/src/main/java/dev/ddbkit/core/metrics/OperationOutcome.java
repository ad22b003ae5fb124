package dev.ddbkit.core.metrics;

import dev.ddbkit.core.error.ConditionalCheckFailedException;
import dev.ddbkit.core.error.DdbkitErrors;
import java.util.Locale;

/**
 * How a ddbkit operation ended, the bounded value of the {@code outcome} tag of {@code ddbkit.operations}.
 * Expected results of a valid request (a replayed transfer, a duplicate order, insufficient stock) are their
 * own outcomes, distinct from {@link #ERROR}, so a dashboard of errors shows only failures.
 *
 * <pre>{@code
 * hook.ddbkitOperationCompleted("transactions.transfer", "accounts", OperationOutcome.REPLAY, elapsed);
 * }</pre>
 */
public enum OperationOutcome {
  /** The operation did what was asked. */
  SUCCESS(true),
  /** The request had already been applied (same idempotency key); the earlier result was returned. */
  REPLAY(true),
  /** A condition the caller set was false; nothing was written. */
  CONDITION_FAILED(true),
  /** The entity already exists (for example an order id used twice). */
  DUPLICATE(true),
  /** An order asked for more than the stock held. */
  INSUFFICIENT_STOCK(true),
  /** A transfer asked for more than the balance. */
  INSUFFICIENT_FUNDS(true),
  /** A pagination cursor was malformed, tampered with or issued for another query. */
  CURSOR_REJECTED(true),
  /** The operation failed. */
  ERROR(false);

  private final boolean expected;

  OperationOutcome(boolean expected) {
    this.expected = expected;
  }

  /** Whether this is a result of a valid request rather than a failure (everything but {@link #ERROR}). */
  public boolean expected() {
    return expected;
  }

  /** The tag value, such as {@code insufficient_funds}. */
  public String tagValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The outcome of an operation that threw {@code error}: {@link #CONDITION_FAILED} for a conditional check
   * failure, {@link #ERROR} for anything else. Modules map their own expected results (cursor, stock, funds).
   */
  public static OperationOutcome of(Throwable error) {
    return DdbkitErrors.translate(error, null, null) instanceof ConditionalCheckFailedException
        ? CONDITION_FAILED
        : ERROR;
  }
}
