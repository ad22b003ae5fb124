package dev.ddbkit.core.error;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The request was throttled (`ProvisionedThroughputExceededException`, `ThrottlingException` or
 * `RequestLimitExceeded`). Retryable with backoff. {@link #reasons()} says why, when DynamoDB said so.
 */
public class ThrottlingException extends DdbkitException {
  private static final long serialVersionUID = 1L;

  private final List<ThrottlingReason> reasons;

  protected ThrottlingException(String message, String errorCode, ErrorContext context, @Nullable Throwable cause) {
    this(message, errorCode, context, cause, List.of());
  }

  protected ThrottlingException(String message, String errorCode, ErrorContext context, @Nullable Throwable cause,
      List<ThrottlingReason> reasons) {
    super(withReasons(message, reasons), errorCode, true, context, cause);
    this.reasons = List.copyOf(reasons);
  }

  /** Creates the error with the given DynamoDB error code. */
  public static ThrottlingException of(String message, String errorCode, ErrorContext context, @Nullable Throwable cause) {
    return new ThrottlingException(message, errorCode, context, cause);
  }

  /** Creates the error with the given DynamoDB error code and the reasons DynamoDB gave. */
  public static ThrottlingException of(String message, String errorCode, ErrorContext context, @Nullable Throwable cause,
      List<ThrottlingReason> reasons) {
    return new ThrottlingException(message, errorCode, context, cause, Require.nonNull(reasons, "reasons"));
  }

  /** Creates the error with the default error code {@code ThrottlingException}. */
  public static ThrottlingException of(String message, ErrorContext context) {
    return new ThrottlingException(message, "ThrottlingException", context, null);
  }

  /**
   * Why DynamoDB throttled the request ({@code ThrottlingReasons} of the error response); empty when it did not
   * say, as for throttling ddbkit reports itself (unprocessed batch items).
   */
  public List<ThrottlingReason> reasons() {
    return reasons;
  }

  private static String withReasons(String message, List<ThrottlingReason> reasons) {
    if (reasons.isEmpty()) {
      return message;
    }
    StringBuilder sb = new StringBuilder(message).append(" (throttling reasons: ");
    for (int i = 0; i < reasons.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(reasons.get(i));
    }
    return sb.append(')').toString();
  }
}
