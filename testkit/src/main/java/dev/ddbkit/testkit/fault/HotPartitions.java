package dev.ddbkit.testkit.fault;

import dev.ddbkit.testkit.fault.internal.BatchRewrite;
import dev.ddbkit.testkit.fault.internal.CapacityUnits;
import dev.ddbkit.testkit.fault.internal.CapacityUnits.ReadMode;
import dev.ddbkit.testkit.fault.internal.DdbRequest;
import dev.ddbkit.testkit.fault.internal.Json;
import dev.ddbkit.testkit.fault.internal.TokenBucket;
import dev.ddbkit.testkit.fault.internal.WireResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Applies a {@link HotPartitionSimulator} to requests: admission, charging and DynamoDB-shaped throttling. */
final class HotPartitions {
  private static final java.util.Set<String> READS =
      java.util.Set.of("GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems");
  private static final String THROTTLE_TYPE = Fault.DYNAMODB_NS + "ProvisionedThroughputExceededException";
  private static final Pattern NAME_EQ_VALUE = Pattern.compile("(#?[A-Za-z0-9_.\\-]+)\\s*=\\s*(:[A-Za-z0-9_]+)");
  private static final Pattern VALUE_EQ_NAME = Pattern.compile("(:[A-Za-z0-9_]+)\\s*=\\s*(#?[A-Za-z0-9_.\\-]+)");

  private final HotPartitionSimulator simulator;
  private final CounterStore counters;

  HotPartitions(HotPartitionSimulator simulator, CounterStore counters) {
    this.simulator = simulator;
    this.counters = counters;
  }

  void apply(DdbRequest request, Plan plan, @Nullable BatchRewrite batch) {
    Map<String, Object> json = request.json().orElse(null);
    if (json == null) {
      return;
    }
    String op = request.operation();
    switch (op) {
      case "PutItem" -> singleWrite(plan, op, json, Json.object(json, "Item"), CapacityUnits.itemSize(orEmpty(
          Json.object(json, "Item"))));
      case "UpdateItem" -> singleWrite(plan, op, json, Json.object(json, "Key"), updateSize(json));
      case "DeleteItem" -> singleWrite(plan, op, json, Json.object(json, "Key"),
          CapacityUnits.itemSize(orEmpty(Json.object(json, "Key"))));
      case "GetItem" -> singleRead(plan, op, json, Json.object(json, "Key"));
      case "Query" -> query(plan, op, json);
      case "BatchWriteItem", "BatchGetItem" -> {
        if (batch != null) {
          batch(plan, op, batch);
        }
      }
      case "TransactWriteItems", "TransactGetItems" -> transaction(plan, op, json);
      default -> {
        // scans, PartiQL and control-plane calls have no single partition to charge
      }
    }
  }

  private void singleWrite(Plan plan, String op, Map<String, Object> json, @Nullable Map<String, Object> itemOrKey,
      long sizeBytes) {
    String table = Json.string(json, "TableName");
    String key = keyOf(table, itemOrKey);
    if (table == null || key == null) {
      return;
    }
    if (!simulator.writeBucket(table, key).tryTake(CapacityUnits.writeUnits(sizeBytes, false))) {
      throttle(plan, op, table);
    }
  }

  private void singleRead(Plan plan, String op, Map<String, Object> json, @Nullable Map<String, Object> key) {
    String table = Json.string(json, "TableName");
    String keyJson = keyOf(table, key);
    if (table == null || keyJson == null) {
      return;
    }
    TokenBucket bucket = simulator.readBucket(table, keyJson);
    if (!bucket.hasTokens()) {
      throttle(plan, op, table);
      return;
    }
    ReadMode mode = consistent(json) ? ReadMode.STRONGLY_CONSISTENT : ReadMode.EVENTUALLY_CONSISTENT;
    plan.onSuccess = response -> {
      Map<String, Object> item = Json.object(response, "Item");
      bucket.charge(CapacityUnits.readUnits(item == null ? 0 : CapacityUnits.itemSize(item), mode));
    };
  }

  private void query(Plan plan, String op, Map<String, Object> json) {
    String table = Json.string(json, "TableName");
    if (table == null || json.containsKey("IndexName")) {
      return;
    }
    String pk = simulator.partitionKey(table).orElse(null);
    if (pk == null) {
      return;
    }
    Object value = queryKeyValue(json, pk);
    if (value == null) {
      return;
    }
    TokenBucket bucket = simulator.readBucket(table, Json.write(value));
    if (!bucket.hasTokens()) {
      throttle(plan, op, table);
      return;
    }
    ReadMode mode = consistent(json) ? ReadMode.STRONGLY_CONSISTENT : ReadMode.EVENTUALLY_CONSISTENT;
    plan.onSuccess = response -> {
      long size = 0;
      List<Object> items = Json.array(response, "Items");
      if (items != null) {
        for (Object o : items) {
          if (o instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) o;
            size += CapacityUnits.itemSize(item);
          }
        }
      }
      bucket.charge(CapacityUnits.readUnits(size, mode));
    };
  }

  private void batch(Plan plan, String op, BatchRewrite batch) {
    int throttled = 0;
    String lastTable = "";
    for (BatchRewrite.Entry e : batch.remaining()) {
      String key = keyOf(e.table(), e.itemOrKey());
      if (key == null) {
        continue;
      }
      boolean admitted;
      if (batch.isWrite()) {
        long size = CapacityUnits.itemSize(e.itemOrKey());
        admitted = simulator.writeBucket(e.table(), key).tryTake(CapacityUnits.writeUnits(size, false));
      } else {
        ReadMode mode = batch.consistentRead(e.table()) ? ReadMode.STRONGLY_CONSISTENT
            : ReadMode.EVENTUALLY_CONSISTENT;
        admitted = simulator.readBucket(e.table(), key).tryTake(CapacityUnits.readUnits(0, mode));
      }
      if (!admitted) {
        batch.holdBack(e);
        throttled++;
        lastTable = e.table();
      }
    }
    if (throttled == 0) {
      return;
    }
    if (!batch.anyRemaining()) {
      throttle(plan, op, lastTable);
      return;
    }
    counters.injected(FaultKind.HOT_PARTITION, op);
  }

  private void transaction(Plan plan, String op, Map<String, Object> json) {
    List<Object> items = Json.array(json, "TransactItems");
    if (items == null) {
      return;
    }
    boolean write = "TransactWriteItems".equals(op);
    List<TokenBucket> taken = new ArrayList<>();
    List<Double> units = new ArrayList<>();
    List<Integer> failed = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Map<?, ?> wrapper) || wrapper.size() != 1) {
        continue;
      }
      Map.Entry<?, ?> action = wrapper.entrySet().iterator().next();
      if (!(action.getValue() instanceof Map<?, ?> raw)) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> a = (Map<String, Object>) raw;
      String table = Json.string(a, "TableName");
      Map<String, Object> itemOrKey = "Put".equals(action.getKey()) ? Json.object(a, "Item") : Json.object(a, "Key");
      String key = keyOf(table, itemOrKey);
      if (table == null || key == null) {
        continue;
      }
      TokenBucket bucket;
      double cost;
      if (write) {
        long size = "Update".equals(action.getKey()) ? updateSize(a) : CapacityUnits.itemSize(orEmpty(itemOrKey));
        bucket = simulator.writeBucket(table, key);
        cost = CapacityUnits.writeUnits(size, true);
      } else {
        bucket = simulator.readBucket(table, key);
        cost = CapacityUnits.readUnits(0, ReadMode.TRANSACTIONAL);
      }
      if (bucket.tryTake(cost)) {
        taken.add(bucket);
        units.add(cost);
      } else {
        failed.add(i);
      }
    }
    if (failed.isEmpty()) {
      return;
    }
    for (int i = 0; i < taken.size(); i++) {
      taken.get(i).refund(units.get(i));
    }
    counters.injected(FaultKind.HOT_PARTITION, op);
    plan.reply = WireResponse.transactionCanceled(items.size(), failed, "ThrottlingError",
        "Throughput exceeds the current capacity of your table or index. Check if you have a hot key.",
        plan.requestId);
  }

  private void throttle(Plan plan, String op, String table) {
    counters.injected(FaultKind.HOT_PARTITION, op);
    String reason = "Table" + (READS.contains(op) ? "Read" : "Write") + "KeyRangeThroughputExceeded";
    plan.reply = WireResponse.throttlingError(400, THROTTLE_TYPE,
        "Throughput exceeds the current capacity for one or more partition keys of table " + table
            + " (simulated hot partition).", plan.requestId,
        List.of(Map.entry(reason, "arn:aws:dynamodb:local:000000000000:table/" + table)));
  }

  private @Nullable String keyOf(@Nullable String table, @Nullable Map<String, Object> itemOrKey) {
    if (table == null || itemOrKey == null) {
      return null;
    }
    String pk = simulator.partitionKey(table).orElse(null);
    if (pk == null) {
      return null;
    }
    Object value = itemOrKey.get(pk);
    return value == null ? null : Json.write(value);
  }

  /** The partition key value of a query: {@code pk = :v} in the key condition, or legacy {@code KeyConditions}. */
  static @Nullable Object queryKeyValue(Map<String, Object> json, String pk) {
    Map<String, Object> names = Json.object(json, "ExpressionAttributeNames");
    Map<String, Object> values = Json.object(json, "ExpressionAttributeValues");
    String condition = Json.string(json, "KeyConditionExpression");
    if (condition != null && values != null) {
      Matcher m = NAME_EQ_VALUE.matcher(condition);
      while (m.find()) {
        if (pk.equals(resolve(m.group(1), names))) {
          return values.get(m.group(2));
        }
      }
      m = VALUE_EQ_NAME.matcher(condition);
      while (m.find()) {
        if (pk.equals(resolve(m.group(2), names))) {
          return values.get(m.group(1));
        }
      }
    }
    Map<String, Object> legacy = Json.object(Json.object(json, "KeyConditions"), pk);
    List<Object> list = Json.array(legacy, "AttributeValueList");
    if (list != null && list.size() == 1 && "EQ".equals(Json.string(legacy, "ComparisonOperator"))) {
      return list.get(0);
    }
    return null;
  }

  private static String resolve(String name, @Nullable Map<String, Object> names) {
    if (name.startsWith("#") && names != null && names.get(name) instanceof String real) {
      return real;
    }
    return name;
  }

  private static long updateSize(Map<String, Object> json) {
    long size = CapacityUnits.itemSize(orEmpty(Json.object(json, "Key")));
    Map<String, Object> values = Json.object(json, "ExpressionAttributeValues");
    if (values != null) {
      for (Object v : values.values()) {
        size += CapacityUnits.valueSize(v);
      }
    }
    Map<String, Object> legacy = Json.object(json, "AttributeUpdates");
    if (legacy != null) {
      for (Map.Entry<String, Object> e : legacy.entrySet()) {
        size += e.getKey().length();
        if (e.getValue() instanceof Map<?, ?> u && u.get("Value") != null) {
          size += CapacityUnits.valueSize(u.get("Value"));
        }
      }
    }
    return size;
  }

  private static boolean consistent(Map<String, Object> json) {
    return Boolean.TRUE.equals(json.get("ConsistentRead"));
  }

  private static Map<String, Object> orEmpty(@Nullable Map<String, Object> m) {
    return m == null ? Map.of() : m;
  }
}
