package dev.ddbkit.core.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.metrics.MetricsHook;
import dev.ddbkit.core.metrics.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollector;

class HookMetricPublisherTest {

  @Test
  void errorTypeTag_isTheSdksErrorTypeInSnakeCase() {
    assertThat(HookMetricPublisher.errorTypeTag("")).isEqualTo("none");
    assertThat(HookMetricPublisher.errorTypeTag("Throttling")).isEqualTo("throttling");
    assertThat(HookMetricPublisher.errorTypeTag("ServerError")).isEqualTo("server_error");
    assertThat(HookMetricPublisher.errorTypeTag("ConfiguredTimeout")).isEqualTo("configured_timeout");
  }

  @Test
  void publish_throttledThenSucceeded_countsOneThrottleWithItsAttemptsReasonAndOneRetry() {
    List<String> events = new ArrayList<>();
    MetricsHook hook = new MetricsHook() {
      @Override
      public void throttled(String operation, String table, String reason) {
        events.add("throttled " + operation + " " + table + " " + reason);
      }

      @Override
      public void retried(String operation, String table, RetrySource source) {
        events.add("retried " + source.tagValue());
      }

      @Override
      public void operationCompleted(String operation, String table, Outcome outcome, Duration d, int attempts) {
        events.add("completed " + outcome.tagValue() + " " + attempts);
      }
    };
    MetricCollector call = MetricCollector.create("ApiCall");
    call.reportMetric(CoreMetric.OPERATION_NAME, "PutItem");
    call.reportMetric(DdbkitSdkMetrics.TABLE, "orders");
    call.reportMetric(CoreMetric.RETRY_COUNT, 1);
    call.reportMetric(CoreMetric.API_CALL_DURATION, Duration.ofMillis(30));
    call.reportMetric(DdbkitSdkMetrics.OUTCOME, Outcome.SUCCESS.name());
    MetricCollector first = call.createChild("ApiCallAttempt");
    first.reportMetric(CoreMetric.ERROR_TYPE, "Throttling");
    first.reportMetric(DdbkitSdkMetrics.THROTTLING_REASON, "table_write_key_range");
    call.createChild("ApiCallAttempt").reportMetric(CoreMetric.SERVICE_CALL_DURATION, Duration.ofMillis(3));

    new HookMetricPublisher(hook).publish(call.collect());

    assertThat(events).containsExactly("throttled PutItem orders table_write_key_range", "retried sdk",
        "completed success 2");
  }
}
