package dev.ddbkit.emulator.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Every table of the emulator, by region then name; one account, shared by every access key. */
public final class Catalog {
  private final ConcurrentMap<String, ConcurrentMap<String, Table>> regions = new ConcurrentHashMap<>();

  private ConcurrentMap<String, Table> region(String region) {
    return regions.computeIfAbsent(region, r -> new ConcurrentHashMap<>());
  }

  public Optional<Table> table(String region, String name) {
    return Optional.ofNullable(region(region).get(name));
  }

  /** Adds a table; false when one of that name exists in the region. */
  public boolean add(Table table) {
    return region(table.region()).putIfAbsent(table.name(), table) == null;
  }

  public boolean remove(Table table) {
    return region(table.region()).remove(table.name(), table);
  }

  public List<String> names(String region) {
    List<String> names = new ArrayList<>(region(region).keySet());
    names.sort(null);
    return names;
  }

  /** Every table of every region (for the TTL sweep). */
  public List<Table> all() {
    List<Table> all = new ArrayList<>();
    for (Map<String, Table> r : regions.values()) {
      all.addAll(r.values());
    }
    return all;
  }
}
