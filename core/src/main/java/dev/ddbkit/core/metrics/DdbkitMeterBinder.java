package dev.ddbkit.core.metrics;

import dev.ddbkit.core.error.Require;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * ddbkit's Micrometer binder: a {@link MetricsHook} that records every DynamoDB call of the clients it is set
 * on, measured by the AWS SDK's own metric publisher, and the ddbkit operations and circuit breakers that report
 * to the same hook. Set it once, on the clients; every module built on those clients is measured. Needs
 * {@code io.micrometer:micrometer-core} (an optional dependency of ddbkit-core).
 *
 * <pre>{@code
 * DdbkitMeterBinder metrics = DdbkitMeterBinder.builder().tags(Tags.of("service", "orders")).build();
 * metrics.bindTo(meterRegistry);
 * DdbkitClients clients = DdbkitClients.create(ClientSettings.builder().metrics(metrics).build());
 * }</pre>
 *
 * <p>Meters (names dotted, tags bounded: operation, table and index names, enums; never keys or values). The
 * full list with units is in core's README.
 * <ul>
 *   <li>{@value #CALLS} timer: whole DynamoDB calls, every attempt and backoff included; {@code operation},
 *       {@code table}, {@code outcome} ({@link Outcome})
 *   <li>{@value #ATTEMPTS} counter: HTTP attempts; {@code operation}, {@code table}, {@code error_type}
 *   <li>{@value #SERVICE_CALL} timer: the SDK's service-call time per attempt; {@code operation}, {@code table}
 *   <li>{@value #RETRIES} counter: {@code operation}, {@code table}, {@code source} ({@code sdk}, {@code ddbkit})
 *   <li>{@value #THROTTLES} counter: throttled attempts; {@code operation}, {@code table}, {@code reason}
 *   <li>{@value #CAPACITY} counter (capacity units): {@code operation}, {@code table}, {@code index}, {@code type}
 *   <li>{@value #ITEMS_RETURNED} and {@value #ITEMS_UNPROCESSED} counters: {@code operation}, {@code table}
 *   <li>{@value #POOL_LEASED}, {@value #POOL_PENDING}, {@value #POOL_MAX} gauges and {@value #POOL_ACQUIRE}
 *       timer: {@code http_client}
 *   <li>{@value #OPERATIONS} timer: ddbkit operations; {@code operation}, {@code table}, {@code outcome}
 *       ({@link OperationOutcome})
 *   <li>{@value #BREAKER_STATE} gauge (1 for the current state, 0 for the others) and {@value #BREAKER_TRANSITIONS}
 *       counter: {@code breaker}, {@code state} / {@code from}, {@code to}
 * </ul>
 * Events that arrive before {@link #bindTo} are dropped; binding it to several registries is done with a
 * composite registry.
 */
public final class DdbkitMeterBinder implements MetricsHook, MeterBinder {
  /** Timer of whole DynamoDB calls. */
  public static final String CALLS = "ddbkit.dynamodb.calls";
  /** Counter of HTTP attempts. */
  public static final String ATTEMPTS = "ddbkit.dynamodb.attempts";
  /** Timer of the service-call time of each attempt. */
  public static final String SERVICE_CALL = "ddbkit.dynamodb.service.call";
  /** Counter of retries. */
  public static final String RETRIES = "ddbkit.dynamodb.retries";
  /** Counter of throttled attempts. */
  public static final String THROTTLES = "ddbkit.dynamodb.throttles";
  /** Counter of consumed capacity units. */
  public static final String CAPACITY = "ddbkit.dynamodb.capacity.consumed";
  /** Counter of items returned by reads. */
  public static final String ITEMS_RETURNED = "ddbkit.dynamodb.items.returned";
  /** Counter of unprocessed batch items and keys. */
  public static final String ITEMS_UNPROCESSED = "ddbkit.dynamodb.items.unprocessed";
  /** Gauge of leased HTTP connections. */
  public static final String POOL_LEASED = "ddbkit.http.pool.leased";
  /** Gauge of requests waiting for an HTTP connection. */
  public static final String POOL_PENDING = "ddbkit.http.pool.pending";
  /** Gauge of the HTTP pool's maximum. */
  public static final String POOL_MAX = "ddbkit.http.pool.max";
  /** Timer of the wait for an HTTP connection. */
  public static final String POOL_ACQUIRE = "ddbkit.http.pool.acquire";
  /** Timer of ddbkit operations. */
  public static final String OPERATIONS = "ddbkit.operations";
  /** Gauge of circuit-breaker states. */
  public static final String BREAKER_STATE = "ddbkit.breaker.state";
  /** Counter of circuit-breaker transitions. */
  public static final String BREAKER_TRANSITIONS = "ddbkit.breaker.transitions";

  private static final List<String> BREAKER_STATES = List.of("closed", "open", "half_open", "disabled");

  private final Tags commonTags;
  private volatile @Nullable MeterRegistry registry;
  private final Map<String, AtomicInteger[]> pools = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger[]> breakers = new ConcurrentHashMap<>();

  private DdbkitMeterBinder(Tags commonTags) {
    this.commonTags = commonTags;
  }

  /** A binder bound to {@code registry}, without extra tags. */
  public static DdbkitMeterBinder of(MeterRegistry registry) {
    DdbkitMeterBinder b = builder().build();
    b.bindTo(registry);
    return b;
  }

  /** A builder; {@link Builder#tags} adds tags to every meter. */
  public static Builder builder() {
    return new Builder();
  }

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
    Timer.builder(CALLS).description("DynamoDB calls, every SDK attempt and backoff included")
        .tags(commonTags).tags("operation", operation, "table", table, "outcome", outcome.tagValue())
        .register(r).record(duration);
  }

  @Override
  public void attemptCompleted(String operation, String table, String errorType, Duration serviceCall) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    Counter.builder(ATTEMPTS).description("HTTP attempts of DynamoDB calls")
        .tags(commonTags).tags("operation", operation, "table", table, "error_type", errorType)
        .register(r).increment();
    Timer.builder(SERVICE_CALL).description("Time from sending a DynamoDB request to its response headers")
        .tags(commonTags).tags("operation", operation, "table", table)
        .register(r).record(serviceCall);
  }

  @Override
  public void retried(String operation, String table, RetrySource source) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    Counter.builder(RETRIES).description("DynamoDB retries by the SDK or by ddbkit")
        .tags(commonTags).tags("operation", operation, "table", table, "source", source.tagValue())
        .register(r).increment();
  }

  @Override
  public void throttled(String operation, String table) {
    throttled(operation, table, UNREPORTED_REASON);
  }

  @Override
  public void throttled(String operation, String table, String reason) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    Counter.builder(THROTTLES).description("Throttled DynamoDB attempts, by DynamoDB's throttling reason")
        .tags(commonTags).tags("operation", operation, "table", table, "reason", reason)
        .register(r).increment();
  }

  @Override
  public void capacityConsumed(String table, String index, CapacityType type, double units) {
    capacityConsumed("unknown", table, index, type, units);
  }

  @Override
  public void capacityConsumed(String operation, String table, String index, CapacityType type, double units) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    Counter.builder(CAPACITY).description("Consumed DynamoDB capacity units").baseUnit("capacity_units")
        .tags(commonTags).tags("operation", operation, "table", table, "index", index, "type", type.tagValue())
        .register(r).increment(units);
  }

  @Override
  public void itemsReturned(String operation, String table, long count) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    Counter.builder(ITEMS_RETURNED).description("Items returned by DynamoDB reads").baseUnit("items")
        .tags(commonTags).tags("operation", operation, "table", table)
        .register(r).increment(count);
  }

  @Override
  public void unprocessedItems(String operation, String table, long count) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    Counter.builder(ITEMS_UNPROCESSED).description("Items or keys a batch call left unprocessed").baseUnit("items")
        .tags(commonTags).tags("operation", operation, "table", table)
        .register(r).increment(count);
  }

  @Override
  public void httpPool(String httpClient, int leased, int pending, int max, Duration acquire) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    AtomicInteger[] values = pools.computeIfAbsent(httpClient, c -> {
      AtomicInteger[] v = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
      Tags tags = commonTags.and("http_client", c);
      Gauge.builder(POOL_LEASED, v[0], AtomicInteger::get).description("Leased HTTP connections").tags(tags).register(r);
      Gauge.builder(POOL_PENDING, v[1], AtomicInteger::get).description("Requests waiting for an HTTP connection")
          .tags(tags).register(r);
      Gauge.builder(POOL_MAX, v[2], AtomicInteger::get).description("Maximum HTTP connections").tags(tags).register(r);
      return v;
    });
    values[0].set(leased);
    values[1].set(pending);
    values[2].set(max);
    Timer.builder(POOL_ACQUIRE).description("Wait for an HTTP connection")
        .tags(commonTags).tags("http_client", httpClient).register(r).record(acquire);
  }

  @Override
  public void ddbkitOperationCompleted(String operation, String table, OperationOutcome outcome, Duration duration) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    Timer.builder(OPERATIONS).description("ddbkit operations, by outcome; expected results are not errors")
        .tags(commonTags).tags("operation", operation, "table", table, "outcome", outcome.tagValue())
        .register(r).record(duration);
  }

  @Override
  public void circuitBreakerTransition(String breaker, String from, String to) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    AtomicInteger[] states = breakers.computeIfAbsent(breaker, b -> {
      AtomicInteger[] v = new AtomicInteger[BREAKER_STATES.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = new AtomicInteger();
        Gauge.builder(BREAKER_STATE, v[i], AtomicInteger::get).description("1 for the breaker's current state")
            .tags(commonTags).tags("breaker", b, "state", BREAKER_STATES.get(i)).register(r);
      }
      return v;
    });
    for (int i = 0; i < states.length; i++) {
      states[i].set(BREAKER_STATES.get(i).equals(to) ? 1 : 0);
    }
    Counter.builder(BREAKER_TRANSITIONS).description("Circuit-breaker transitions")
        .tags(commonTags).tags("breaker", breaker, "from", from, "to", to).register(r).increment();
  }

  @Override
  public String toString() {
    return "DdbkitMeterBinder" + commonTags;
  }

  /** Builder of {@link DdbkitMeterBinder}. */
  public static final class Builder {
    private Tags tags = Tags.empty();

    private Builder() {}

    /** Tags added to every meter, such as the service name; bounded values only. */
    public Builder tags(Iterable<Tag> tags) {
      this.tags = this.tags.and(Require.nonNull(tags, "tags"));
      return this;
    }

    /** Builds an unbound binder; call {@link DdbkitMeterBinder#bindTo}. */
    public DdbkitMeterBinder build() {
      return new DdbkitMeterBinder(tags);
    }
  }
}
