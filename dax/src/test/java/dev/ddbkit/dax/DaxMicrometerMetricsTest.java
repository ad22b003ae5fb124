package dev.ddbkit.dax;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class DaxMicrometerMetricsTest {

  @Test
  void events_areRecordedWithBoundedTags() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DaxMicrometerMetrics metrics = DaxMicrometerMetrics.of(registry);

    metrics.onRequest("GetItem", DaxRoute.DYNAMODB_READ_FALLBACK);
    metrics.onRequest("GetItem", DaxRoute.DYNAMODB_READ_FALLBACK);
    metrics.onDaxFailure("GetItem", new IllegalStateException("x"));
    metrics.onStateChange(DaxState.CLOSED, DaxState.OPEN);

    assertThat(registry.get(DaxMicrometerMetrics.REQUESTS).tags("operation", "GetItem", "route",
        "dynamodb_read_fallback").counter().count()).isEqualTo(2.0);
    assertThat(registry.get(DaxMicrometerMetrics.FAILURES).counter().count()).isEqualTo(1.0);
    assertThat(registry.get(DaxMicrometerMetrics.TRANSITIONS).tags("from", "closed", "to", "open").counter().count())
        .isEqualTo(1.0);
    assertThat(registry.get(DaxMicrometerMetrics.STATE).gauge().value()).isEqualTo(2.0);

    metrics.onStateChange(DaxState.OPEN, DaxState.HALF_OPEN);
    assertThat(registry.get(DaxMicrometerMetrics.STATE).gauge().value()).isEqualTo(1.0);
  }
}
