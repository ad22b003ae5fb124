package dev.ddbkit.core.metrics.internal;

import dev.ddbkit.core.metrics.MetricsHook;
import dev.ddbkit.core.metrics.MetricsHook.CapacityType;
import dev.ddbkit.core.metrics.MetricsHook.RetrySource;
import dev.ddbkit.core.metrics.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.http.HttpMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.metrics.SdkMetric;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * The one place ddbkit measures DynamoDB calls: an SDK {@link MetricPublisher} that turns each call's metric
 * collection (the SDK's {@code CoreMetric} and {@code HttpMetric}, plus what {@link CallMetricsInterceptor}
 * added) into {@link MetricsHook} events. The SDK calls it once per call, after the last attempt.
 */
public final class HookMetricPublisher implements MetricPublisher {
  private static final Logger log = LoggerFactory.getLogger(HookMetricPublisher.class);
  private static final String THROTTLING = "Throttling";

  private final MetricsHook hook;

  public HookMetricPublisher(MetricsHook hook) {
    this.hook = hook;
  }

  /** The hook this publisher feeds. */
  public MetricsHook hook() {
    return hook;
  }

  @Override
  public void publish(MetricCollection call) {
    try {
      record(call);
    } catch (RuntimeException e) {
      log.warn("A metrics hook failed; the DynamoDB call is not affected", e);
    }
  }

  private void record(MetricCollection call) {
    String operation = first(call, CoreMetric.OPERATION_NAME, "Unknown");
    String table = first(call, DdbkitSdkMetrics.TABLE, MetricsHook.UNKNOWN_TABLE);
    List<MetricCollection> attempts = call.childrenWithName("ApiCallAttempt").toList();
    String finalReason = first(call, DdbkitSdkMetrics.THROTTLING_REASON, MetricsHook.UNREPORTED_REASON);
    for (int i = 0; i < attempts.size(); i++) {
      MetricCollection attempt = attempts.get(i);
      String errorType = first(attempt, CoreMetric.ERROR_TYPE, "");
      if (THROTTLING.equals(errorType)) {
        String reason = first(attempt, DdbkitSdkMetrics.THROTTLING_REASON,
            i == attempts.size() - 1 ? finalReason : MetricsHook.UNREPORTED_REASON);
        hook.throttled(operation, table, reason);
      }
      Duration serviceCall = first(attempt, CoreMetric.SERVICE_CALL_DURATION, Duration.ZERO);
      hook.attemptCompleted(operation, table, errorTypeTag(errorType), serviceCall);
      attempt.childrenWithName("HttpClient").forEach(this::recordPool);
    }
    if (!call.metricValues(DdbkitSdkMetrics.ITEM_THROTTLED).isEmpty()) {
      hook.throttled(operation, table, "transaction_item");
    }
    int retries = first(call, CoreMetric.RETRY_COUNT, Math.max(0, attempts.size() - 1));
    for (int i = 0; i < retries; i++) {
      hook.retried(operation, table, RetrySource.SDK);
    }
    boolean read = first(call, DdbkitSdkMetrics.READ_OPERATION, Boolean.FALSE);
    for (ConsumedCapacity cc : call.metricValues(DdbkitSdkMetrics.CONSUMED_CAPACITY)) {
      recordCapacity(operation, cc, read ? CapacityType.READ : CapacityType.WRITE);
    }
    for (Long n : call.metricValues(DdbkitSdkMetrics.ITEMS_RETURNED)) {
      hook.itemsReturned(operation, table, n);
    }
    for (Long n : call.metricValues(DdbkitSdkMetrics.UNPROCESSED_ITEMS)) {
      hook.unprocessedItems(operation, table, n);
    }
    Outcome outcome = outcome(call);
    Duration duration = first(call, CoreMetric.API_CALL_DURATION, Duration.ZERO);
    hook.operationCompleted(operation, table, outcome, duration, Math.max(1, attempts.size()));
  }

  private static Outcome outcome(MetricCollection call) {
    String name = first(call, DdbkitSdkMetrics.OUTCOME, "");
    if (!name.isEmpty()) {
      return Outcome.valueOf(name);
    }
    return Boolean.TRUE.equals(first(call, CoreMetric.API_CALL_SUCCESSFUL, Boolean.FALSE)) ? Outcome.SUCCESS : Outcome.ERROR;
  }

  private void recordPool(MetricCollection http) {
    String client = first(http, HttpMetric.HTTP_CLIENT_NAME, "unknown");
    Integer max = firstOrNull(http, HttpMetric.MAX_CONCURRENCY);
    if (max == null) {
      return;
    }
    hook.httpPool(client,
        first(http, HttpMetric.LEASED_CONCURRENCY, 0),
        first(http, HttpMetric.PENDING_CONCURRENCY_ACQUIRES, 0),
        max,
        first(http, HttpMetric.CONCURRENCY_ACQUIRE_DURATION, Duration.ZERO));
  }

  private void recordCapacity(String operation, ConsumedCapacity cc, CapacityType fallback) {
    String table = cc.tableName() == null ? MetricsHook.UNKNOWN_TABLE : cc.tableName();
    if (cc.table() == null && !cc.hasGlobalSecondaryIndexes() && !cc.hasLocalSecondaryIndexes()) {
      capacity(operation, table, MetricsHook.NO_INDEX, cc.readCapacityUnits(), cc.writeCapacityUnits(),
          cc.capacityUnits(), fallback);
      return;
    }
    Capacity own = cc.table();
    if (own != null) {
      capacity(operation, table, MetricsHook.NO_INDEX, own.readCapacityUnits(), own.writeCapacityUnits(),
          own.capacityUnits(), fallback);
    }
    for (Map.Entry<String, Capacity> e : cc.globalSecondaryIndexes().entrySet()) {
      Capacity c = e.getValue();
      capacity(operation, table, e.getKey(), c.readCapacityUnits(), c.writeCapacityUnits(), c.capacityUnits(), fallback);
    }
    for (Map.Entry<String, Capacity> e : cc.localSecondaryIndexes().entrySet()) {
      Capacity c = e.getValue();
      capacity(operation, table, e.getKey(), c.readCapacityUnits(), c.writeCapacityUnits(), c.capacityUnits(), fallback);
    }
  }

  private void capacity(String operation, String table, String index, @Nullable Double read, @Nullable Double write,
      @Nullable Double total, CapacityType fallback) {
    boolean split = false;
    if (read != null && read > 0) {
      hook.capacityConsumed(operation, table, index, CapacityType.READ, read);
      split = true;
    }
    if (write != null && write > 0) {
      hook.capacityConsumed(operation, table, index, CapacityType.WRITE, write);
      split = true;
    }
    if (!split && read == null && write == null && total != null && total > 0) {
      hook.capacityConsumed(operation, table, index, fallback, total);
    }
  }

  /** {@code ERROR_TYPE} as a tag: {@code none}, {@code throttling}, {@code server_error}, {@code io}, ... */
  static String errorTypeTag(String errorType) {
    if (errorType.isEmpty()) {
      return "none";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < errorType.length(); i++) {
      char c = errorType.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        sb.append('_');
      }
      sb.append(Character.toLowerCase(c));
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  private static <T> T first(MetricCollection c, SdkMetric<T> metric, T fallback) {
    List<T> values = c.metricValues(metric);
    return values.isEmpty() || values.get(0) == null ? fallback : values.get(0);
  }

  private static <T> @Nullable T firstOrNull(MetricCollection c, SdkMetric<T> metric) {
    List<T> values = c.metricValues(metric);
    return values.isEmpty() ? null : values.get(0);
  }

  @Override
  public void close() {}
}
