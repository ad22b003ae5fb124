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

  /**
   * Whether DAX is configured but not serving: the breaker is open or half-open, or a DAX endpoint is configured
   * but DAX cannot be used at all (state {@link DaxState#DISABLED} with an endpoint, such as when the DAX client
   * jar is missing). Requests still succeed through DynamoDB. Without a configured endpoint DAX is simply off,
   * not degraded.
   */
  public boolean degraded() {
    return state == DaxState.OPEN || state == DaxState.HALF_OPEN || state == DaxState.DISABLED && configured();
  }

  /** Whether a DAX endpoint (or DAX client) was configured. */
  public boolean configured() {
    return endpoint.isPresent();
  }
}
