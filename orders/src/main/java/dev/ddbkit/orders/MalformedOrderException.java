package dev.ddbkit.orders;

import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.error.ErrorContext;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An item read from the table does not have the orders layout (a missing or mistyped managed attribute, an
 * unknown status, an unparsable date). Written by something other than ddbkit or the seed; not retryable.
 *
 * <p>On a page or stream read the error carries {@link #key()} of the bad item and, when the page is not the
 * last one, {@link #nextCursor()}: the cursor of the page after the one holding the bad item, so a caller can
 * skip past it (the other orders of that page are skipped too; re-read with a smaller page size to lose fewer).
 *
 * <pre>{@code
 * try {
 *   page = orders.byCustomer("c-42", q -> q.cursor(cursor));
 * } catch (MalformedOrderException bad) {
 *   log.warn("skipping page with malformed order {}", bad.key(), bad);
 *   next = bad.nextCursor(); // empty: it was the last page
 * }
 * }</pre>
 */
public final class MalformedOrderException extends DdbkitException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorContext context;
  private final transient @Nullable OrderKey key;
  private final @Nullable String nextCursor;

  private MalformedOrderException(String message, ErrorContext context, @Nullable Throwable cause,
      @Nullable OrderKey key, @Nullable String nextCursor) {
    super(message, "ddbkit.MalformedOrder", false, context, cause);
    this.context = context;
    this.key = key;
    this.nextCursor = nextCursor;
  }

  /** Creates the error with a full-sentence {@code message}. */
  public static MalformedOrderException of(String message, ErrorContext context, @Nullable Throwable cause) {
    return new MalformedOrderException(message, context, cause, null, null);
  }

  /** Creates the error about the item under {@code key} (null when the item has no valid key). */
  public static MalformedOrderException of(String message, ErrorContext context, @Nullable Throwable cause,
      @Nullable OrderKey key) {
    return new MalformedOrderException(message, context, cause, key, null);
  }

  /** This error, as met on a page that a next page follows: the same message, context, cause and key, with {@code nextCursor}. */
  public MalformedOrderException withNextCursor(String nextCursor) {
    MalformedOrderException copy = new MalformedOrderException(String.valueOf(getMessage()), context, getCause(), key,
        nextCursor);
    copy.setStackTrace(getStackTrace());
    return copy;
  }

  /** The key of the malformed item; empty if the item had no valid {@code customer_id}/{@code order_id}. */
  public Optional<OrderKey> key() {
    return Optional.ofNullable(key);
  }

  /**
   * The cursor of the page after the one holding the malformed item; empty when that page was the last one or
   * the item was read by key.
   */
  public Optional<String> nextCursor() {
    return Optional.ofNullable(nextCursor);
  }
}
