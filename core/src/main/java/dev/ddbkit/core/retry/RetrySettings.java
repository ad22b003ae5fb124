package dev.ddbkit.core.retry;

import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.Require;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Immutable settings of ddbkit's own retries (unprocessed batch items, transaction conflicts, application
 * retries): attempts, full-jitter backoff, what is retryable, and the sleeper and randomness used.
 *
 * <pre>{@code
 * RetrySettings settings = RetrySettings.builder().maxAttempts(6).baseDelay(Duration.ofMillis(20)).build();
 * }</pre>
 */
public final class RetrySettings {
  /** Default total attempts, the first included. */
  public static final int DEFAULT_MAX_ATTEMPTS = 8;
  /** Default base delay. */
  public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(25);
  /** Default cap on one delay. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(2);

  private static final RetrySettings DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Backoff backoff;
  private final Predicate<Throwable> retryOn;
  private final Sleeper sleeper;
  private final RandomGenerator random;

  private RetrySettings(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.backoff = Backoff.fullJitter(b.baseDelay, b.maxDelay);
    this.retryOn = b.retryOn;
    this.sleeper = b.sleeper;
    this.random = b.random;
  }

  /**
   * The defaults: 8 attempts, 25 ms base, 2 s cap (worst-case total wait 3.175 s), retry what
   * {@link DdbkitErrors#isRetryableAfterSdk} says: retryable failures, except those of a kind the SDK retries
   * (throttling, 5xx, timeouts, I/O) once the SDK did retry them; conflicts are retried however many SDK
   * attempts the call made.
   */
  public static RetrySettings defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.baseDelay = backoff.base();
    b.maxDelay = backoff.cap();
    b.retryOn = retryOn;
    b.sleeper = sleeper;
    b.random = random;
    return b;
  }

  /** Total attempts, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The backoff between attempts. */
  public Backoff backoff() {
    return backoff;
  }

  /** Which failures are retried. */
  public Predicate<Throwable> retryOn() {
    return retryOn;
  }

  /** How waits are performed. */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** The randomness used for jitter. */
  public RandomGenerator random() {
    return random;
  }

  /** The longest total time these settings may spend waiting between attempts. */
  public Duration worstCaseDelay() {
    return backoff.worstCaseTotal(maxAttempts - 1);
  }

  @Override
  public String toString() {
    return "RetrySettings{maxAttempts=" + maxAttempts + ", " + backoff + "}";
  }

  /** The default randomness: every draw goes to the calling thread's {@link ThreadLocalRandom}. */
  private static final class ThreadLocalRandomGenerator implements RandomGenerator {
    static final ThreadLocalRandomGenerator INSTANCE = new ThreadLocalRandomGenerator();

    @Override
    public long nextLong() {
      return ThreadLocalRandom.current().nextLong();
    }

    @Override
    public long nextLong(long bound) {
      return ThreadLocalRandom.current().nextLong(bound);
    }

    @Override
    public long nextLong(long origin, long bound) {
      return ThreadLocalRandom.current().nextLong(origin, bound);
    }

    @Override
    public int nextInt() {
      return ThreadLocalRandom.current().nextInt();
    }

    @Override
    public int nextInt(int bound) {
      return ThreadLocalRandom.current().nextInt(bound);
    }

    @Override
    public double nextDouble() {
      return ThreadLocalRandom.current().nextDouble();
    }

    @Override
    public String toString() {
      return "ThreadLocalRandom.current()";
    }
  }

  /** Builder of {@link RetrySettings}; validates each value with a sentence naming it. */
  public static final class Builder {
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration baseDelay = DEFAULT_BASE_DELAY;
    private Duration maxDelay = DEFAULT_MAX_DELAY;
    private Predicate<Throwable> retryOn = DdbkitErrors::isRetryableAfterSdk;
    private Sleeper sleeper = Sleeper.system();
    private RandomGenerator random = ThreadLocalRandomGenerator.INSTANCE;

    private Builder() {}

    /** Total attempts including the first; at least 1 (1 means no retry). */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = Require.atLeast(maxAttempts, 1, "maxAttempts");
      return this;
    }

    /** The base delay of the exponential backoff; positive. */
    public Builder baseDelay(Duration baseDelay) {
      Require.nonNull(baseDelay, "baseDelay");
      Require.argument(!baseDelay.isNegative() && !baseDelay.isZero(), "baseDelay",
          "baseDelay must be positive but was " + baseDelay + ".");
      this.baseDelay = baseDelay;
      return this;
    }

    /** The cap on a single delay; at least the base delay. */
    public Builder maxDelay(Duration maxDelay) {
      Require.nonNull(maxDelay, "maxDelay");
      Require.argument(!maxDelay.isNegative() && !maxDelay.isZero(), "maxDelay",
          "maxDelay must be positive but was " + maxDelay + ".");
      this.maxDelay = maxDelay;
      return this;
    }

    /**
     * Which failures to retry; defaults to {@link DdbkitErrors#isRetryableAfterSdk}, which never retries a
     * throttling, 5xx, timeout or I/O failure the SDK already retried, and does retry conflicts the SDK never
     * retries. Passing {@link DdbkitErrors#isRetryable} instead makes attempts multiply (up to
     * {@code maxAttempts} times the SDK's) under throttling too.
     */
    public Builder retryOn(Predicate<Throwable> retryOn) {
      this.retryOn = Require.nonNull(retryOn, "retryOn");
      return this;
    }

    /** How to wait; tests pass a recording sleeper. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Require.nonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The randomness for jitter; tests pass a seeded generator. The default draws from
     * {@link ThreadLocalRandom#current()} on each call, so it is safe to share across threads. A generator
     * supplied here must be thread-safe if the resulting retry is used from several threads at once (most
     * {@link RandomGenerator} implementations, such as the seeded {@code L64X128MixRandom}, are not).
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(Require.nonNull(random, "random"));
      return this;
    }

    /** Builds the settings; fails if {@code maxDelay < baseDelay}. */
    public RetrySettings build() {
      Require.argument(maxDelay.compareTo(baseDelay) >= 0, "maxDelay",
          "maxDelay (" + maxDelay + ") must be at least baseDelay (" + baseDelay + ").");
      return new RetrySettings(this);
    }
  }
}
