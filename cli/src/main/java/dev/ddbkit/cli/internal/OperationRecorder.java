package dev.ddbkit.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Records every DynamoDB call the SDK makes, through its {@link MetricPublisher} hook: per operation the
 * call count, failures, latency of the whole call (retries included), SDK retries and throttled attempts.
 * Calls that do not go through the SDK's metrics (the DAX client) are added with {@link #record}.
 */
public final class OperationRecorder implements MetricPublisher {
  /** The value of {@link CoreMetric#ERROR_TYPE} for a throttled attempt, as documented for that metric. */
  private static final String THROTTLING = "Throttling";

  private final Map<String, Stats> stats = new ConcurrentHashMap<>();

  @Override
  public void publish(MetricCollection call) {
    List<String> names = call.metricValues(CoreMetric.OPERATION_NAME);
    String operation = names.isEmpty() ? "Unknown" : names.get(0);
    List<Duration> duration = call.metricValues(CoreMetric.API_CALL_DURATION);
    List<Boolean> ok = call.metricValues(CoreMetric.API_CALL_SUCCESSFUL);
    List<Integer> retries = call.metricValues(CoreMetric.RETRY_COUNT);
    int throttles = 0;
    for (MetricCollection attempt : call.children()) {
      for (String type : attempt.metricValues(CoreMetric.ERROR_TYPE)) {
        if (THROTTLING.equals(type)) {
          throttles++;
        }
      }
    }
    stats(operation).add(duration.isEmpty() ? 0 : duration.get(0).toNanos(), ok.isEmpty() || ok.get(0),
        retries.isEmpty() ? 0 : retries.get(0), throttles);
  }

  /** Records a call made outside the SDK's metrics, such as one through the DAX client. */
  public void record(String operation, Duration duration, boolean succeeded) {
    stats(operation).add(duration.toNanos(), succeeded, 0, 0);
  }

  /** A snapshot of what was recorded, by operation name. */
  public Map<String, OperationSummary> snapshot() {
    Map<String, OperationSummary> out = new LinkedHashMap<>();
    new TreeMap<>(stats).forEach((name, s) -> out.put(name, s.summary(name)));
    return out;
  }

  /** Forgets everything recorded so far. */
  public void reset() {
    stats.clear();
  }

  @Override
  public void close() {}

  private Stats stats(String operation) {
    return stats.computeIfAbsent(operation, k -> new Stats());
  }

  /** What was recorded for one operation. */
  public record OperationSummary(String operation, int calls, int failures, int retries, int throttles,
      Duration p50, Duration p99, Duration max) {

    /** As a map, for JSON. */
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("operation", operation);
      m.put("calls", calls);
      m.put("failures", failures);
      m.put("retries", retries);
      m.put("throttles", throttles);
      m.put("p50Micros", p50.toNanos() / 1_000);
      m.put("p99Micros", p99.toNanos() / 1_000);
      m.put("maxMicros", max.toNanos() / 1_000);
      return m;
    }
  }

  private static final class Stats {
    private final List<Long> nanos = new ArrayList<>();
    private int failures;
    private int retries;
    private int throttles;

    synchronized void add(long durationNanos, boolean succeeded, int retryCount, int throttleCount) {
      nanos.add(durationNanos);
      if (!succeeded) {
        failures++;
      }
      retries += retryCount;
      throttles += throttleCount;
    }

    synchronized OperationSummary summary(String name) {
      long[] values = nanos.stream().mapToLong(Long::longValue).toArray();
      return new OperationSummary(name, values.length, failures, retries, throttles,
          Percentiles.of(values, 50), Percentiles.of(values, 99), Percentiles.of(values, 100));
    }
  }
}
