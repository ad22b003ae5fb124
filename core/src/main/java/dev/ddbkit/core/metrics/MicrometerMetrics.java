package dev.ddbkit.core.metrics;

import dev.ddbkit.core.error.Require;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MetricsHook} that records to Micrometer, in {@link MeterBinder} style. Needs
 * {@code io.micrometer:micrometer-core} on the class path (an optional dependency of ddbkit-core).
 *
 * <ul>
 *   <li>timer {@code ddbkit.operation}, tags {@code operation}, {@code table}, {@code outcome}
 *   <li>counter {@code ddbkit.throttles}, tags {@code operation}, {@code table}
 *   <li>counter {@code ddbkit.retries}, tags {@code operation}, {@code table}, {@code source} ({@code sdk} or
 *       {@code ddbkit})
 *   <li>counter {@code ddbkit.capacity.consumed} (capacity units), tags {@code table}, {@code index}
 *       ({@code none} for the table itself), {@code type} ({@code read} or {@code write})
 * </ul>
 * Tag values are bounded: operation and table names and enums, never keys or item values.
 *
 * <pre>{@code
 * MicrometerMetrics metrics = MicrometerMetrics.of(meterRegistry);
 * DdbkitClients clients = DdbkitClients.create(ClientSettings.builder().metrics(metrics).build());
 * }</pre>
 * Events that arrive before {@link #bindTo} are dropped.
 *
 * @deprecated use {@link DdbkitMeterBinder}, whose meters are documented in core's README. Removed in a
 *     later phase.
 */
@Deprecated(since = "0.1.0")
public final class MicrometerMetrics implements MetricsHook, MeterBinder {
  /** Timer of whole calls. */
  public static final String OPERATION = "ddbkit.operation";
  /** Counter of throttled attempts. */
  public static final String THROTTLES = "ddbkit.throttles";
  /** Counter of retries. */
  public static final String RETRIES = "ddbkit.retries";
  /** Counter of consumed capacity units. */
  public static final String CAPACITY_CONSUMED = "ddbkit.capacity.consumed";

  private volatile @Nullable MeterRegistry registry;

  private MicrometerMetrics() {}

  /** An unbound instance; call {@link #bindTo(MeterRegistry)}. */
  public static MicrometerMetrics create() {
    return new MicrometerMetrics();
  }

  /** An instance bound to {@code registry}. */
  public static MicrometerMetrics of(MeterRegistry registry) {
    MicrometerMetrics m = new MicrometerMetrics();
    m.bindTo(registry);
    return m;
  }

  /** Records to {@code registry} from now on (use a composite registry to record to several). */
  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = Require.nonNull(registry, "registry");
  }

  @Override
  public void operationCompleted(String operation, String table, Outcome outcome, Duration duration, int attempts) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    Timer.builder(OPERATION)
        .description("DynamoDB calls, every SDK attempt and backoff included")
        .tags("operation", operation, "table", table, "outcome", outcome.tagValue())
        .register(r)
        .record(duration);
  }

  @Override
  public void throttled(String operation, String table) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    Counter.builder(THROTTLES)
        .description("Throttled DynamoDB attempts")
        .tags("operation", operation, "table", table)
        .register(r)
        .increment();
  }

  @Override
  public void retried(String operation, String table, RetrySource source) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    Counter.builder(RETRIES)
        .description("DynamoDB retries by the SDK or by ddbkit")
        .tags("operation", operation, "table", table, "source", source.tagValue())
        .register(r)
        .increment();
  }

  @Override
  public void capacityConsumed(String table, String index, CapacityType type, double units) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    Counter.builder(CAPACITY_CONSUMED)
        .description("Consumed DynamoDB capacity units")
        .baseUnit("capacity_units")
        .tags("table", table, "index", index, "type", type.tagValue())
        .register(r)
        .increment(units);
  }
}
