package dev.ddbkit.dax;

import dev.ddbkit.core.error.Require;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * When a {@link DaxAwareClient}'s circuit breaker (resilience4j's) stops sending requests to DAX and when it
 * tries again. The breaker counts only DAX's own failures (connection failures, timeouts, server errors)
 * over the last {@link #slidingWindowSize()} DAX calls; once at least {@link #minimumCalls()} were made and
 * {@link #failureRatePercent()} of them failed, it opens for {@link #coolDown()}.
 *
 * <pre>{@code
 * DaxBreakerSettings settings = DaxBreakerSettings.builder()
 *     .minimumCalls(5)
 *     .coolDown(Duration.ofSeconds(30))
 *     .build();
 * }</pre>
 */
public final class DaxBreakerSettings {
  private final int slidingWindowSize;
  private final int minimumCalls;
  private final float failureRatePercent;
  private final Duration coolDown;
  private final Clock clock;

  private DaxBreakerSettings(Builder b) {
    Require.atLeast(b.slidingWindowSize, 1, "slidingWindowSize");
    Require.atLeast(b.minimumCalls, 1, "minimumCalls");
    Require.argument(b.minimumCalls <= b.slidingWindowSize, "minimumCalls",
        "minimumCalls (" + b.minimumCalls + ") must not exceed slidingWindowSize (" + b.slidingWindowSize + ").");
    Require.argument(b.failureRatePercent > 0 && b.failureRatePercent <= 100, "failureRatePercent",
        "failureRatePercent must be in (0, 100] but was " + b.failureRatePercent + ".");
    Require.argument(!b.coolDown.isNegative() && !b.coolDown.isZero(), "coolDown",
        "coolDown must be positive but was " + b.coolDown + ".");
    this.slidingWindowSize = b.slidingWindowSize;
    this.minimumCalls = b.minimumCalls;
    this.failureRatePercent = b.failureRatePercent;
    this.coolDown = b.coolDown;
    this.clock = b.clock;
  }

  /** A builder with the defaults: window 10, minimum 5 calls, 50 %, cool-down 30 s, system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults of {@link #builder()}. */
  public static DaxBreakerSettings defaults() {
    return builder().build();
  }

  /** The defaults changed by {@code customizer}. */
  public static DaxBreakerSettings of(Consumer<Builder> customizer) {
    Builder b = builder();
    customizer.accept(b);
    return b.build();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    return builder()
        .slidingWindowSize(slidingWindowSize)
        .minimumCalls(minimumCalls)
        .failureRatePercent(failureRatePercent)
        .coolDown(coolDown)
        .clock(clock);
  }

  /** How many of the latest DAX calls the failure rate is computed over. */
  public int slidingWindowSize() {
    return slidingWindowSize;
  }

  /** How many DAX calls must be recorded before the breaker may open. */
  public int minimumCalls() {
    return minimumCalls;
  }

  /** The failure rate, in percent, at or above which the breaker opens. */
  public float failureRatePercent() {
    return failureRatePercent;
  }

  /** How long the breaker stays open before a probe is allowed. */
  public Duration coolDown() {
    return coolDown;
  }

  /** The clock the cool-down is measured with. */
  public Clock clock() {
    return clock;
  }

  /** Builder of {@link DaxBreakerSettings}; not thread-safe. */
  public static final class Builder {
    private int slidingWindowSize = 10;
    private int minimumCalls = 5;
    private float failureRatePercent = 50f;
    private Duration coolDown = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** How many of the latest DAX calls count; at least 1 (default 10). */
    public Builder slidingWindowSize(int calls) {
      this.slidingWindowSize = calls;
      return this;
    }

    /** Calls needed before the breaker may open; at least 1 and at most the window (default 5). */
    public Builder minimumCalls(int calls) {
      this.minimumCalls = calls;
      return this;
    }

    /** Failure rate in percent, in (0, 100], that opens the breaker (default 50). */
    public Builder failureRatePercent(float percent) {
      this.failureRatePercent = percent;
      return this;
    }

    /** How long DAX is bypassed once the breaker opened (default 30 s). */
    public Builder coolDown(Duration coolDown) {
      this.coolDown = Require.nonNull(coolDown, "coolDown");
      return this;
    }

    /** The clock measuring the cool-down; tests pass a controllable one (default system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Require.nonNull(clock, "clock");
      return this;
    }

    /** Validates and builds the settings. */
    public DaxBreakerSettings build() {
      return new DaxBreakerSettings(this);
    }
  }
}
