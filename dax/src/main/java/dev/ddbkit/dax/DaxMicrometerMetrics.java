package dev.ddbkit.dax;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DaxListener} that records to Micrometer, in {@link MeterBinder} style. Needs
 * {@code io.micrometer:micrometer-core} on the class path (an optional dependency of ddbkit-dax).
 *
 * <ul>
 *   <li>counter {@code ddbkit.dax.requests}, tags {@code operation}, {@code route} ({@link DaxRoute#tag()})
 *   <li>counter {@code ddbkit.dax.failures}, tag {@code operation}: DAX failures that count against its health
 *   <li>counter {@code ddbkit.dax.transitions}, tags {@code from}, {@code to}: circuit-breaker state changes
 *   <li>gauge {@code ddbkit.dax.state}: 0 closed (or no DAX), 1 half-open, 2 open
 * </ul>
 *
 * <pre>{@code
 * DaxAwareClient client = DaxAwareClient.builder()
 *     .dynamoDb(clients.sync())
 *     .daxEndpointFromEnvironment()
 *     .listener(DaxMicrometerMetrics.of(meterRegistry))
 *     .build();
 * }</pre>
 * Events that arrive before {@link #bindTo} are dropped.
 */
public final class DaxMicrometerMetrics implements DaxListener, MeterBinder {
  /** Counter of requests by route. */
  public static final String REQUESTS = "ddbkit.dax.requests";
  /** Counter of DAX failures. */
  public static final String FAILURES = "ddbkit.dax.failures";
  /** Counter of circuit-breaker transitions. */
  public static final String TRANSITIONS = "ddbkit.dax.transitions";
  /** Gauge of the circuit-breaker state. */
  public static final String STATE = "ddbkit.dax.state";

  private final AtomicInteger state = new AtomicInteger();
  private volatile @Nullable MeterRegistry registry;

  private DaxMicrometerMetrics() {}

  /** Metrics not yet bound to a registry. */
  public static DaxMicrometerMetrics create() {
    return new DaxMicrometerMetrics();
  }

  /** Metrics bound to {@code registry}. */
  public static DaxMicrometerMetrics of(MeterRegistry registry) {
    DaxMicrometerMetrics metrics = new DaxMicrometerMetrics();
    metrics.bindTo(registry);
    return metrics;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(STATE, state, AtomicInteger::get)
        .description("DAX circuit breaker: 0 closed or no DAX, 1 half-open, 2 open")
        .register(registry);
    this.registry = registry;
  }

  @Override
  public void onRequest(String operation, DaxRoute route) {
    MeterRegistry r = registry;
    if (r != null) {
      r.counter(REQUESTS, "operation", operation, "route", route.tag()).increment();
    }
  }

  @Override
  public void onStateChange(DaxState from, DaxState to) {
    state.set(to == DaxState.OPEN ? 2 : to == DaxState.HALF_OPEN ? 1 : 0);
    MeterRegistry r = registry;
    if (r != null) {
      r.counter(TRANSITIONS, "from", from.name().toLowerCase(java.util.Locale.ROOT),
          "to", to.name().toLowerCase(java.util.Locale.ROOT)).increment();
    }
  }

  @Override
  public void onDaxFailure(String operation, Throwable error) {
    MeterRegistry r = registry;
    if (r != null) {
      r.counter(FAILURES, "operation", operation).increment();
    }
  }
}
