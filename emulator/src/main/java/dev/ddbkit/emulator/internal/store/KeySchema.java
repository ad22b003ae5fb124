package dev.ddbkit.emulator.internal.store;

import dev.ddbkit.emulator.internal.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The key attributes of a table or index, with their scalar types (S, N or B). */
public record KeySchema(String hash, String hashType, Optional<String> range, Optional<String> rangeType) {

  public boolean isKeyAttribute(String name) {
    return hash.equals(name) || range.map(name::equals).orElse(false);
  }

  /** The key part of an item (the item must hold the key attributes). */
  public Map<String, Value> keyOf(Map<String, Value> item) {
    Map<String, Value> key = new LinkedHashMap<>(4);
    key.put(hash, item.get(hash));
    range.ifPresent(r -> key.put(r, item.get(r)));
    return key;
  }

  /** Whether the item carries this schema's key attributes with the right types (sparse index membership). */
  public boolean covers(Map<String, Value> item) {
    Value h = item.get(hash);
    if (h == null || !h.type().equals(hashType)) {
      return false;
    }
    if (range.isPresent()) {
      Value r = item.get(range.get());
      return r != null && r.type().equals(rangeType.get());
    }
    return true;
  }
}
