package dev.ddbkit.orders;

import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.error.ErrorContext;
import org.jspecify.annotations.Nullable;

/**
 * An item read from the table does not have the orders layout (a missing or mistyped managed attribute, an
 * unknown status, an unparsable date). Written by something other than ddbkit or the seed; not retryable.
 */
public final class MalformedOrderException extends DdbkitException {
  private static final long serialVersionUID = 1L;

  private MalformedOrderException(String message, ErrorContext context, @Nullable Throwable cause) {
    super(message, "ddbkit.MalformedOrder", false, context, cause);
  }

  /** Creates the error with a full-sentence {@code message}. */
  public static MalformedOrderException of(String message, ErrorContext context, @Nullable Throwable cause) {
    return new MalformedOrderException(message, context, cause);
  }
}
