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
