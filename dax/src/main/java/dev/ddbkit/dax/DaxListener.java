package dev.ddbkit.dax;

/**
 * Receives the routing decisions and circuit-breaker transitions of a {@link DaxAwareClient}, for metrics.
 * Called on the request thread; implementations must be fast and must not throw.
 *
 * <pre>{@code
 * DaxListener listener = new DaxListener() {
 *   public void onRequest(String operation, DaxRoute route) {
 *     registry.counter("ddbkit.dax.requests", "operation", operation, "route", route.tag()).increment();
 *   }
 *   public void onStateChange(DaxState from, DaxState to) {
 *     registry.counter("ddbkit.dax.transitions", "to", to.name()).increment();
 *   }
 * };
 * }</pre>
 */
public interface DaxListener {

  /** One request finished (or failed) after taking {@code route}; {@code operation} is such as {@code GetItem}. */
  default void onRequest(String operation, DaxRoute route) {}

  /** The circuit breaker moved from {@code from} to {@code to}. */
  default void onStateChange(DaxState from, DaxState to) {}

  /** A call to DAX failed in a way that counts against its health (connection failure, timeout, 5xx). */
  default void onDaxFailure(String operation, Throwable error) {}

  /** A listener that ignores everything. */
  static DaxListener noop() {
    return new DaxListener() {};
  }
}
