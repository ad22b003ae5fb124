package dev.ddbkit.emulator.internal.expr;

import dev.ddbkit.emulator.internal.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Applies a list of paths to an item, keeping the nesting: {@code a.b} yields {@code {a: {b: …}}}, {@code l[1]}
 * and {@code l[3]} yield {@code {l: [l[1], l[3]]}} (in index order). Missing paths are left out.
 */
final class Projector implements Projection {
  private final List<Path> paths;
  private final Node root = new Node();

  /** A node of the tree of requested paths; {@code whole} means the full value below it is wanted. */
  private static final class Node {
    boolean whole;
    final Map<String, Node> keys = new LinkedHashMap<>();
    final TreeMap<Integer, Node> indexes = new TreeMap<>();
  }

  Projector(List<Path> paths) {
    this.paths = List.copyOf(paths);
    for (Path path : this.paths) {
      Node node = root;
      for (Object e : path.elements()) {
        node = e instanceof String key
            ? node.keys.computeIfAbsent(key, k -> new Node())
            : node.indexes.computeIfAbsent((Integer) e, k -> new Node());
      }
      node.whole = true;
    }
  }

  @Override
  public List<Path> paths() {
    return paths;
  }

  @Override
  public Map<String, Value> apply(Map<String, Value> item) {
    Map<String, Value> result = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : root.keys.entrySet()) {
      Value v = item.get(e.getKey());
      if (v != null) {
        project(v, e.getValue()).ifPresent(p -> result.put(e.getKey(), p));
      }
    }
    return result;
  }

  private static Optional<Value> project(Value value, Node node) {
    if (node.whole) {
      return Optional.of(value);
    }
    if (value instanceof Value.M m && !node.keys.isEmpty()) {
      Map<String, Value> out = new LinkedHashMap<>();
      for (Map.Entry<String, Node> e : node.keys.entrySet()) {
        Value child = m.values().get(e.getKey());
        if (child != null) {
          project(child, e.getValue()).ifPresent(p -> out.put(e.getKey(), p));
        }
      }
      return out.isEmpty() ? Optional.empty() : Optional.of(new Value.M(out));
    }
    if (value instanceof Value.L l && !node.indexes.isEmpty()) {
      List<Value> out = new ArrayList<>();
      for (Map.Entry<Integer, Node> e : node.indexes.entrySet()) {
        if (e.getKey() < l.values().size()) {
          project(l.values().get(e.getKey()), e.getValue()).ifPresent(out::add);
        }
      }
      return out.isEmpty() ? Optional.empty() : Optional.of(new Value.L(out));
    }
    return Optional.empty();
  }
}
