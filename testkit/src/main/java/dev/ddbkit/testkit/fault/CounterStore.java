package dev.ddbkit.testkit.fault;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The live, thread-safe counters behind {@link FaultCounters} snapshots. */
final class CounterStore {
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> forwarded = new ConcurrentHashMap<>();
  private final Map<FaultKind, Map<String, LongAdder>> injected = new EnumMap<>(FaultKind.class);
  private final Map<String, LongAdder> backendErrors = new ConcurrentHashMap<>();
  private final LongAdder unprocessed = new LongAdder();

  CounterStore() {
    for (FaultKind k : FaultKind.values()) {
      injected.put(k, new ConcurrentHashMap<>());
    }
  }

  void request(String operation) {
    requests.computeIfAbsent(operation, k -> new LongAdder()).increment();
  }

  void forwarded(String operation) {
    forwarded.computeIfAbsent(operation, k -> new LongAdder()).increment();
  }

  void injected(FaultKind kind, String operation) {
    java.util.Objects.requireNonNull(injected.get(kind), "counters of every fault kind")
        .computeIfAbsent(operation, k -> new LongAdder()).increment();
  }

  void backendError(String operation) {
    backendErrors.computeIfAbsent(operation, k -> new LongAdder()).increment();
  }

  void unprocessed(long items) {
    unprocessed.add(items);
  }

  synchronized void reset() {
    requests.clear();
    forwarded.clear();
    injected.values().forEach(Map::clear);
    backendErrors.clear();
    unprocessed.reset();
  }

  synchronized FaultCounters snapshot() {
    Map<FaultKind, Map<String, Long>> inj = new EnumMap<>(FaultKind.class);
    injected.forEach((k, v) -> inj.put(k, freeze(v)));
    return new FaultCounters(freeze(requests), freeze(forwarded), inj, freeze(backendErrors), unprocessed.sum());
  }

  private static Map<String, Long> freeze(Map<String, LongAdder> m) {
    Map<String, Long> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
