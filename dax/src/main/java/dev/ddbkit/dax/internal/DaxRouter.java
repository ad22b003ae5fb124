package dev.ddbkit.dax.internal;

import dev.ddbkit.dax.DaxBreakerSettings;
import dev.ddbkit.dax.DaxCounts;
import dev.ddbkit.dax.DaxHealth;
import dev.ddbkit.dax.DaxListener;
import dev.ddbkit.dax.DaxRoute;
import dev.ddbkit.dax.DaxState;
import dev.ddbkit.dax.internal.FailureClassifier.Outcome;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Sends each request to DAX or DynamoDB, guarded by a resilience4j circuit breaker, and keeps the counts.
 *
 * <p>Rules: a read that fails on DAX for DAX's reasons is retried once on DynamoDB. A write is re-sent to
 * DynamoDB only when {@link FailureClassifier} says it was {@link Outcome#NOT_SENT}; after a timeout or a
 * broken connection DAX (which writes through to DynamoDB) may already have applied it, and a second
 * application could repeat a non-idempotent update. Errors that are the request's own
 * ({@link Outcome#ANSWERED}) are thrown unchanged and count as DAX being healthy. While the breaker is
 * half-open, the one permitted call is a health probe (bounded by the probe timeout), never a user request.
 */
public final class DaxRouter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("dev.ddbkit.dax");

  private final DynamoDbClient dynamoDb;
  private final @Nullable DaxSide dax;
  private final @Nullable CircuitBreaker breaker;
  private final @Nullable String endpoint;
  private final @Nullable String disabledReason;
  private final DaxListener listener;
  private final GetItemRequest probeRequest;
  private final Duration probeTimeout;
  private final DaxBreakerSettings breakerSettings;
  private final AtomicReference<@Nullable LastError> lastError = new AtomicReference<>();
  private final Counters counters = new Counters();
  private @Nullable ExecutorService probeExecutor;
  private boolean closed;

  private DaxRouter(
      DynamoDbClient dynamoDb,
      @Nullable DaxSide dax,
      @Nullable String endpoint,
      @Nullable String disabledReason,
      String name,
      DaxBreakerSettings breakerSettings,
      DaxListener listener,
      GetItemRequest probeRequest,
      Duration probeTimeout) {
    this.dynamoDb = dynamoDb;
    this.dax = dax;
    this.endpoint = endpoint;
    this.disabledReason = disabledReason;
    this.listener = listener;
    this.probeRequest = probeRequest;
    this.probeTimeout = probeTimeout;
    this.breakerSettings = breakerSettings;
    this.breaker = dax == null ? null : newBreaker(name, breakerSettings);
  }

  /** A router sending everything to {@code dynamoDb}, for the given reason. */
  public static DaxRouter disabled(DynamoDbClient dynamoDb, @Nullable String endpoint, String reason,
      DaxListener listener) {
    return new DaxRouter(dynamoDb, null, endpoint, reason, "dax", DaxBreakerSettings.defaults(), listener,
        GetItemRequest.builder().build(), Duration.ofMillis(1));
  }

  /**
   * A router using the DAX client {@code daxFactory} creates on first use.
   *
   * @param ownsDax whether {@link #close()} closes the DAX client
   */
  public static DaxRouter enabled(
      DynamoDbClient dynamoDb,
      Supplier<DynamoDbClient> daxFactory,
      boolean ownsDax,
      String endpoint,
      String name,
      DaxBreakerSettings breakerSettings,
      DaxListener listener,
      GetItemRequest probeRequest,
      Duration probeTimeout) {
    return new DaxRouter(dynamoDb, new DaxSide(daxFactory, ownsDax), endpoint, null, name, breakerSettings,
        listener, probeRequest, probeTimeout);
  }

  private CircuitBreaker newBreaker(String name, DaxBreakerSettings s) {
    CircuitBreakerConfig config = CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(s.slidingWindowSize())
        .minimumNumberOfCalls(s.minimumCalls())
        .failureRateThreshold(s.failureRatePercent())
        .waitDurationInOpenState(s.coolDown())
        .permittedNumberOfCallsInHalfOpenState(1)
        .automaticTransitionFromOpenToHalfOpenEnabled(false)
        .clock(s.clock())
        // outcomes are classified by FailureClassifier before they reach the breaker
        .recordException(e -> true)
        .build();
    CircuitBreaker cb = CircuitBreaker.of(name, config);
    cb.getEventPublisher().onStateTransition(event -> {
      DaxState from = map(event.getStateTransition().getFromState());
      DaxState to = map(event.getStateTransition().getToState());
      if (from == to) {
        return;
      }
      if (to == DaxState.OPEN) {
        LastError last = lastError.get();
        LOG.warn("DAX at {} is failing ({}); sending all requests to DynamoDB for {}", endpoint,
            last == null ? "no detail" : last.description(), breakerSettings.coolDown());
      } else if (to == DaxState.HALF_OPEN) {
        LOG.info("DAX at {}: cool-down over, probing", endpoint);
      } else {
        LOG.info("DAX at {} answers again; routing requests through DAX", endpoint);
      }
      safely(() -> listener.onStateChange(from, to));
    });
    return cb;
  }

  /** A read that DAX may serve: falls back to DynamoDB once if DAX fails. */
  public <T> T read(String operation, Function<DynamoDbClient, T> call) {
    return send(operation, call, false);
  }

  /** A write: re-sent to DynamoDB only if it certainly did not reach DAX. */
  public <T> T write(String operation, Function<DynamoDbClient, T> call) {
    return send(operation, call, true);
  }

  /** A request sent straight to DynamoDB (strongly consistent or transactional read, other operations). */
  public <T> T direct(String operation, Function<DynamoDbClient, T> call) {
    if (breaker == null) {
      return viaDynamoDb(operation, call, DaxRoute.DYNAMODB_NO_DAX);
    }
    counters.direct.increment();
    return viaDynamoDb(operation, call, DaxRoute.DYNAMODB_DIRECT);
  }

  private <T> T send(String operation, Function<DynamoDbClient, T> call, boolean isWrite) {
    CircuitBreaker cb = breaker;
    DaxSide side = dax;
    if (cb == null || side == null) {
      return viaDynamoDb(operation, call, DaxRoute.DYNAMODB_NO_DAX);
    }
    if (!acquire(cb, side)) {
      counters.circuitOpen.increment();
      return viaDynamoDb(operation, call, DaxRoute.DYNAMODB_CIRCUIT_OPEN);
    }
    long start = System.nanoTime();
    counters.daxAttempts.increment();
    T result;
    try {
      result = call.apply(side.get());
    } catch (RuntimeException e) {
      long elapsed = System.nanoTime() - start;
      Outcome outcome = FailureClassifier.classify(e);
      if (outcome == Outcome.ANSWERED) {
        cb.onSuccess(elapsed, TimeUnit.NANOSECONDS);
        counters.daxAnswers.increment();
        report(operation, DaxRoute.DAX);
        throw e;
      }
      recordFailure(cb, operation, e, elapsed);
      if (!isWrite) {
        counters.readFallbacks.increment();
        LOG.debug("{} failed on DAX ({}); retrying on DynamoDB", operation, e.toString());
        return fallback(operation, call, e, DaxRoute.DYNAMODB_READ_FALLBACK);
      }
      if (outcome == Outcome.NOT_SENT) {
        counters.writeFallbacks.increment();
        LOG.debug("{} never reached DAX ({}); sending it to DynamoDB", operation, e.toString());
        return fallback(operation, call, e, DaxRoute.DYNAMODB_WRITE_FALLBACK);
      }
      counters.writesNotResent.increment();
      LOG.debug("{} failed on DAX after it may have been applied ({}); not re-sending", operation, e.toString());
      report(operation, DaxRoute.FAILED_OUTCOME_UNKNOWN);
      throw e;
    }
    cb.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    counters.daxAnswers.increment();
    report(operation, DaxRoute.DAX);
    return result;
  }

  /**
   * Takes a breaker permission for a user request. In half-open state the single permission goes to a
   * probe; the request follows through DAX only if the probe closed the breaker.
   */
  private boolean acquire(CircuitBreaker cb, DaxSide side) {
    if (!cb.tryAcquirePermission()) {
      return false;
    }
    if (cb.getState() != CircuitBreaker.State.HALF_OPEN) {
      return true;
    }
    if (!runProbe(cb, side)) {
      return false;
    }
    return cb.tryAcquirePermission();
  }

  /** Sends the probe now if the breaker allows a call, records its outcome and returns the health. */
  public DaxHealth probe() {
    CircuitBreaker cb = breaker;
    DaxSide side = dax;
    if (cb != null && side != null && cb.tryAcquirePermission()) {
      runProbe(cb, side);
    }
    return health();
  }

  /** Runs the probe under a permission already acquired; returns whether DAX answered. */
  private boolean runProbe(CircuitBreaker cb, DaxSide side) {
    counters.probes.increment();
    counters.daxAttempts.increment();
    long start = System.nanoTime();
    Future<?> future;
    try {
      future = probeExecutor().submit(() -> side.get().getItem(probeRequest));
    } catch (RuntimeException e) {
      counters.probeFailures.increment();
      recordFailure(cb, "Probe", e, System.nanoTime() - start);
      return false;
    }
    try {
      future.get(probeTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (FailureClassifier.classify(cause) != Outcome.ANSWERED) {
        counters.probeFailures.increment();
        recordFailure(cb, "Probe", cause, System.nanoTime() - start);
        return false;
      }
    } catch (TimeoutException e) {
      future.cancel(true);
      counters.probeFailures.increment();
      recordFailure(cb, "Probe",
          new TimeoutException("DAX health probe got no answer within " + probeTimeout), System.nanoTime() - start);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      cb.releasePermission();
      return false;
    }
    counters.daxAnswers.increment();
    cb.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    return true;
  }

  private synchronized ExecutorService probeExecutor() {
    if (closed) {
      throw new IllegalStateException("The DAX-aware client is closed.");
    }
    if (probeExecutor == null) {
      probeExecutor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ddbkit-dax-probe");
        t.setDaemon(true);
        return t;
      });
    }
    return probeExecutor;
  }

  private void recordFailure(CircuitBreaker cb, String operation, Throwable e, long elapsedNanos) {
    counters.daxFailures.increment();
    lastError.set(new LastError(e.getClass().getName() + ": " + e.getMessage(),
        breakerSettings.clock().instant()));
    safely(() -> listener.onDaxFailure(operation, e));
    cb.onError(elapsedNanos, TimeUnit.NANOSECONDS, e);
  }

  private <T> T fallback(String operation, Function<DynamoDbClient, T> call, RuntimeException daxError,
      DaxRoute route) {
    try {
      T result = call.apply(dynamoDb);
      report(operation, route);
      return result;
    } catch (RuntimeException e) {
      e.addSuppressed(daxError);
      report(operation, route);
      throw e;
    }
  }

  private <T> T viaDynamoDb(String operation, Function<DynamoDbClient, T> call, DaxRoute route) {
    try {
      return call.apply(dynamoDb);
    } finally {
      report(operation, route);
    }
  }

  private void report(String operation, DaxRoute route) {
    safely(() -> listener.onRequest(operation, route));
  }

  private static void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("A DaxListener threw; ignoring it", e);
    }
  }

  /** The current state. */
  public DaxState state() {
    return breaker == null ? DaxState.DISABLED : map(breaker.getState());
  }

  /** A snapshot of state, last error and counts. */
  public DaxHealth health() {
    LastError last = lastError.get();
    return new DaxHealth(
        state(),
        Optional.ofNullable(endpoint),
        Optional.ofNullable(disabledReason),
        last == null ? Optional.empty() : Optional.of(last.description()),
        last == null ? Optional.empty() : Optional.of(last.at()),
        counters.snapshot());
  }

  private static DaxState map(CircuitBreaker.State s) {
    switch (s) {
      case CLOSED:
        return DaxState.CLOSED;
      case HALF_OPEN:
        return DaxState.HALF_OPEN;
      case DISABLED:
      case METRICS_ONLY:
        return DaxState.CLOSED;
      default:
        return DaxState.OPEN;
    }
  }

  @Override
  public void close() {
    ExecutorService executor;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      executor = probeExecutor;
    }
    if (executor != null) {
      executor.shutdownNow();
    }
    if (dax != null) {
      dax.close();
    }
  }

  private record LastError(String description, Instant at) {}

  /** The DAX client, created on first use so that building a client never blocks on DAX. */
  private static final class DaxSide {
    private final Supplier<DynamoDbClient> factory;
    private final boolean owned;
    private volatile @Nullable DynamoDbClient client;
    private boolean closed;

    DaxSide(Supplier<DynamoDbClient> factory, boolean owned) {
      this.factory = factory;
      this.owned = owned;
    }

    DynamoDbClient get() {
      DynamoDbClient c = client;
      if (c != null) {
        return c;
      }
      synchronized (this) {
        if (closed) {
          throw DaxUnavailableException.of("The DAX client is closed.", new IllegalStateException("closed"));
        }
        if (client == null) {
          try {
            client = factory.get();
          } catch (DaxUnavailableException e) {
            throw e;
          } catch (RuntimeException e) {
            throw DaxUnavailableException.of("Could not create the DAX client: " + e.getMessage(), e);
          }
        }
        return client;
      }
    }

    synchronized void close() {
      closed = true;
      DynamoDbClient c = client;
      client = null;
      if (c != null && owned) {
        try {
          c.close();
        } catch (RuntimeException e) {
          LOG.debug("Closing the DAX client failed", e);
        }
      }
    }
  }

  private static final class Counters {
    final LongAdder daxAttempts = new LongAdder();
    final LongAdder daxAnswers = new LongAdder();
    final LongAdder daxFailures = new LongAdder();
    final LongAdder readFallbacks = new LongAdder();
    final LongAdder writeFallbacks = new LongAdder();
    final LongAdder writesNotResent = new LongAdder();
    final LongAdder circuitOpen = new LongAdder();
    final LongAdder direct = new LongAdder();
    final LongAdder probes = new LongAdder();
    final LongAdder probeFailures = new LongAdder();

    DaxCounts snapshot() {
      return new DaxCounts(daxAttempts.sum(), daxAnswers.sum(), daxFailures.sum(), readFallbacks.sum(),
          writeFallbacks.sum(), writesNotResent.sum(), circuitOpen.sum(), direct.sum(), probes.sum(),
          probeFailures.sum());
    }
  }
}
