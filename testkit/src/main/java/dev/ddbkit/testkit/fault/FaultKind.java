package dev.ddbkit.testkit.fault;

/** What a {@link Fault} does to a request; the unit of {@link FaultCounters}. */
public enum FaultKind {
  /** HTTP 400 {@code ProvisionedThroughputExceededException}; the SDK retries it as throttling. */
  PROVISIONED_THROUGHPUT_EXCEEDED,
  /** HTTP 400 {@code ThrottlingException}; the SDK retries it as throttling. */
  THROTTLING,
  /** HTTP 500 {@code InternalServerError}; the SDK retries it. */
  INTERNAL_SERVER_ERROR,
  /** HTTP 503 {@code ServiceUnavailable}; the SDK retries it. */
  SERVICE_UNAVAILABLE,
  /** An error response chosen by the test with {@link Fault#error(int, String, String)}. */
  CUSTOM_ERROR,
  /**
   * A transaction conflict: {@code TransactionCanceledException} with reason {@code TransactionConflict} for
   * {@code TransactWriteItems}/{@code TransactGetItems}, {@code TransactionConflictException} for single-item
   * writes.
   */
  TRANSACTION_CONFLICT,
  /** A {@code BatchWriteItem}/{@code BatchGetItem} answered with part of its items or keys unprocessed. */
  UNPROCESSED,
  /** Added latency before the request is handled. */
  LATENCY,
  /** The connection closed without a response. */
  DROPPED_CONNECTION,
  /** The response held back until the client gives up. */
  TIMEOUT,
  /** Throttling by the {@link HotPartitionSimulator} because a partition key's bucket was empty. */
  HOT_PARTITION
}
