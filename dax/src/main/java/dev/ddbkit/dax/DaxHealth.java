package dev.ddbkit.dax;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of a {@link DaxAwareClient}'s health, fit for a service's health endpoint. Taking it makes no
 * network call; {@link DaxAwareClient#probe()} sends a probe first.
 *
 * <pre>{@code
 * DaxHealth health = client.health();
 * return health.degraded() ? Status.WARN : Status.OK;   // requests are still served through DynamoDB
 * }</pre>
 *
 * @param state where cacheable requests currently go
 * @param endpoint the configured DAX endpoint, if any
 * @param disabledReason why DAX is not used, when {@code state} is {@link DaxState#DISABLED}
 * @param lastError the last DAX failure, as {@code ExceptionClass: message}, if there was one
 * @param lastErrorAt when {@code lastError} happened
 * @param counts the routing counters
 */
public record DaxHealth(
    DaxState state,
    Optional<String> endpoint,
    Optional<String> disabledReason,
    Optional<String> lastError,
    Optional<Instant> lastErrorAt,
    DaxCounts counts) {

  /** Whether DAX is configured but currently bypassed (breaker open or half-open); requests still succeed. */
  public boolean degraded() {
    return state == DaxState.OPEN || state == DaxState.HALF_OPEN;
  }
}
