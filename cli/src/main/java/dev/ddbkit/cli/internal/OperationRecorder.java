package dev.ddbkit.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Records every DynamoDB call the SDK makes, through its {@link MetricPublisher} hook: per operation the
 * call count, failures, latency of the whole call (retries included), SDK retries and throttled attempts.
 * Its {@link #interceptor()} tells apart the failed calls that are refusals the caller asked for
 * ({@link #isExpectedRefusal}), such as a condition not met: outcomes, not errors.
 * Calls that do not go through the SDK's metrics (the DAX client) are added with {@link #record}.
 */
public final class OperationRecorder implements MetricPublisher {
  /** The value of {@link CoreMetric#ERROR_TYPE} for a throttled attempt, as documented for that metric. */
  private static final String THROTTLING = "Throttling";

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OperationRecorder.class);
  private static final java.util.Set<String> UNSUPPORTED = java.util.Set.of("UnknownOperationException",
      "UnsupportedOperationException", "UnsupportedOperation", "NotImplemented", "NotImplementedException",
      "InvalidAction");

  private final Map<String, Stats> stats = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> expectedRefusals = new ConcurrentHashMap<>();
  private final ExecutionInterceptor interceptor = new ExecutionInterceptor() {
    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      String name = operation == null ? "Unknown" : operation;
      if (isExpectedRefusal(context.exception(), name)) {
        expectedRefusals.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
      } else {
        LOG.debug("{} failed: {}", name, context.exception().toString());
      }
    }
  };

  /** The interceptor to add to the clients next to this publisher. */
  public ExecutionInterceptor interceptor() {
    return interceptor;
  }

  /**
   * Whether {@code error} is a refusal the caller asked DynamoDB for, not an error: a condition not met (a
   * conditional write, or a transaction cancelled only by conditions: duplicate order, replay, stale status,
   * insufficient stock or funds), a replayed transaction DynamoDB refuses to run twice, a DescribeTable of a table that does not exist yet (how a table manager finds
   * out it must create it), or an operation this backend does not implement (the readiness probes of backups and
   * tags on DynamoDB Local, reported there as not checkable).
   */
  static boolean isExpectedRefusal(Throwable error, String operation) {
    if (error instanceof ConditionalCheckFailedException) {
      return true;
    }
    if (error instanceof TransactionCanceledException t && t.hasCancellationReasons()) {
      return t.cancellationReasons().stream().map(CancellationReason::code)
          .allMatch(c -> c == null || c.equals("None") || c.equals("ConditionalCheckFailed"));
    }
    if (error instanceof IdempotentParameterMismatchException) {
      // a replayed transaction whose client token DynamoDB already ran: the transactions library turns this into
      // the replay's result
      return operation.equals("TransactWriteItems");
    }
    if (error instanceof ResourceNotFoundException) {
      return operation.equals("DescribeTable");
    }
    if (error instanceof AwsServiceException e) {
      // the same answers core's readiness check reports as "not checkable on this backend"
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      return e.statusCode() == 501 || (code != null && UNSUPPORTED.contains(code));
    }
    return false;
  }

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
    new TreeMap<>(stats).forEach((name, s) -> {
      AtomicInteger notMet = expectedRefusals.get(name);
      out.put(name, s.summary(name, notMet == null ? 0 : notMet.get()));
    });
    return out;
  }

  /** Forgets everything recorded so far. */
  public void reset() {
    stats.clear();
    expectedRefusals.clear();
  }

  @Override
  public void close() {}

  private Stats stats(String operation) {
    return stats.computeIfAbsent(operation, k -> new Stats());
  }

  /**
   * What was recorded for one operation.
   *
   * @param expectedRefusals failed calls that were refusals the caller asked for: outcomes, not errors
   * @param failures failed calls for any other reason: errors
   */
  public record OperationSummary(String operation, int calls, int expectedRefusals, int failures, int retries,
      int throttles, Duration p50, Duration p99, Duration max) {

    /** As a map, for JSON. */
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("operation", operation);
      m.put("calls", calls);
      m.put("expectedRefusals", expectedRefusals);
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

    synchronized OperationSummary summary(String name, int refusals) {
      long[] values = nanos.stream().mapToLong(Long::longValue).toArray();
      int notMet = Math.min(refusals, failures);
      return new OperationSummary(name, values.length, notMet, failures - notMet, retries, throttles,
          Percentiles.of(values, 50), Percentiles.of(values, 99), Percentiles.of(values, 100));
    }
  }
}
