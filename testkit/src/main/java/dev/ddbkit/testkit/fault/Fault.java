package dev.ddbkit.testkit.fault;

import dev.ddbkit.core.error.ThrottlingReason;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One thing the {@link FaultProxy} can do to a request instead of (or on top of) forwarding it unchanged.
 * Errors are written exactly as DynamoDB writes them (status, {@code __type}, {@code message},
 * {@code x-amzn-RequestId}, {@code x-amz-crc32}), so the AWS SDK parses and retries them as it would in
 * production.
 *
 * <pre>{@code
 * FaultRule.forOperation("PutItem").inject(Fault.provisionedThroughputExceeded(), 0.10);
 * FaultRule.forAnyOperation().inject(Fault.latency(Latency.fixed(Duration.ofMillis(5))), 1.0);
 * FaultRule.forOperation("PutItem").inject(Fault.dropConnectionAfterForwarding(), 0.05); // written, reply lost
 * }</pre>
 */
public final class Fault {

  /** DynamoDB's JSON protocol namespace of its own error shapes. */
  static final String DYNAMODB_NS = "com.amazonaws.dynamodb.v20120810#";

  private final FaultKind kind;
  private final int status;
  private final String errorType;
  private final String message;
  private final @Nullable Latency latency;
  private final double unprocessedShare;
  private final int conflictIndex;
  private final boolean afterForwarding;
  private final List<ThrottlingReason> throttlingReasons;

  private Fault(FaultKind kind, int status, String errorType, String message, @Nullable Latency latency,
      double unprocessedShare, int conflictIndex, boolean afterForwarding) {
    this(kind, status, errorType, message, latency, unprocessedShare, conflictIndex, afterForwarding, List.of());
  }

  private Fault(FaultKind kind, int status, String errorType, String message, @Nullable Latency latency,
      double unprocessedShare, int conflictIndex, boolean afterForwarding, List<ThrottlingReason> throttlingReasons) {
    this.throttlingReasons = List.copyOf(throttlingReasons);
    this.kind = kind;
    this.status = status;
    this.errorType = errorType;
    this.message = message;
    this.latency = latency;
    this.unprocessedShare = unprocessedShare;
    this.conflictIndex = conflictIndex;
    this.afterForwarding = afterForwarding;
  }

  private static Fault error(FaultKind kind, int status, String type, String message) {
    return new Fault(kind, status, type, message, null, 0, -1, false);
  }

  /** HTTP 400 {@code ProvisionedThroughputExceededException}, which the SDK retries as throttling. */
  public static Fault provisionedThroughputExceeded() {
    return error(FaultKind.PROVISIONED_THROUGHPUT_EXCEEDED, 400, DYNAMODB_NS + "ProvisionedThroughputExceededException",
        "The level of configured provisioned throughput for the table was exceeded. "
            + "Consider increasing your provisioning level with the UpdateTable API.");
  }

  /**
   * HTTP 400 {@code ProvisionedThroughputExceededException} whose {@code ThrottlingReasons} say why, as DynamoDB
   * sends them; ddbkit's {@code ThrottlingException.reasons()} and the {@code reason} metric tag show them. A reason
   * without a resource ARN gets the ARN of the request's table.
   *
   * <pre>{@code
   * FaultRule.forOperation("PutItem").inject(Fault.provisionedThroughputExceeded(ThrottlingReason.of(
   *     Scope.TABLE, Access.WRITE, Limit.KEY_RANGE)), 1.0);
   * }</pre>
   */
  public static Fault provisionedThroughputExceeded(ThrottlingReason... reasons) {
    return provisionedThroughputExceeded().withThrottlingReasons(reasons);
  }

  /** HTTP 400 {@code ThrottlingException} with {@code ThrottlingReasons}, as for {@link #provisionedThroughputExceeded(ThrottlingReason...)}. */
  public static Fault throttling(ThrottlingReason... reasons) {
    return throttling().withThrottlingReasons(reasons);
  }

  private Fault withThrottlingReasons(ThrottlingReason... reasons) {
    Objects.requireNonNull(reasons, "reasons");
    return new Fault(kind, status, errorType, message, latency, unprocessedShare, conflictIndex, afterForwarding,
        Arrays.asList(reasons));
  }

  /** The {@code ThrottlingReasons} a throttling fault sends; empty for the others. */
  public List<ThrottlingReason> throttlingReasons() {
    return throttlingReasons;
  }

  /** HTTP 400 {@code ThrottlingException}, which the SDK retries as throttling. */
  public static Fault throttling() {
    return error(FaultKind.THROTTLING, 400, "com.amazon.coral.availability#ThrottlingException",
        "Rate of requests exceeds the allowed throughput.");
  }

  /** HTTP 500 {@code InternalServerError}, which the SDK retries. */
  public static Fault internalServerError() {
    return error(FaultKind.INTERNAL_SERVER_ERROR, 500, DYNAMODB_NS + "InternalServerError",
        "Internal server error");
  }

  /**
   * The request reaches DynamoDB and takes effect, then the proxy answers HTTP 500 {@code InternalServerError}
   * instead of DynamoDB's answer: the SDK retries a write that already happened.
   */
  public static Fault serverErrorAfterForwarding() {
    return new Fault(FaultKind.INTERNAL_SERVER_ERROR, 500, DYNAMODB_NS + "InternalServerError",
        "Internal server error", null, 0, -1, true);
  }

  /** HTTP 503 {@code ServiceUnavailable}, which the SDK retries. */
  public static Fault serviceUnavailable() {
    return error(FaultKind.SERVICE_UNAVAILABLE, 503, "com.amazon.coral.service#ServiceUnavailableException",
        "Service Unavailable");
  }

  /**
   * Any error response: {@code status}, the {@code __type} (either a bare code such as
   * {@code RequestLimitExceeded} or a namespaced one) and a message.
   */
  public static Fault error(int status, String type, String message) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be an HTTP error status (400-599) but was " + status + ".");
    }
    requireText(type, "type");
    Objects.requireNonNull(message, "message");
    String full = type.contains("#") ? type : DYNAMODB_NS + type;
    return error(FaultKind.CUSTOM_ERROR, status, full, message);
  }

  /**
   * A transaction conflict. {@code TransactWriteItems} and {@code TransactGetItems} get a
   * {@code TransactionCanceledException} whose reason is {@code TransactionConflict} for the first item on a
   * table the rule names (the first item when the rule names none) and {@code None} for the others;
   * single-item writes get a {@code TransactionConflictException}.
   */
  public static Fault transactionConflict() {
    return new Fault(FaultKind.TRANSACTION_CONFLICT, 400, "", "", null, 0, -1, false);
  }

  /** Like {@link #transactionConflict()} but with the conflict on the item at {@code index}. */
  public static Fault transactionConflictAt(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative but was " + index + ".");
    }
    return new Fault(FaultKind.TRANSACTION_CONFLICT, 400, "", "", null, 0, index, false);
  }

  /**
   * A partial batch: {@code BatchWriteItem} and {@code BatchGetItem} forward only part of their items (or keys)
   * to DynamoDB and return the rest, never written or read, as {@code UnprocessedItems} /
   * {@code UnprocessedKeys}. {@code share} of the eligible items, rounded, and at least one, is held back.
   */
  public static Fault unprocessed(double share) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be in (0, 1] but was " + share + ".");
    }
    return new Fault(FaultKind.UNPROCESSED, 200, "", "", null, share, -1, false);
  }

  /** Added latency before the request is handled; other rules still apply to the request. */
  public static Fault latency(Latency latency) {
    return new Fault(FaultKind.LATENCY, 0, "", "", Objects.requireNonNull(latency, "latency"), 0, -1, false);
  }

  /** A fixed added latency. */
  public static Fault latency(Duration delay) {
    return latency(Latency.fixed(delay));
  }

  /** The connection is closed without a response, before the request reaches DynamoDB. */
  public static Fault dropConnection() {
    return new Fault(FaultKind.DROPPED_CONNECTION, 0, "", "", null, 0, -1, false);
  }

  /**
   * The request reaches DynamoDB and takes effect, then the connection is closed without a response: the
   * case that makes non-idempotent retries write twice.
   */
  public static Fault dropConnectionAfterForwarding() {
    return new Fault(FaultKind.DROPPED_CONNECTION, 0, "", "", null, 0, -1, true);
  }

  /**
   * No response: the request never reaches DynamoDB and the proxy holds the connection until the client
   * times out (or the proxy's hold limit passes, then it closes the connection).
   */
  public static Fault timeout() {
    return new Fault(FaultKind.TIMEOUT, 0, "", "", null, 0, -1, false);
  }

  /** Like {@link #timeout()} but the request reaches DynamoDB and takes effect first. */
  public static Fault timeoutAfterForwarding() {
    return new Fault(FaultKind.TIMEOUT, 0, "", "", null, 0, -1, true);
  }

  /** What this fault does. */
  public FaultKind kind() {
    return kind;
  }

  /** The HTTP status of an error fault; 0 for faults that send no error. */
  public int status() {
    return status;
  }

  /** The {@code __type} of an error fault; empty for the others. */
  public String errorType() {
    return errorType;
  }

  /** The message of an error fault; empty for the others. */
  public String message() {
    return message;
  }

  /** The latency distribution of a latency fault. */
  public Optional<Latency> latency() {
    return Optional.ofNullable(latency);
  }

  /** The share of items held back by an unprocessed fault; 0 for the others. */
  public double unprocessedShare() {
    return unprocessedShare;
  }

  /** The item index of a transaction conflict, when one was chosen. */
  public Optional<Integer> conflictIndex() {
    return conflictIndex < 0 ? Optional.empty() : Optional.of(conflictIndex);
  }

  /** Whether the request is forwarded to DynamoDB before the connection is dropped or held, or the error sent. */
  public boolean afterForwarding() {
    return afterForwarding;
  }

  /** Whether this fault answers with an error response. */
  public boolean isErrorResponse() {
    return status >= 400;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case LATENCY -> "latency(" + latency + ")";
      case UNPROCESSED -> "unprocessed(" + unprocessedShare + ")";
      case DROPPED_CONNECTION, TIMEOUT -> kind + (afterForwarding ? " after forwarding" : "");
      case INTERNAL_SERVER_ERROR -> afterForwarding ? "serverErrorAfterForwarding"
          : kind + "(" + status + " " + errorType + ")";
      case TRANSACTION_CONFLICT -> "transactionConflict" + (conflictIndex < 0 ? "" : "At(" + conflictIndex + ")");
      default -> kind + "(" + status + " " + errorType + ")"
          + (throttlingReasons.isEmpty() ? "" : " reasons " + throttlingReasons);
    };
  }

  private static void requireText(@Nullable String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank.");
    }
  }
}
