package dev.ddbkit.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.error.ErrorContext;
import dev.ddbkit.core.error.ThrottlingException;
import dev.ddbkit.core.error.TransactionConflictException;
import dev.ddbkit.core.metrics.MetricsHook.CapacityType;
import dev.ddbkit.core.metrics.MetricsHook.RetrySource;
import dev.ddbkit.core.retry.DdbkitRetry;
import dev.ddbkit.core.retry.RetrySettings;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MicrometerMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MicrometerMetrics metrics = MicrometerMetrics.of(registry);

  @Test
  void operationCompleted_recordsTheTimerWithBoundedTags() {
    metrics.operationCompleted("PutItem", "orders", Outcome.CONDITIONAL_CHECK_FAILED, Duration.ofMillis(12), 1);
    metrics.operationCompleted("PutItem", "orders", Outcome.CONDITIONAL_CHECK_FAILED, Duration.ofMillis(8), 1);

    var timer = registry.get("ddbkit.operation")
        .tags("operation", "PutItem", "table", "orders", "outcome", "conditional_check_failed").timer();
    assertThat(timer.count()).isEqualTo(2);
    assertThat(timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(20.0);
  }

  @Test
  void countersCarryTheirTags() {
    metrics.throttled("Query", "orders");
    metrics.retried("Query", "orders", RetrySource.SDK);
    metrics.retried("Query", "orders", RetrySource.DDBKIT);
    metrics.capacityConsumed("orders", "StatusIndex", CapacityType.WRITE, 1.5);
    metrics.capacityConsumed("orders", "StatusIndex", CapacityType.WRITE, 1.0);

    assertThat(registry.get("ddbkit.throttles").tags("operation", "Query", "table", "orders").counter().count())
        .isEqualTo(1.0);
    assertThat(registry.get("ddbkit.retries").tags("source", "sdk").counter().count()).isEqualTo(1.0);
    assertThat(registry.get("ddbkit.retries").tags("source", "ddbkit").counter().count()).isEqualTo(1.0);
    assertThat(registry.get("ddbkit.capacity.consumed").tags("table", "orders", "index", "StatusIndex", "type", "write")
        .counter().count()).isEqualTo(2.5);
  }

  @Test
  void everyMeter_usesOnlyTheDocumentedTagKeys() {
    metrics.operationCompleted("GetItem", "t", Outcome.SUCCESS, Duration.ofMillis(1), 1);
    metrics.throttled("GetItem", "t");
    metrics.retried("GetItem", "t", RetrySource.SDK);
    metrics.capacityConsumed("t", MetricsHook.NO_INDEX, CapacityType.READ, 0.5);

    for (Meter m : registry.getMeters()) {
      List<String> keys = m.getId().getTags().stream().map(t -> t.getKey()).toList();
      assertThat(keys).isSubsetOf("operation", "table", "outcome", "source", "index", "type");
    }
  }

  @Test
  void unboundInstance_dropsEvents() {
    MicrometerMetrics unbound = MicrometerMetrics.create();
    unbound.throttled("GetItem", "t");
    unbound.bindTo(registry);
    unbound.throttled("GetItem", "t");

    assertThat(registry.get("ddbkit.throttles").counter().count()).isEqualTo(1.0);
  }

  @Test
  void ddbkitRetryEvents_areCountedAsDdbkitRetriesAndThrottles() {
    DdbkitRetry retry = DdbkitRetry.of("batch", RetrySettings.builder().sleeper(d -> { }).build(), metrics);
    AtomicInteger calls = new AtomicInteger();

    retry.execute("BatchWriteItem", "orders", () -> {
      int n = calls.incrementAndGet();
      if (n == 1) {
        throw ThrottlingException.of("unprocessed items", ErrorContext.empty());
      }
      if (n == 2) {
        throw TransactionConflictException.of("conflict", ErrorContext.empty());
      }
      return n;
    });

    assertThat(registry.get("ddbkit.retries").tags("operation", "BatchWriteItem", "table", "orders", "source", "ddbkit")
        .counter().count()).isEqualTo(2.0);
    assertThat(registry.get("ddbkit.throttles").tags("operation", "BatchWriteItem").counter().count()).isEqualTo(1.0);
  }

  @Test
  void oneRetrySharedByTwoTables_countsEachRetryOnceUnderItsOwnTable() {
    DdbkitRetry shared = DdbkitRetry.of("shared", RetrySettings.builder().sleeper(d -> { }).build(), metrics);
    for (String table : List.of("orders-a", "orders-b", "orders-a")) {
      AtomicInteger calls = new AtomicInteger();
      shared.execute("BatchGetItem", table, () -> {
        if (calls.incrementAndGet() == 1) {
          throw ThrottlingException.of("unprocessed keys", ErrorContext.empty());
        }
        return 0;
      });
    }

    assertThat(registry.get("ddbkit.retries").tags("table", "orders-a", "source", "ddbkit").counter().count())
        .isEqualTo(2.0);
    assertThat(registry.get("ddbkit.retries").tags("table", "orders-b", "source", "ddbkit").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void outcome_mapsErrorsToBoundedValues() {
    assertThat(Outcome.of(ThrottlingException.of("x", ErrorContext.empty()))).isEqualTo(Outcome.THROTTLED);
    assertThat(Outcome.of(new IllegalStateException("x"))).isEqualTo(Outcome.ERROR);
    assertThat(Outcome.TRANSACTION_CANCELED.tagValue()).isEqualTo("transaction_canceled");
  }

  @Test
  void compositeAndNoop_forwardAndIgnore() {
    RecordingHook a = new RecordingHook();
    RecordingHook b = new RecordingHook();
    MetricsHook both = MetricsHook.composite(List.of(a, MetricsHook.noop(), b));

    both.throttled("GetItem", "t");

    assertThat(a.events).containsExactly("throttled GetItem t");
    assertThat(b.events).containsExactly("throttled GetItem t");
  }
}
