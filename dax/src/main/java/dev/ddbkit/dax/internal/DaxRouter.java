package dev.ddbkit.dax.internal;

import dev.ddbkit.core.metrics.MetricsHook;
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
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.utils.SdkAutoCloseable;

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
public final class DaxRouter<C extends SdkAutoCloseable> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("dev.ddbkit.dax");

  private final C dynamoDb;
  private final @Nullable DaxSide<C> dax;
  private final @Nullable CircuitBreaker breaker;
  private final @Nullable String endpoint;
  private final @Nullable String disabledReason;
  private final DaxListener listener;
  private final MetricsHook metrics;
  private final ProbeCall<C> probeCall;
  private final Duration probeTimeout;
  private final DaxBreakerSettings breakerSettings;
  private final AtomicReference<@Nullable LastError> lastError = new AtomicReference<>();
  private final Counters counters = new Counters();
  private @Nullable ExecutorService probeExecutor;
  private boolean closed;

  private DaxRouter(
      C dynamoDb,
      @Nullable DaxSide<C> dax,
      @Nullable String endpoint,
      @Nullable String disabledReason,
      String name,
      DaxBreakerSettings breakerSettings,
      DaxListener listener,
      MetricsHook metrics,
      ProbeCall<C> probeCall,
      Duration probeTimeout) {
    this.dynamoDb = dynamoDb;
    this.metrics = metrics;
    this.dax = dax;
    this.endpoint = endpoint;
    this.disabledReason = disabledReason;
    this.listener = listener;
    this.probeCall = probeCall;
    this.probeTimeout = probeTimeout;
    this.breakerSettings = breakerSettings;
    this.breaker = dax == null ? null : newBreaker(name, breakerSettings);
  }

  /** Starts a health probe: obtains the DAX client (possibly creating it) and sends one cheap request. */
  @FunctionalInterface
  public interface ProbeCall<C> {
    /** Starts the probe; blocking work must run on {@code executor}. */
    CompletableFuture<?> start(Supplier<C> dax, Executor executor);
  }

  /** A router sending everything to {@code dynamoDb}, for the given reason. */
  public static <C extends SdkAutoCloseable> DaxRouter<C> disabled(C dynamoDb, @Nullable String endpoint,
      String reason, DaxListener listener) {
    return new DaxRouter<>(dynamoDb, null, endpoint, reason, "dax", DaxBreakerSettings.defaults(), listener,
        MetricsHook.noop(), (dax, executor) -> CompletableFuture.completedFuture(null), Duration.ofMillis(1));
  }

  /**
   * A router using the DAX client {@code daxFactory} creates on first use.
   *
   * @param ownsDax whether {@link #close()} closes the DAX client
   * @param connectTimeout how long a synchronous request waits for the DAX client's creation before it
   *     falls back to DynamoDB
   */
  public static <C extends SdkAutoCloseable> DaxRouter<C> enabled(
      C dynamoDb,
      Supplier<C> daxFactory,
      boolean ownsDax,
      String endpoint,
      String name,
      DaxBreakerSettings breakerSettings,
      DaxListener listener,
      MetricsHook metrics,
      ProbeCall<C> probeCall,
      Duration probeTimeout,
      Duration connectTimeout) {
    return new DaxRouter<>(dynamoDb, new DaxSide<>(daxFactory, ownsDax, connectTimeout), endpoint, null, name, breakerSettings,
        listener, metrics, probeCall, probeTimeout);
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
      safely(() -> metrics.circuitBreakerTransition(name, tag(from), tag(to)));
    });
    return cb;
  }

  /** A read that DAX may serve: falls back to DynamoDB once if DAX fails. */
  public <T> T read(String operation, String table, Function<C, T> call) {
    return send(operation, table, call, false);
  }

  /** A write: re-sent to DynamoDB only if it certainly did not reach DAX. */
  public <T> T write(String operation, String table, Function<C, T> call) {
    return send(operation, table, call, true);
  }

  /** A request sent straight to DynamoDB (strongly consistent or transactional read, other operations). */
  public <T> T direct(String operation, String table, Function<C, T> call) {
    if (breaker == null) {
      return viaDynamoDb(operation, call, DaxRoute.DYNAMODB_NO_DAX);
    }
    counters.direct.increment();
    return viaDynamoDb(operation, call, DaxRoute.DYNAMODB_DIRECT);
  }

  private <T> T send(String operation, String table, Function<C, T> call, boolean isWrite) {
    CircuitBreaker cb = breaker;
    DaxSide<C> side = dax;
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
      DaxRoute route = afterDaxFailure(cb, operation, table, e, isWrite, System.nanoTime() - start);
      if (route == null) {
        throw e;
      }
      return fallback(operation, call, e, route);
    }
    answered(cb, operation, table, null, System.nanoTime() - start);
    return result;
  }

  /** Asynchronous {@link #read}: the fallback is chained, never waited for. */
  public <T> CompletableFuture<T> readAsync(String operation, String table,
      Function<C, CompletableFuture<T>> call) {
    return sendAsync(operation, table, call, false);
  }

  /** Asynchronous {@link #write}. */
  public <T> CompletableFuture<T> writeAsync(String operation, String table,
      Function<C, CompletableFuture<T>> call) {
    return sendAsync(operation, table, call, true);
  }

  /** Asynchronous {@link #direct}. */
  public <T> CompletableFuture<T> directAsync(String operation, String table,
      Function<C, CompletableFuture<T>> call) {
    if (breaker == null) {
      return viaDynamoDbAsync(operation, call, DaxRoute.DYNAMODB_NO_DAX);
    }
    counters.direct.increment();
    return viaDynamoDbAsync(operation, call, DaxRoute.DYNAMODB_DIRECT);
  }

  private <T> CompletableFuture<T> sendAsync(String operation, String table,
      Function<C, CompletableFuture<T>> call, boolean isWrite) {
    CircuitBreaker cb = breaker;
    DaxSide<C> side = dax;
    if (cb == null || side == null) {
      return viaDynamoDbAsync(operation, call, DaxRoute.DYNAMODB_NO_DAX);
    }
    if (!acquireWithoutWaiting(cb, side)) {
      counters.circuitOpen.increment();
      return viaDynamoDbAsync(operation, call, DaxRoute.DYNAMODB_CIRCUIT_OPEN);
    }
    long start = System.nanoTime();
    counters.daxAttempts.increment();
    // never blocks: a pending creation of the DAX client is chained on, bounded by the connect timeout
    CompletableFuture<T> attempt = side.getAsync().thenCompose(client -> {
      try {
        return call.apply(client);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    });
    return attempt.handle((result, error) -> {
      long elapsed = System.nanoTime() - start;
      if (error == null) {
        answered(cb, operation, table, null, elapsed);
        return CompletableFuture.completedFuture(result);
      }
      Throwable e = unwrap(error);
      DaxRoute route = afterDaxFailure(cb, operation, table, e, isWrite, elapsed);
      if (route == null) {
        return CompletableFuture.<T>failedFuture(e);
      }
      return fallbackAsync(operation, call, e, route);
    }).thenCompose(Function.identity());
  }

  /**
   * Like {@link #acquire} but never blocks: in half-open state the probe is started in the background and
   * this request goes to DynamoDB; the breaker closes for later requests once DAX answers the probe.
   */
  private boolean acquireWithoutWaiting(CircuitBreaker cb, DaxSide<C> side) {
    if (!cb.tryAcquirePermission()) {
      return false;
    }
    if (cb.getState() != CircuitBreaker.State.HALF_OPEN) {
      return true;
    }
    counters.probes.increment();
    counters.daxAttempts.increment();
    long start = System.nanoTime();
    CompletableFuture<?> probe;
    try {
      side.retryIfFailed();
      probe = probeCall.start(side::get, probeExecutor());
    } catch (RuntimeException e) {
      probe = CompletableFuture.failedFuture(e);
    }
    probe.orTimeout(probeTimeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((ignored, error) -> {
      long elapsed = System.nanoTime() - start;
      Throwable e = error == null ? null : unwrap(error);
      if (e == null || FailureClassifier.classify(e) == Outcome.ANSWERED) {
        counters.daxAnswers.increment();
        cb.onSuccess(elapsed, TimeUnit.NANOSECONDS);
      } else {
        counters.probeFailures.increment();
        recordFailure(cb, "Probe", e, elapsed);
      }
    });
    return false;
  }

  private <T> CompletableFuture<T> fallbackAsync(String operation, Function<C, CompletableFuture<T>> call,
      Throwable daxError, DaxRoute route) {
    CompletableFuture<T> f;
    try {
      f = call.apply(dynamoDb);
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    return f.handle((result, error) -> {
      report(operation, route);
      if (error == null) {
        return CompletableFuture.completedFuture(result);
      }
      Throwable e = unwrap(error);
      e.addSuppressed(daxError);
      return CompletableFuture.<T>failedFuture(e);
    }).thenCompose(Function.identity());
  }

  private <T> CompletableFuture<T> viaDynamoDbAsync(String operation, Function<C, CompletableFuture<T>> call,
      DaxRoute route) {
    CompletableFuture<T> f;
    try {
      f = call.apply(dynamoDb);
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    return f.whenComplete((r, e) -> report(operation, route));
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /**
   * Takes a breaker permission for a user request. In half-open state the single permission goes to a
   * probe; the request follows through DAX only if the probe closed the breaker.
   */
  private boolean acquire(CircuitBreaker cb, DaxSide<C> side) {
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
    DaxSide<C> side = dax;
    if (cb != null && side != null && cb.tryAcquirePermission()) {
      runProbe(cb, side);
    }
    return health();
  }

  /** Runs the probe under a permission already acquired; returns whether DAX answered. */
  private boolean runProbe(CircuitBreaker cb, DaxSide<C> side) {
    counters.probes.increment();
    counters.daxAttempts.increment();
    long start = System.nanoTime();
    Future<?> future;
    try {
      side.retryIfFailed();
      future = probeCall.start(side::get, probeExecutor());
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

  /** DAX answered (with a result, or with an error that is the request's own): counts as a success. */
  private void answered(CircuitBreaker cb, String operation, String table, @Nullable Throwable error,
      long elapsedNanos) {
    cb.onSuccess(elapsedNanos, TimeUnit.NANOSECONDS);
    counters.daxAnswers.increment();
    report(operation, DaxRoute.DAX);
    completed(operation, table, error, elapsedNanos);
  }

  /**
   * Records a failed DAX attempt and decides what happens to the request: the DynamoDB route to re-send
   * it on (a read, or a write that never reached DAX), or {@code null} when {@code e} is to be thrown as
   * is (DAX answered with the request's own error, or a write may already have been applied).
   */
  private @Nullable DaxRoute afterDaxFailure(CircuitBreaker cb, String operation, String table, Throwable e,
      boolean isWrite, long elapsed) {
    Outcome outcome = FailureClassifier.classify(e);
    if (outcome == Outcome.ANSWERED) {
      answered(cb, operation, table, e, elapsed);
      return null;
    }
    recordFailure(cb, operation, e, elapsed);
    if (!isWrite) {
      counters.readFallbacks.increment();
      LOG.debug("{} failed on DAX ({}); retrying on DynamoDB", operation, e.toString());
      retried(operation, table);
      return DaxRoute.DYNAMODB_READ_FALLBACK;
    }
    if (outcome == Outcome.NOT_SENT) {
      counters.writeFallbacks.increment();
      LOG.debug("{} never reached DAX ({}); sending it to DynamoDB", operation, e.toString());
      retried(operation, table);
      return DaxRoute.DYNAMODB_WRITE_FALLBACK;
    }
    counters.writesNotResent.increment();
    LOG.debug("{} failed on DAX after it may have been applied ({}); not re-sending", operation, e.toString());
    report(operation, DaxRoute.FAILED_OUTCOME_UNKNOWN);
    completed(operation, table, e, elapsed);
    return null;
  }

  private void recordFailure(CircuitBreaker cb, String operation, Throwable e, long elapsedNanos) {
    counters.daxFailures.increment();
    lastError.set(new LastError(e.getClass().getName() + ": " + e.getMessage(),
        breakerSettings.clock().instant()));
    safely(() -> listener.onDaxFailure(operation, e));
    cb.onError(elapsedNanos, TimeUnit.NANOSECONDS, e);
  }

  private <T> T fallback(String operation, Function<C, T> call, RuntimeException daxError,
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

  private <T> T viaDynamoDb(String operation, Function<C, T> call, DaxRoute route) {
    try {
      return call.apply(dynamoDb);
    } finally {
      report(operation, route);
    }
  }

  private void completed(String operation, String table, @Nullable Throwable error, long elapsedNanos) {
    safely(() -> metrics.operationCompleted(operation, table,
        error == null ? dev.ddbkit.core.metrics.Outcome.SUCCESS : dev.ddbkit.core.metrics.Outcome.of(error),
        Duration.ofNanos(elapsedNanos), 1));
  }

  private void retried(String operation, String table) {
    safely(() -> metrics.retried(operation, table, MetricsHook.RetrySource.DDBKIT));
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

  private static String tag(DaxState state) {
    return state.name().toLowerCase(java.util.Locale.ROOT);
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

  /**
   * The DAX client, created on first use so that building a client never blocks on DAX. Creation runs once,
   * on its own thread; every caller shares its outcome. A failed creation is remembered (callers fail at
   * once with {@link DaxUnavailableException}, so reads and writes fall back to DynamoDB) until the next
   * health probe starts a new attempt. Synchronous callers wait for a pending creation at most
   * {@code creationWait} (the connect timeout); asynchronous callers never wait for it.
   */
  private static final class DaxSide<C extends SdkAutoCloseable> {
    private final Supplier<C> factory;
    private final boolean owned;
    private final Duration creationWait;
    private volatile @Nullable CompletableFuture<C> creation;
    private @Nullable ThreadPoolExecutor creator;
    private boolean closed;

    DaxSide(Supplier<C> factory, boolean owned, Duration creationWait) {
      this.factory = factory;
      this.owned = owned;
      this.creationWait = creationWait;
    }

    /** The shared creation, started if none is running or done. */
    CompletableFuture<C> creation() {
      CompletableFuture<C> f = creation;
      if (f != null) {
        return f;
      }
      synchronized (this) {
        if (closed) {
          return CompletableFuture.failedFuture(
              DaxUnavailableException.of("The DAX client is closed.", new IllegalStateException("closed")));
        }
        if (creation == null) {
          CompletableFuture<C> started = new CompletableFuture<>();
          creation = started;
          try {
            creator().execute(() -> {
              try {
                started.complete(Objects.requireNonNull(factory.get(), "the DAX client factory returned null"));
              } catch (DaxUnavailableException e) {
                started.completeExceptionally(e);
              } catch (RuntimeException | LinkageError e) {
                // a LinkageError means a DAX client incompatible with the SDK on the class path: DynamoDB works
                started.completeExceptionally(DaxUnavailableException.of("Could not create the DAX client: " + e, e));
              }
            });
          } catch (RuntimeException e) {
            started.completeExceptionally(DaxUnavailableException.of("Could not start creating the DAX client", e));
          }
        }
        return Objects.requireNonNull(creation);
      }
    }

    private ThreadPoolExecutor creator() {
      ThreadPoolExecutor c = creator;
      if (c == null) {
        c = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "ddbkit-dax-connect");
          t.setDaemon(true);
          return t;
        });
        c.allowCoreThreadTimeOut(true);
        creator = c;
      }
      return c;
    }

    /** Forgets a failed creation so that the next use (the health probe) tries again. */
    synchronized void retryIfFailed() {
      CompletableFuture<C> f = creation;
      if (f != null && f.isCompletedExceptionally()) {
        creation = null;
      }
    }

    /** The client, waiting for a pending creation at most the connect timeout. */
    C get() {
      CompletableFuture<C> f = creation();
      C c = f.getNow(null);
      if (c != null) {
        return c;
      }
      try {
        return f.get(creationWait.toNanos(), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        throw asUnavailable(e);
      } catch (TimeoutException e) {
        throw DaxUnavailableException.of("The DAX client was not created within " + creationWait + ".", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw DaxUnavailableException.of("Interrupted while waiting for the DAX client.", e);
      }
    }

    /**
     * The client without blocking: at once if created, otherwise when the shared creation completes, but
     * failing with {@link DaxUnavailableException} after the connect timeout.
     */
    CompletableFuture<C> getAsync() {
      CompletableFuture<C> f = creation();
      if (f.isDone()) {
        return f.isCompletedExceptionally()
            ? CompletableFuture.failedFuture(asUnavailable(f))
            : f;
      }
      return f.copy()
          .orTimeout(creationWait.toNanos(), TimeUnit.NANOSECONDS)
          .handle((c, error) -> {
            if (error == null) {
              return CompletableFuture.completedFuture(c);
            }
            Throwable e = unwrap(error);
            return CompletableFuture.<C>failedFuture(e instanceof TimeoutException
                ? DaxUnavailableException.of("The DAX client was not created within " + creationWait + ".", e)
                : asUnavailable(e));
          })
          .thenCompose(Function.identity());
    }

    private static RuntimeException asUnavailable(CompletableFuture<?> failed) {
      try {
        failed.join();
        return new IllegalStateException("expected a failed creation");
      } catch (CompletionException | java.util.concurrent.CancellationException e) {
        return asUnavailable(e);
      }
    }

    private static RuntimeException asUnavailable(Throwable error) {
      Throwable e = unwrap(error);
      if (e instanceof DaxUnavailableException) {
        return (DaxUnavailableException) e;
      }
      return DaxUnavailableException.of("Could not create the DAX client: " + e, e);
    }

    void close() {
      CompletableFuture<C> f;
      ThreadPoolExecutor c;
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        f = creation;
        creation = null;
        c = creator;
      }
      if (c != null) {
        c.shutdown();
      }
      if (f != null && owned) {
        // a creation still running closes its client when it completes
        f.whenComplete((client, error) -> {
          if (client != null) {
            try {
              client.close();
            } catch (RuntimeException e) {
              LOG.debug("Closing the DAX client failed", e);
            }
          }
        });
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
