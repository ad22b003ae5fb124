package dev.ddbkit.core.metrics;

import java.time.Duration;
import java.util.List;

/**
 * Receives what happens to DynamoDB calls, for users with or without Micrometer. Every method has a no-op
 * default, so an implementation overrides only what it records. Implementations must be thread-safe and fast;
 * an exception thrown by a hook is logged and never fails the call.
 *
 * <p>Every argument is a bounded value: operation names, table and index names, enums. Keys and item
 * values are never passed.
 *
 * <pre>{@code
 * MetricsHook hook = new MetricsHook() {
 *   public void operationCompleted(String operation, String table, Outcome outcome, Duration duration, int attempts) {
 *     log.info("{} on {}: {} in {} ({} attempts)", operation, table, outcome, duration, attempts);
 *   }
 * };
 * ClientSettings settings = ClientSettings.builder().metrics(hook).build();
 * }</pre>
 */
public interface MetricsHook {

  /** Table tag when the request names no table (PartiQL, ListTables). */
  String UNKNOWN_TABLE = "unknown";
  /** Table tag when one request spans several tables (batch and transaction calls). */
  String MULTIPLE_TABLES = "multiple";
  /** Index tag for capacity consumed by the table itself rather than by an index. */
  String NO_INDEX = "none";

  /**
   * One DynamoDB call finished.
   *
   * @param operation the DynamoDB operation, such as {@code PutItem}
   * @param table the table, {@link #UNKNOWN_TABLE} or {@link #MULTIPLE_TABLES}
   * @param outcome how it ended
   * @param duration the whole call, every attempt and backoff included
   * @param attempts the HTTP attempts made, the first included
   */
  default void operationCompleted(String operation, String table, Outcome outcome, Duration duration, int attempts) {}

  /** One attempt of {@code operation} on {@code table} was throttled. */
  default void throttled(String operation, String table) {}

  /** {@code operation} on {@code table} is being attempted again, by the SDK or by ddbkit. */
  default void retried(String operation, String table, RetrySource source) {}

  /**
   * A call consumed capacity units.
   *
   * @param table the table
   * @param index the index name, or {@link #NO_INDEX} for the table itself
   * @param type read or write units
   * @param units the units consumed, positive
   */
  default void capacityConsumed(String table, String index, CapacityType type, double units) {}

  /**
   * One attempt of {@code operation} on {@code table} was throttled (the SDK's {@code ERROR_TYPE} metric said
   * {@code Throttling}). The default calls {@link #throttled(String, String)}.
   *
   * @param reason {@link dev.ddbkit.core.error.ThrottlingReason#tagValue()} of the first reason DynamoDB gave,
   *     or {@link #UNREPORTED_REASON} when the reason of that attempt is not known
   */
  default void throttled(String operation, String table, String reason) {
    throttled(operation, table);
  }

  /** Throttling reason tag when the reason of an attempt is not known (retried attempts, or none sent). */
  String UNREPORTED_REASON = "unreported";

  /**
   * One HTTP attempt finished.
   *
   * @param errorType {@code none}, or the SDK's {@code ERROR_TYPE} in lower case: {@code throttling},
   *     {@code server_error}, {@code configured_timeout}, {@code io}, {@code other}
   * @param serviceCall the SDK's {@code ServiceCallDuration}: from sending the request to the response headers
   */
  default void attemptCompleted(String operation, String table, String errorType, Duration serviceCall) {}

  /**
   * A call consumed capacity units; the default calls {@link #capacityConsumed(String, String, CapacityType, double)}.
   *
   * @param operation the DynamoDB operation that consumed them
   */
  default void capacityConsumed(String operation, String table, String index, CapacityType type, double units) {
    capacityConsumed(table, index, type, units);
  }

  /** A read returned {@code count} items ({@code Count} of a Query or Scan, items of a GetItem or batch read). */
  default void itemsReturned(String operation, String table, long count) {}

  /** A batch call came back with {@code count} unprocessed items or keys. */
  default void unprocessedItems(String operation, String table, long count) {}

  /**
   * The HTTP connection pool of {@code httpClient} as one attempt saw it when acquiring a connection.
   *
   * @param httpClient the SDK's HTTP client name, such as {@code Apache} or {@code NettyNio}
   * @param leased connections in use
   * @param pending requests waiting for a connection
   * @param max the pool's maximum
   * @param acquire how long this attempt waited for its connection
   */
  default void httpPool(String httpClient, int leased, int pending, int max, Duration acquire) {}

  /**
   * A ddbkit operation (a repository method, a transfer, a sharded write, which may make several DynamoDB
   * calls) finished with {@code outcome}; expected results such as a replay or insufficient funds are not
   * errors.
   *
   * @param operation the ddbkit operation, dotted, such as {@code transactions.transfer}
   * @param table the main table, {@link #MULTIPLE_TABLES} or {@link #UNKNOWN_TABLE}
   */
  default void ddbkitOperationCompleted(String operation, String table, OperationOutcome outcome, Duration duration) {}

  /**
   * A circuit breaker (such as DAX's) moved between states; state names are lower case: {@code closed},
   * {@code open}, {@code half_open}, {@code disabled}.
   */
  default void circuitBreakerTransition(String breaker, String from, String to) {}

  /** A hook that records nothing. */
  static MetricsHook noop() {
    return NoopHook.INSTANCE;
  }

  /** A hook that forwards every event to each of {@code hooks}, in order. */
  static MetricsHook composite(List<MetricsHook> hooks) {
    List<MetricsHook> copy = List.copyOf(hooks);
    return new MetricsHook() {
      @Override
      public void operationCompleted(String operation, String table, Outcome outcome, Duration duration, int attempts) {
        copy.forEach(h -> h.operationCompleted(operation, table, outcome, duration, attempts));
      }

      @Override
      public void throttled(String operation, String table) {
        copy.forEach(h -> h.throttled(operation, table));
      }

      @Override
      public void retried(String operation, String table, RetrySource source) {
        copy.forEach(h -> h.retried(operation, table, source));
      }

      @Override
      public void capacityConsumed(String table, String index, CapacityType type, double units) {
        copy.forEach(h -> h.capacityConsumed(table, index, type, units));
      }

      @Override
      public void throttled(String operation, String table, String reason) {
        copy.forEach(h -> h.throttled(operation, table, reason));
      }

      @Override
      public void attemptCompleted(String operation, String table, String errorType, Duration serviceCall) {
        copy.forEach(h -> h.attemptCompleted(operation, table, errorType, serviceCall));
      }

      @Override
      public void capacityConsumed(String operation, String table, String index, CapacityType type, double units) {
        copy.forEach(h -> h.capacityConsumed(operation, table, index, type, units));
      }

      @Override
      public void itemsReturned(String operation, String table, long count) {
        copy.forEach(h -> h.itemsReturned(operation, table, count));
      }

      @Override
      public void unprocessedItems(String operation, String table, long count) {
        copy.forEach(h -> h.unprocessedItems(operation, table, count));
      }

      @Override
      public void httpPool(String httpClient, int leased, int pending, int max, Duration acquire) {
        copy.forEach(h -> h.httpPool(httpClient, leased, pending, max, acquire));
      }

      @Override
      public void ddbkitOperationCompleted(String operation, String table, OperationOutcome outcome, Duration duration) {
        copy.forEach(h -> h.ddbkitOperationCompleted(operation, table, outcome, duration));
      }

      @Override
      public void circuitBreakerTransition(String breaker, String from, String to) {
        copy.forEach(h -> h.circuitBreakerTransition(breaker, from, to));
      }
    };
  }

  /** Who retries: the AWS SDK's retry strategy, or ddbkit's {@code DdbkitRetry}. */
  enum RetrySource {
    /** The SDK's retry strategy. */
    SDK,
    /** ddbkit's {@code DdbkitRetry}. */
    DDBKIT;

    /** The tag value: {@code sdk} or {@code ddbkit}. */
    public String tagValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Read or write capacity units. */
  enum CapacityType {
    /** Read capacity units. */
    READ,
    /** Write capacity units. */
    WRITE;

    /** The tag value: {@code read} or {@code write}. */
    public String tagValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
