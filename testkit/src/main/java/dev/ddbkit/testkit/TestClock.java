package dev.ddbkit.testkit;

import dev.ddbkit.core.error.Require;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC {@link Clock} that tests control, for everything in ddbkit that takes a {@code Clock} (dates, TTLs,
 * circuit-breaker cool-downs, token buckets). It stands still until moved, or ticks a fixed step on every
 * reading so that each stamp is distinct. Thread-safe.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at(Instant.parse("2026-11-24T08:00:00Z"));
 * clock.advance(Duration.ofSeconds(30));                 // a cool-down elapses without sleeping
 * TestClock stamps = TestClock.ticking(start, Duration.ofMillis(1));   // every order gets its own millisecond
 * }</pre>
 *
 * <p>The test backend deletes items whose TTL attribute lies in the past, as DynamoDB does: start clocks that
 * stamp {@code expires_at} near the real present, or later, so test data does not expire under the test.
 */
public final class TestClock extends Clock {
  private final AtomicReference<Instant> now;
  private final Duration step;

  private TestClock(Instant start, Duration step) {
    this.now = new AtomicReference<>(start);
    this.step = step;
  }

  /** A clock standing at {@code start} until moved. */
  public static TestClock at(Instant start) {
    return new TestClock(Require.nonNull(start, "start"), Duration.ZERO);
  }

  /** A clock that returns {@code start}, then moves {@code step} forward on every reading. */
  public static TestClock ticking(Instant start, Duration step) {
    Require.nonNull(start, "start");
    Require.nonNull(step, "step");
    Require.argument(!step.isNegative(), "step", "step must not be negative but was " + step + ".");
    return new TestClock(start, step);
  }

  /** Moves the clock forward (or back, with a negative duration) by {@code duration}. */
  public void advance(Duration duration) {
    Require.nonNull(duration, "duration");
    now.updateAndGet(i -> i.plus(duration));
  }

  /** Sets the clock to {@code instant}. */
  public void set(Instant instant) {
    now.set(Require.nonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return java.util.Objects.requireNonNull(step.isZero() ? now.get() : now.getAndUpdate(i -> i.plus(step)));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** This clock; it always reports UTC. */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public String toString() {
    return "TestClock{" + now.get() + (step.isZero() ? "" : ", step " + step) + "}";
  }
}
