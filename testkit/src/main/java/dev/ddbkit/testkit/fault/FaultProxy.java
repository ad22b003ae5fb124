package dev.ddbkit.testkit.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP proxy on loopback, in front of a DynamoDB endpoint such as the embedded emulator, that injects the faults
 * production brings: throttling, 500 and 503 errors in DynamoDB's exact wire format, transaction conflicts,
 * partial batch results, latency, dropped connections and timeouts, and (with a
 * {@link HotPartitionSimulator}) per-partition throttling. Point an SDK client at {@link #endpoint()}.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.builder()
 *     .target(local.endpoint())
 *     .seed(42)
 *     .rule(FaultRule.forOperation("PutItem").table("orders").throttle(0.10))
 *     .rule(FaultRule.forAnyOperation().serverError(0.02))
 *     .rule(FaultRule.forAnyOperation().latency(Duration.ofMillis(5)))
 *     .start()) {
 *   ClientSettings settings = local.clientSettings().toBuilder().endpointOverride(proxy.endpoint()).build();
 *   ...
 *   FaultCounters counters = proxy.counters();
 * }
 * }</pre>
 *
 * <p>Faults are deterministic under the seed (see {@link Builder#seed}). Rules can be added and removed while
 * the proxy runs, for example to throttle everything for a while:
 *
 * <pre>{@code
 * try (FaultProxy.Registration storm = proxy.addRule(FaultRule.forAnyOperation().throttle(1.0))) {
 *   ...
 * } // the storm ends here
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {
  private final FaultEngine engine;
  private final CounterStore counters;
  private final ProxyServer server;

  private FaultProxy(Builder b) throws IOException {
    this.counters = new CounterStore();
    this.engine = new FaultEngine(b.seed, counters, b.hotPartitions);
    for (FaultRule rule : b.rules) {
      engine.add(rule);
    }
    this.server = ProxyServer.start(Objects.requireNonNull(b.target), engine, counters, b.holdLimit,
        b.backendTimeout);
  }

  /** A builder; {@link Builder#target} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The proxy's URL on loopback, such as {@code http://127.0.0.1:41234}; use it as the endpoint override. */
  public URI endpoint() {
    return server.endpoint();
  }

  /** A snapshot of the counters. */
  public FaultCounters counters() {
    return counters.snapshot();
  }

  /** Sets every counter back to zero. */
  public void resetCounters() {
    counters.reset();
  }

  /** Adds a rule after the existing ones; closing the returned registration removes it. */
  public Registration addRule(FaultRule rule) {
    FaultEngine.RuleState state = engine.add(Objects.requireNonNull(rule, "rule"));
    return new Registration(engine, state);
  }

  /** Removes every rule; requests are then forwarded unchanged (the hot-partition simulator still applies). */
  public void clearRules() {
    engine.clear();
  }

  /** The rules in force, in matching order. */
  public List<FaultRule> rules() {
    return engine.rules();
  }

  /** Stops the proxy: closes held and open connections and releases its threads. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "FaultProxy{" + endpoint() + ", rules=" + rules() + "}";
  }

  /** A rule added with {@link #addRule}; {@link #close()} removes it. */
  public static final class Registration implements AutoCloseable {
    private final FaultEngine engine;
    private final FaultEngine.RuleState state;

    private Registration(FaultEngine engine, FaultEngine.RuleState state) {
      this.engine = engine;
      this.state = state;
    }

    /** The rule. */
    public FaultRule rule() {
      return state.rule;
    }

    /** How many times this rule has injected its fault so far. */
    public long injections() {
      return state.injections.get();
    }

    /** Removes the rule; idempotent. */
    @Override
    public void close() {
      engine.remove(state);
    }
  }

  /** Builder of {@link FaultProxy}; each setter validates and names the setting in its message. */
  public static final class Builder {
    private @Nullable URI target;
    private long seed = 1;
    private final List<FaultRule> rules = new ArrayList<>();
    private @Nullable HotPartitionSimulator hotPartitions;
    private Duration holdLimit = Duration.ofSeconds(30);
    private Duration backendTimeout = Duration.ofSeconds(30);

    private Builder() {}

    /**
     * The DynamoDB endpoint to forward to, such as a local emulator's {@code http://127.0.0.1:8000}. Only plain
     * {@code http} targets are accepted: the proxy rewrites the Host header and never re-signs requests, so a
     * real (https) DynamoDB endpoint would reject them.
     */
    public Builder target(URI target) {
      Objects.requireNonNull(target, "target");
      if (!"http".equalsIgnoreCase(target.getScheme())) {
        throw new IllegalArgumentException("target must be an http URL (the proxy does not re-sign requests for "
            + "https endpoints) but was " + target + ".");
      }
      this.target = target;
      return this;
    }

    /**
     * The seed of every random choice. Whether a rule fires for the n-th request it matches depends only on the
     * seed, the rule's position and n: a sequential client sees the same faults on every run, concurrent
     * clients see the same number of faults for the same number of requests. Defaults to 1.
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Adds a rule; rules are matched in the order added. */
    public Builder rule(FaultRule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** Adds rules; rules are matched in the order added. */
    public Builder rules(List<FaultRule> rules) {
      Objects.requireNonNull(rules, "rules").forEach(this::rule);
      return this;
    }

    /** Simulates per-partition throughput limits, after the rules. */
    public Builder hotPartitions(HotPartitionSimulator simulator) {
      this.hotPartitions = Objects.requireNonNull(simulator, "simulator");
      return this;
    }

    /** How long a {@link Fault#timeout()} holds a connection before closing it; 30 seconds by default. */
    public Builder holdLimit(Duration holdLimit) {
      this.holdLimit = positive(holdLimit, "holdLimit");
      return this;
    }

    /** How long the proxy waits for DynamoDB before answering 500 itself; 30 seconds by default. */
    public Builder backendTimeout(Duration backendTimeout) {
      this.backendTimeout = positive(backendTimeout, "backendTimeout");
      return this;
    }

    /** Starts the proxy on a free loopback port. */
    public FaultProxy start() {
      if (target == null) {
        throw new IllegalStateException("target must be set before start(): the DynamoDB endpoint to forward to.");
      }
      try {
        return new FaultProxy(this);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the fault proxy on loopback: " + e.getMessage(), e);
      }
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive but was " + d + ".");
      }
      return d;
    }
  }
}
