package dev.ddbkit.testkit.fault;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of what a {@link FaultProxy} saw and did, to compare with what clients observed: requests
 * received and forwarded per operation, injections per {@link FaultKind} and operation, and the items or
 * keys returned unprocessed. Immutable.
 *
 * <pre>{@code
 * FaultCounters c = proxy.counters();
 * assertThat(c.requests("PutItem")).isEqualTo(1);                    // not retried
 * assertThat(c.injected(FaultKind.THROTTLING, "Query")).isEqualTo(2);
 * }</pre>
 */
public final class FaultCounters {
  private final Map<String, Long> requests;
  private final Map<String, Long> forwarded;
  private final Map<FaultKind, Map<String, Long>> injected;
  private final Map<String, Long> backendErrors;
  private final long unprocessedItems;

  FaultCounters(Map<String, Long> requests, Map<String, Long> forwarded,
      Map<FaultKind, Map<String, Long>> injected, Map<String, Long> backendErrors, long unprocessedItems) {
    this.backendErrors = Map.copyOf(backendErrors);
    this.requests = Map.copyOf(requests);
    this.forwarded = Map.copyOf(forwarded);
    Map<FaultKind, Map<String, Long>> copy = new EnumMap<>(FaultKind.class);
    injected.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    this.injected = copy;
    this.unprocessedItems = unprocessedItems;
  }

  /** Requests received, all operations. */
  public long requests() {
    return sum(requests);
  }

  /** Requests of {@code operation} received (every SDK attempt counts). */
  public long requests(String operation) {
    return requests.getOrDefault(operation, 0L);
  }

  /** Requests passed on to DynamoDB, all operations. */
  public long forwarded() {
    return sum(forwarded);
  }

  /** Requests of {@code operation} passed on to DynamoDB, whole or in part. */
  public long forwarded(String operation) {
    return forwarded.getOrDefault(operation, 0L);
  }

  /** Faults injected, all kinds and operations. */
  public long injected() {
    long n = 0;
    for (Map<String, Long> m : injected.values()) {
      n += sum(m);
    }
    return n;
  }

  /** Faults of {@code kind} injected, all operations. */
  public long injected(FaultKind kind) {
    Map<String, Long> m = injected.get(kind);
    return m == null ? 0 : sum(m);
  }

  /** Faults of {@code kind} injected into requests of {@code operation}. */
  public long injected(FaultKind kind, String operation) {
    Map<String, Long> m = injected.get(kind);
    return m == null ? 0 : m.getOrDefault(operation, 0L);
  }

  /** Injections by kind, kinds never injected left out. */
  public Map<FaultKind, Long> injectedByKind() {
    Map<FaultKind, Long> out = new EnumMap<>(FaultKind.class);
    injected.forEach((k, v) -> {
      long n = sum(v);
      if (n > 0) {
        out.put(k, n);
      }
    });
    return out;
  }

  /**
   * Forwarded requests that DynamoDB did not answer (unreachable, or no answer within the proxy's
   * {@code backendTimeout}), all operations; the proxy answered each with a 500 {@code InternalServerError}
   * of its own, which is not counted as an injected fault.
   */
  public long backendErrors() {
    return sum(backendErrors);
  }

  /** Forwarded requests of {@code operation} that DynamoDB did not answer; see {@link #backendErrors()}. */
  public long backendErrors(String operation) {
    return backendErrors.getOrDefault(operation, 0L);
  }

  /** Items of {@code BatchWriteItem} and keys of {@code BatchGetItem} returned unprocessed. */
  public long unprocessedItems() {
    return unprocessedItems;
  }

  private static long sum(Map<String, Long> m) {
    long n = 0;
    for (long v : m.values()) {
      n += v;
    }
    return n;
  }

  @Override
  public String toString() {
    Map<String, Map<String, Long>> inj = new TreeMap<>();
    injected.forEach((k, v) -> {
      if (!v.isEmpty()) {
        inj.put(k.name(), new TreeMap<>(v));
      }
    });
    return "FaultCounters{requests=" + new TreeMap<>(requests) + ", forwarded=" + new TreeMap<>(forwarded)
        + ", injected=" + inj + ", backendErrors=" + new TreeMap<>(backendErrors) + ", unprocessedItems=" + unprocessedItems + "}";
  }
}
