package dev.ddbkit.testkit.fault.internal;

import java.time.Clock;
import java.time.Instant;

/**
 * A token bucket refilled continuously at {@code ratePerSecond} up to {@code capacity}, reading time from a
 * {@link Clock} so that tests can move time by hand. Starts full. Thread-safe.
 */
public final class TokenBucket {
  private final double ratePerSecond;
  private final double capacity;
  private final Clock clock;
  private double tokens;
  private Instant last;

  /** A full bucket. */
  public TokenBucket(double ratePerSecond, double capacity, Clock clock) {
    if (!(ratePerSecond > 0) || !(capacity > 0)) {
      throw new IllegalArgumentException("ratePerSecond (" + ratePerSecond + ") and capacity (" + capacity
          + ") must both be positive.");
    }
    this.ratePerSecond = ratePerSecond;
    this.capacity = capacity;
    this.clock = clock;
    this.tokens = capacity;
    this.last = clock.instant();
  }

  /**
   * Takes {@code units} when the bucket holds that many, or when it is full (so that a request larger than
   * the bucket still passes, leaving it in debt). Returns whether the units were taken.
   */
  public synchronized boolean tryTake(double units) {
    refill();
    if (tokens >= units || tokens >= capacity) {
      tokens -= units;
      return true;
    }
    return false;
  }

  /** Whether the bucket holds any tokens at all (reads are admitted on that and charged afterwards). */
  public synchronized boolean hasTokens() {
    refill();
    return tokens > 0;
  }

  /** Takes {@code units} unconditionally; the bucket may go into debt, repaid by later refills. */
  public synchronized void charge(double units) {
    refill();
    tokens -= units;
  }

  /** Returns {@code units} taken by a request that did not go ahead. */
  public synchronized void refund(double units) {
    refill();
    tokens = Math.min(capacity, tokens + units);
  }

  /** The tokens held now; negative while in debt. */
  public synchronized double available() {
    refill();
    return tokens;
  }

  private void refill() {
    Instant now = clock.instant();
    if (now.isAfter(last)) {
      double seconds = (now.getEpochSecond() - last.getEpochSecond()) + (now.getNano() - last.getNano()) / 1e9;
      tokens = Math.min(capacity, tokens + seconds * ratePerSecond);
      last = now;
    }
  }
}
