package dev.ddbkit.emulator.internal.expr;

import dev.ddbkit.emulator.internal.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Reading and rewriting values at document paths of an item; items and values are immutable, so writes copy. */
final class Documents {
  private Documents() {}

  static Optional<Value> get(Map<String, Value> item, Path path) {
    Value current = item.get(path.topLevel());
    List<Object> elements = path.elements();
    for (int i = 1; i < elements.size() && current != null; i++) {
      Object e = elements.get(i);
      if (e instanceof String key) {
        current = current instanceof Value.M m ? m.values().get(key) : null;
      } else {
        int index = (Integer) e;
        current = current instanceof Value.L l && index < l.values().size() ? l.values().get(index) : null;
      }
    }
    return Optional.ofNullable(current);
  }

  /**
   * Replaces the value at {@code path} in {@code item} by {@code change(old)}; an empty result removes it. A list
   * index past the end appends. Throws "The document path provided in the update expression is invalid for
   * update" when a parent of the path is missing or is not a map (for a key) or a list (for an index).
   */
  static void modify(Map<String, Value> item, Path path, UnaryOperator<Optional<Value>> change) {
    String top = path.topLevel();
    Optional<Value> updated = modifyIn(Optional.ofNullable(item.get(top)), path.elements(), 1, change);
    if (updated.isPresent()) {
      item.put(top, updated.get());
    } else {
      item.remove(top);
    }
  }

  private static Optional<Value> modifyIn(
      Optional<Value> current, List<Object> elements, int i, UnaryOperator<Optional<Value>> change) {
    if (i == elements.size()) {
      return change.apply(current);
    }
    Object element = elements.get(i);
    Value parent = current.orElseThrow(() -> Errors.runtime(Errors.INVALID_PATH_FOR_UPDATE));
    if (element instanceof String key) {
      if (!(parent instanceof Value.M m)) {
        throw Errors.runtime(Errors.INVALID_PATH_FOR_UPDATE);
      }
      Map<String, Value> copy = new LinkedHashMap<>(m.values());
      Optional<Value> child = modifyIn(Optional.ofNullable(copy.get(key)), elements, i + 1, change);
      if (child.isPresent()) {
        copy.put(key, child.get());
      } else {
        copy.remove(key);
      }
      return Optional.of(new Value.M(copy));
    }
    if (!(parent instanceof Value.L l)) {
      throw Errors.runtime(Errors.INVALID_PATH_FOR_UPDATE);
    }
    int index = (Integer) element;
    List<Value> copy = new ArrayList<>(l.values());
    if (index < copy.size()) {
      Optional<Value> child = modifyIn(Optional.of(copy.get(index)), elements, i + 1, change);
      if (child.isPresent()) {
        copy.set(index, child.get());
      } else {
        copy.remove(index);
      }
    } else {
      modifyIn(Optional.empty(), elements, i + 1, change).ifPresent(copy::add);
    }
    return Optional.of(new Value.L(copy));
  }
}
