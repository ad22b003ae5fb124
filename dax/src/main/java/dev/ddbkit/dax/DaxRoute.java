package dev.ddbkit.dax;

import java.util.Locale;

/** Which way one request went, reported to {@link DaxListener#onRequest(String, DaxRoute)}. */
public enum DaxRoute {
  /** DAX answered, with a result or with the request's own error (for example a failed condition). */
  DAX,
  /** No DAX is configured: sent to DynamoDB. */
  DYNAMODB_NO_DAX,
  /** The circuit breaker was open (or a half-open probe was already in flight): sent to DynamoDB. */
  DYNAMODB_CIRCUIT_OPEN,
  /** A strongly consistent or transactional read, or an operation DAX does not serve: sent to DynamoDB. */
  DYNAMODB_DIRECT,
  /** The read failed on DAX and was retried once on DynamoDB. */
  DYNAMODB_READ_FALLBACK,
  /** The write certainly did not reach DAX (connection refused, no endpoint) and was re-sent to DynamoDB. */
  DYNAMODB_WRITE_FALLBACK,
  /** The write failed on DAX after it may have been applied; it was not re-sent and its error was thrown. */
  FAILED_OUTCOME_UNKNOWN;

  /** A lower-case form suitable as a metric tag value, such as {@code dynamodb_read_fallback}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
