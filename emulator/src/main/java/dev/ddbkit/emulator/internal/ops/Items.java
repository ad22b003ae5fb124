package dev.ddbkit.emulator.internal.ops;

import dev.ddbkit.emulator.internal.error.DynamoException;
import dev.ddbkit.emulator.internal.store.Index;
import dev.ddbkit.emulator.internal.store.KeySchema;
import dev.ddbkit.emulator.internal.store.Table;
import dev.ddbkit.emulator.internal.value.Value;
import dev.ddbkit.emulator.internal.wire.Attributes;
import java.util.Map;

/** Validation of keys and items against a table's schema, with DynamoDB's messages. */
final class Items {
  static final long MAX_ITEM_BYTES = 400 * 1024;
  static final int MAX_PARTITION_KEY_BYTES = 2048;
  static final int MAX_SORT_KEY_BYTES = 1024;

  private Items() {}

  /** Checks a Key parameter: exactly the key attributes, of the declared types, non-empty. */
  static Map<String, Value> key(Table table, Map<String, Value> key) {
    KeySchema s = table.schema();
    int expected = s.range().isPresent() ? 2 : 1;
    if (key.size() != expected || !key.containsKey(s.hash()) || (s.range().isPresent() && !key.containsKey(s.range().get()))) {
      throw DynamoException.validation("The provided key element does not match the schema");
    }
    checkKeyValue(s.hash(), s.hashType(), key.get(s.hash()), true, false);
    if (s.range().isPresent()) {
      checkKeyValue(s.range().get(), s.rangeType().get(), key.get(s.range().get()), false, false);
    }
    return s.keyOf(key);
  }

  private static void checkKeyValue(String name, String type, Value v, boolean partition, boolean inItem) {
    if (!v.type().equals(type)) {
      if (inItem) {
        throw DynamoException.validation("One or more parameter values were invalid: Type mismatch for key "
            + name + " expected: " + type + " actual: " + v.type());
      }
      throw DynamoException.validation("The provided key element does not match the schema");
    }
    long size = Attributes.size(v);
    if (size == 0) {
      throw DynamoException.validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
          + (v instanceof Value.S ? "string" : "binary") + " value. Key: " + name);
    }
    if (partition && size > MAX_PARTITION_KEY_BYTES) {
      throw DynamoException.validation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of 2048 bytes");
    }
    if (!partition && size > MAX_SORT_KEY_BYTES) {
      throw DynamoException.validation("One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
    }
  }

  /** Checks an item to be stored: key attributes present and typed, index keys typed, size within 400 KB. */
  static void item(Table table, Map<String, Value> item) {
    KeySchema s = table.schema();
    for (String k : s.range().isPresent() ? new String[] {s.hash(), s.range().get()} : new String[] {s.hash()}) {
      if (!item.containsKey(k)) {
        throw DynamoException.validation("One or more parameter values were invalid: Missing the key " + k + " in the item");
      }
    }
    checkKeyValue(s.hash(), s.hashType(), item.get(s.hash()), true, true);
    if (s.range().isPresent()) {
      checkKeyValue(s.range().get(), s.rangeType().get(), item.get(s.range().get()), false, true);
    }
    for (Index i : table.localIndexes().values()) {
      indexKeys(i, item);
    }
    for (Index i : table.globalIndexes().values()) {
      indexKeys(i, item);
    }
    if (Attributes.size(item) > MAX_ITEM_BYTES) {
      throw DynamoException.validation("Item size has exceeded the maximum allowed size");
    }
  }

  private static void indexKeys(Index index, Map<String, Value> item) {
    KeySchema s = index.schema();
    indexKey(index, s.hash(), s.hashType(), item.get(s.hash()), true);
    if (s.range().isPresent()) {
      indexKey(index, s.range().get(), s.rangeType().get(), item.get(s.range().get()), false);
    }
  }

  private static void indexKey(Index index, String name, String type, Value v, boolean partition) {
    if (v == null) {
      return;
    }
    if (!v.type().equals(type)) {
      throw DynamoException.validation("One or more parameter values were invalid: Type mismatch for Index Key "
          + name + " Expected: " + type + " Actual: " + v.type() + " IndexName: " + index.name());
    }
    long size = Attributes.size(v);
    if (size == 0) {
      throw DynamoException.validation("One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty "
          + (v instanceof Value.S ? "string" : "binary") + " value. IndexName: " + index.name() + ", IndexKey: " + name);
    }
    if (partition && size > MAX_PARTITION_KEY_BYTES) {
      throw DynamoException.validation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of 2048 bytes");
    }
    if (!partition && size > MAX_SORT_KEY_BYTES) {
      throw DynamoException.validation("One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
    }
  }
}
