package dev.ddbkit.core.metrics;

import dev.ddbkit.core.error.AccessDeniedException;
import dev.ddbkit.core.error.ConditionalCheckFailedException;
import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.error.ResourceNotFoundException;
import dev.ddbkit.core.error.ThrottlingException;
import dev.ddbkit.core.error.TransactionCanceledException;
import dev.ddbkit.core.error.TransactionConflictException;
import dev.ddbkit.core.error.TransientServiceException;
import dev.ddbkit.core.error.ValidationException;
import java.util.Locale;

/** How a DynamoDB call ended: the bounded value of the {@code outcome} tag. */
public enum Outcome {
  /** The call succeeded. */
  SUCCESS,
  /** A condition expression was false. */
  CONDITIONAL_CHECK_FAILED,
  /** A transaction was cancelled. */
  TRANSACTION_CANCELED,
  /** A transaction conflicted with another request. */
  TRANSACTION_CONFLICT,
  /** The last attempt was throttled. */
  THROTTLED,
  /** DynamoDB rejected the request as invalid. */
  VALIDATION,
  /** The table or index does not exist. */
  NOT_FOUND,
  /** The credentials were refused. */
  ACCESS_DENIED,
  /** A 5xx answer, a dropped connection or a timeout. */
  TRANSIENT,
  /** Any other failure. */
  ERROR;

  /** The tag value, such as {@code success} or {@code conditional_check_failed}. */
  public String tagValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The outcome of a call that failed with {@code error} (SDK or ddbkit exception, possibly wrapped). */
  public static Outcome of(Throwable error) {
    DdbkitException e = DdbkitErrors.translate(error, null, null);
    if (e instanceof ConditionalCheckFailedException) {
      return CONDITIONAL_CHECK_FAILED;
    }
    if (e instanceof TransactionCanceledException) {
      return TRANSACTION_CANCELED;
    }
    if (e instanceof TransactionConflictException) {
      return TRANSACTION_CONFLICT;
    }
    if (e instanceof ThrottlingException) {
      return THROTTLED;
    }
    if (e instanceof ValidationException) {
      return VALIDATION;
    }
    if (e instanceof ResourceNotFoundException) {
      return NOT_FOUND;
    }
    if (e instanceof AccessDeniedException) {
      return ACCESS_DENIED;
    }
    if (e instanceof TransientServiceException) {
      return TRANSIENT;
    }
    return ERROR;
  }
}
