package dev.ddbkit.core.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.SSEDescription;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import org.jspecify.annotations.Nullable;

/** Compares a definition with a live table description. */
final class TableDifferences {
  private TableDifferences() {}

  static List<String> between(TableDefinition def, TableDescription live) {
    List<String> diffs = new ArrayList<>();
    compareKeys("table", def.partitionKey(), def.sortKey().orElse(null), live.keySchema(), diffs);
    Map<String, String> types = new HashMap<>();
    live.attributeDefinitions().forEach(a -> types.put(a.attributeName(), a.attributeTypeAsString()));
    for (KeyAttribute k : def.keyAttributes()) {
      String t = types.get(k.name());
      if (t != null && !t.equals(k.type().toString())) {
        diffs.add("attribute " + k.name() + " is " + t + ", the definition says " + k.type());
      }
    }
    Map<String, GlobalSecondaryIndexDescription> liveIndexes = new HashMap<>();
    live.globalSecondaryIndexes().forEach(i -> liveIndexes.put(i.indexName(), i));
    for (IndexDefinition index : def.globalSecondaryIndexes()) {
      GlobalSecondaryIndexDescription l = liveIndexes.remove(index.name());
      if (l == null) {
        diffs.add("index " + index.name() + " is missing");
        continue;
      }
      compareKeys("index " + index.name(), index.partitionKey(), index.sortKey().orElse(null), l.keySchema(), diffs);
      if (l.projection() != null && l.projection().projectionType() != index.projection()) {
        diffs.add("index " + index.name() + " projects " + l.projection().projectionTypeAsString()
            + ", the definition says " + index.projection());
      } else if (!index.nonKeyAttributes().isEmpty() && l.projection() != null
          && !new java.util.HashSet<>(l.projection().nonKeyAttributes()).equals(new java.util.HashSet<>(index.nonKeyAttributes()))) {
        diffs.add("index " + index.name() + " includes " + l.projection().nonKeyAttributes()
            + ", the definition says " + index.nonKeyAttributes());
      }
    }
    liveIndexes.keySet().forEach(n -> diffs.add("index " + n + " exists but is not defined"));
    String liveMode = live.billingModeSummary() == null || live.billingModeSummary().billingMode() == null
        ? "PROVISIONED" : live.billingModeSummary().billingModeAsString();
    if (!liveMode.equals(def.capacity().mode().toString())) {
      diffs.add("billing mode is " + liveMode + ", the definition says " + def.capacity().mode());
    } else if (def.capacity().isProvisioned() && live.provisionedThroughput() != null) {
      long r = live.provisionedThroughput().readCapacityUnits();
      long w = live.provisionedThroughput().writeCapacityUnits();
      if (r != def.capacity().readUnits() || w != def.capacity().writeUnits()) {
        diffs.add("provisioned capacity is " + r + "/" + w + ", the definition says "
            + def.capacity().readUnits() + "/" + def.capacity().writeUnits());
      }
    }
    compareEncryption(def, live, diffs);
    return diffs;
  }

  /** Differences in the defined tags; extra live tags are not reported. Empty when tags are unknown. */
  static List<String> tags(TableDefinition def, Optional<Map<String, String>> live) {
    if (live.isEmpty()) {
      return List.of();
    }
    List<String> diffs = new ArrayList<>();
    def.tags().forEach((key, value) -> {
      String actual = live.get().get(key);
      if (actual == null) {
        diffs.add("tag " + key + " is missing, the definition says " + value);
      } else if (!actual.equals(value)) {
        diffs.add("tag " + key + " is " + actual + ", the definition says " + value);
      }
    });
    return diffs;
  }

  /** Compared only when the backend reports an SSE description (DynamoDB Local never does). */
  private static void compareEncryption(TableDefinition def, TableDescription live, List<String> diffs) {
    SSEDescription sse = live.sseDescription();
    if (sse == null || sse.status() == null || sse.status() == SSEStatus.UNKNOWN_TO_SDK_VERSION) {
      return;
    }
    boolean kms = sse.status() == SSEStatus.ENABLED || sse.status() == SSEStatus.ENABLING
        || sse.status() == SSEStatus.UPDATING;
    if (kms != def.serverSideEncryption()) {
      diffs.add("server-side encryption with KMS is " + sse.statusAsString() + ", the definition says "
          + (def.serverSideEncryption() ? "enabled" : "disabled"));
    }
  }

  private static void compareKeys(String what, KeyAttribute pk, @Nullable KeyAttribute sk, List<KeySchemaElement> live,
      List<String> diffs) {
    String livePk = null;
    String liveSk = null;
    for (KeySchemaElement e : live) {
      if (e.keyType() == KeyType.HASH) {
        livePk = e.attributeName();
      } else if (e.keyType() == KeyType.RANGE) {
        liveSk = e.attributeName();
      }
    }
    if (!pk.name().equals(livePk)) {
      diffs.add(what + " partition key is " + livePk + ", the definition says " + pk.name());
    }
    String defSk = sk == null ? null : sk.name();
    if (defSk == null ? liveSk != null : !defSk.equals(liveSk)) {
      diffs.add(what + (liveSk == null ? " has no sort key" : " sort key is " + liveSk) + ", the definition says "
          + (defSk == null ? "it has none" : defSk));
    }
  }
}
