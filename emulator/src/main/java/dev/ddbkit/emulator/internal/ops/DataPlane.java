package dev.ddbkit.emulator.internal.ops;

import dev.ddbkit.emulator.internal.error.DynamoException;
import dev.ddbkit.emulator.internal.expr.Condition;
import dev.ddbkit.emulator.internal.expr.ExpressionContext;
import dev.ddbkit.emulator.internal.expr.ExpressionKind;
import dev.ddbkit.emulator.internal.expr.Expressions;
import dev.ddbkit.emulator.internal.expr.KeyCondition;
import dev.ddbkit.emulator.internal.expr.Path;
import dev.ddbkit.emulator.internal.expr.Projection;
import dev.ddbkit.emulator.internal.expr.Update;
import dev.ddbkit.emulator.internal.store.Index;
import dev.ddbkit.emulator.internal.store.KeySchema;
import dev.ddbkit.emulator.internal.store.Table;
import dev.ddbkit.emulator.internal.value.Value;
import dev.ddbkit.emulator.internal.wire.Attributes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Item operations: GetItem, PutItem, UpdateItem, DeleteItem, Query, Scan, BatchGetItem, BatchWriteItem. */
final class DataPlane {
  static final long PAGE_BYTES = 1024 * 1024;
  private static final long FIVE_YEARS_SECONDS = 5L * 365 * 24 * 3600;
  private static final List<String> LEGACY = List.of(
      "KeyConditions", "QueryFilter", "ScanFilter", "Expected", "AttributeUpdates", "ConditionalOperator");

  private final Engine engine;

  DataPlane(Engine engine) {
    this.engine = engine;
  }

  // ---- expressions ---------------------------------------------------------------------------------

  /** The expressions of one request (or one transaction action), parsed and checked. */
  static final class Parsed {
    Optional<Condition> condition = Optional.empty();
    Optional<Condition> filter = Optional.empty();
    Optional<Projection> projection = Optional.empty();
    Optional<KeyCondition> keyCondition = Optional.empty();
    Optional<Update> update = Optional.empty();
  }

  static Parsed parse(Request r) {
    return parse(r, Optional.empty());
  }

  /** As {@link #parse(Request)}; a Query passes the key schema it reads, so its key condition is read against it. */
  static Parsed parse(Request r, Optional<KeySchema> keySchema) {
    for (String legacy : LEGACY) {
      if (r.has(legacy)) {
        throw DynamoException.validation("The legacy parameter " + legacy
            + " is not supported by the ddbkit emulator; use the expression parameters instead");
      }
    }
    boolean anyExpression = false;
    for (String e : List.of("ConditionExpression", "FilterExpression", "ProjectionExpression",
        "KeyConditionExpression", "UpdateExpression")) {
      anyExpression |= r.has(e);
    }
    if (!anyExpression && r.has("ExpressionAttributeNames")) {
      throw DynamoException.validation("ExpressionAttributeNames can only be specified when using expressions");
    }
    if (!anyExpression && r.has("ExpressionAttributeValues")) {
      throw DynamoException.validation("ExpressionAttributeValues can only be specified when using expressions");
    }
    if (r.has("AttributesToGet") && r.has("ProjectionExpression")) {
      throw DynamoException.validation("Can not use both expression and non-expression parameters in the same request: "
          + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
    }
    Parsed p = new Parsed();
    if (r.has("AttributesToGet")) {
      List<Path> paths = new ArrayList<>();
      for (Object o : r.list("AttributesToGet")) {
        paths.add(Path.of((String) o));
      }
      p.projection = Optional.of(Projection.of(paths));
    }
    if (!anyExpression) {
      return p;
    }
    ExpressionContext ctx = new ExpressionContext(r.strings("ExpressionAttributeNames"),
        r.item("ExpressionAttributeValues").orElse(Map.of()));
    // with the schema known, the partition key is told from the sort key by name, whatever their order
    r.string("KeyConditionExpression").ifPresent(e -> p.keyCondition = Optional.of(keySchema.isPresent()
        ? Expressions.keyCondition(e, ctx, keySchema.get().hash(), keySchema.get().range())
        : Expressions.keyCondition(e, ctx)));
    r.string("FilterExpression").ifPresent(e -> p.filter = Optional.of(Expressions.condition(e, ctx, ExpressionKind.FILTER)));
    r.string("ConditionExpression").ifPresent(e -> p.condition = Optional.of(Expressions.condition(e, ctx)));
    r.string("UpdateExpression").ifPresent(e -> p.update = Optional.of(Expressions.update(e, ctx)));
    r.string("ProjectionExpression").ifPresent(e -> p.projection = Optional.of(Expressions.projection(e, ctx)));
    ctx.checkAllUsed();
    return p;
  }

  static String returnValues(Request r, Set<String> allowed) {
    String rv = r.string("ReturnValues").orElse("NONE");
    if (!allowed.contains(rv)) {
      throw DynamoException.validation("Return values set to invalid value");
    }
    return rv;
  }

  static boolean returnOldOnFailure(Request r) {
    String rv = r.string("ReturnValuesOnConditionCheckFailure").orElse("NONE");
    if (!rv.equals("NONE") && !rv.equals("ALL_OLD")) {
      throw DynamoException.validation("1 validation error detected: Value '" + rv
          + "' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]");
    }
    return rv.equals("ALL_OLD");
  }

  static DynamoException conditionFailed(Optional<Map<String, Value>> old, boolean returnOld) {
    Map<String, Object> extra = new LinkedHashMap<>();
    if (returnOld && old.isPresent()) {
      extra.put("Item", Attributes.toJson(old.get()));
    }
    return new DetailedException("ConditionalCheckFailedException", 400, "The conditional request failed", extra);
  }

  // ---- GetItem -------------------------------------------------------------------------------------

  Map<String, Object> getItem(String region, Request r) {
    Table table = engine.table(region, r.required("TableName"));
    Map<String, Value> key = Items.key(table, r.item("Key").orElseThrow(() -> missing("key")));
    Parsed p = parse(r);
    Capacity.Mode mode = Capacity.mode(r);
    boolean consistent = r.bool("ConsistentRead").orElse(false);
    Optional<Value> pk = Optional.of(key.get(table.schema().hash()));
    engine.throughput.admit(table, pk, false);
    Optional<Map<String, Value>> item = table.get(key);
    Map<String, Object> out = new LinkedHashMap<>();
    item.ifPresent(i -> out.put("Item", Attributes.toJson(p.projection.map(pr -> pr.apply(i)).orElse(i))));
    Capacity c = new Capacity(table.name()).read(Capacity.readUnits(item.map(Attributes::size).orElse(0L), consistent));
    engine.throughput.charge(table, pk, false, c.tableUnits());
    Capacity.put(out, mode, c);
    return out;
  }

  static DynamoException missing(String member) {
    return DynamoException.validation("1 validation error detected: Value null at '" + member
        + "' failed to satisfy constraint: Member must not be null");
  }

  // ---- single-item writes --------------------------------------------------------------------------

  /** The outcome of a write: the item before and after. */
  record Outcome(Optional<Map<String, Value>> old, Optional<Map<String, Value>> next) {}

  Map<String, Object> putItem(String region, Request r) {
    Table table = engine.table(region, r.required("TableName"));
    Map<String, Value> item = r.item("Item").orElseThrow(() -> missing("item"));
    Items.item(table, item);
    Parsed p = parse(r);
    String rv = returnValues(r, Set.of("NONE", "ALL_OLD"));
    boolean returnOld = returnOldOnFailure(r);
    Capacity.Mode mode = Capacity.mode(r);
    engine.throughput.admit(table, Optional.of(item.get(table.schema().hash())), true);
    Outcome o = write(table, table.schema().keyOf(item), p.condition, returnOld, old -> Optional.of(item));
    return writeResponse(table, rv, o, List.of(), mode);
  }

  Map<String, Object> deleteItem(String region, Request r) {
    Table table = engine.table(region, r.required("TableName"));
    Map<String, Value> key = Items.key(table, r.item("Key").orElseThrow(() -> missing("key")));
    Parsed p = parse(r);
    String rv = returnValues(r, Set.of("NONE", "ALL_OLD"));
    boolean returnOld = returnOldOnFailure(r);
    Capacity.Mode mode = Capacity.mode(r);
    engine.throughput.admit(table, Optional.of(key.get(table.schema().hash())), true);
    Outcome o = write(table, key, p.condition, returnOld, old -> Optional.empty());
    return writeResponse(table, rv, o, List.of(), mode);
  }

  Map<String, Object> updateItem(String region, Request r) {
    Table table = engine.table(region, r.required("TableName"));
    Map<String, Value> key = Items.key(table, r.item("Key").orElseThrow(() -> missing("key")));
    Parsed p = parse(r);
    String rv = returnValues(r, Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"));
    boolean returnOld = returnOldOnFailure(r);
    Capacity.Mode mode = Capacity.mode(r);
    checkKeyNotUpdated(table, p.update);
    engine.throughput.admit(table, Optional.of(key.get(table.schema().hash())), true);
    Outcome o = write(table, key, p.condition, returnOld, old -> Optional.of(updated(table, key, old, p.update)));
    return writeResponse(table, rv, o, p.update.map(Update::paths).orElse(List.of()), mode);
  }

  static void checkKeyNotUpdated(Table table, Optional<Update> update) {
    if (update.isPresent()) {
      for (Path path : update.get().paths()) {
        if (table.schema().isKeyAttribute(path.topLevel())) {
          throw DynamoException.validation("One or more parameter values were invalid: Cannot update attribute "
              + path.topLevel() + ". This attribute is part of the key");
        }
      }
    }
  }

  static Map<String, Value> updated(Table table, Map<String, Value> key, Optional<Map<String, Value>> old, Optional<Update> update) {
    Map<String, Value> base = new LinkedHashMap<>(old.orElse(key));
    Map<String, Value> next = update.isPresent() ? new LinkedHashMap<>(update.get().apply(base)) : base;
    next.putAll(key);
    Items.item(table, next);
    return next;
  }

  Outcome write(Table table, Map<String, Value> key, Optional<Condition> condition, boolean returnOld,
      Function<Optional<Map<String, Value>>, Optional<Map<String, Value>>> change) {
    return table.write(key, (old, writer) -> {
      if (condition.isPresent() && !condition.get().test(old.orElse(Map.of()))) {
        throw conditionFailed(old, returnOld);
      }
      Optional<Map<String, Value>> next = change.apply(old);
      writer.store(old, next);
      return new Outcome(old, next);
    });
  }

  Map<String, Object> writeResponse(Table table, String rv, Outcome o, List<Path> updatedPaths, Capacity.Mode mode) {
    Map<String, Object> out = new LinkedHashMap<>();
    Optional<Map<String, Value>> attributes = switch (rv) {
      case "ALL_OLD" -> o.old();
      case "ALL_NEW" -> o.next();
      case "UPDATED_OLD" -> o.old().map(i -> Projection.of(updatedPaths).apply(i));
      case "UPDATED_NEW" -> o.next().map(i -> Projection.of(updatedPaths).apply(i));
      default -> Optional.empty();
    };
    attributes.filter(a -> !a.isEmpty()).ifPresent(a -> out.put("Attributes", Attributes.toJson(a)));
    Capacity c = writeCapacity(table, o);
    Map<String, Value> any = o.next().or(o::old).orElse(Map.of());
    engine.throughput.charge(table, Optional.ofNullable(any.get(table.schema().hash())), true, c.tableUnits());
    Capacity.put(out, mode, c);
    return out;
  }

  /** Write units of one item change, for the table and each index the change touches. */
  static Capacity writeCapacity(Table table, Outcome o) {
    Capacity c = new Capacity(table.name());
    long oldSize = o.old().map(Attributes::size).orElse(0L);
    long newSize = o.next().map(Attributes::size).orElse(0L);
    c.write(Capacity.writeUnits(Math.max(oldSize, newSize)));
    for (Index i : table.globalIndexes().values()) {
      indexWrite(c, i, o);
    }
    for (Index i : table.localIndexes().values()) {
      indexWrite(c, i, o);
    }
    return c;
  }

  private static void indexWrite(Capacity c, Index i, Outcome o) {
    Optional<Map<String, Value>> before = o.old().filter(x -> i.schema().covers(x)).map(i::project);
    Optional<Map<String, Value>> after = o.next().filter(x -> i.schema().covers(x)).map(i::project);
    double units = 0;
    if (before.isPresent() && after.isPresent()) {
      if (!i.entryKey(before.get()).equals(i.entryKey(after.get()))) {
        units = Capacity.writeUnits(Attributes.size(before.get())) + Capacity.writeUnits(Attributes.size(after.get()));
      } else if (!before.get().equals(after.get())) {
        units = Capacity.writeUnits(Math.max(Attributes.size(before.get()), Attributes.size(after.get())));
      }
    } else if (before.isPresent()) {
      units = Capacity.writeUnits(Attributes.size(before.get()));
    } else if (after.isPresent()) {
      units = Capacity.writeUnits(Attributes.size(after.get()));
    }
    if (units > 0) {
      c.index(i.name(), i.global(), units, true);
    }
  }

  // ---- Query and Scan ------------------------------------------------------------------------------

  Map<String, Object> query(String region, Request r) {
    Table table = engine.table(region, r.required("TableName"));
    Optional<Index> index = indexOf(table, r);
    KeySchema schema = index.map(Index::schema).orElse(table.schema());
    if (!r.has("KeyConditionExpression")) {
      throw DynamoException.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    }
    Parsed p = parse(r, Optional.of(schema));
    rejectKeyAttributesInFilter(r, schema);
    KeyCondition kc = p.keyCondition.get();
    kc.validateAgainst(schema.hash(), schema.range());
    if (!kc.partitionValue().type().equals(schema.hashType())) {
      throw DynamoException.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
    }
    kc.sort().ifPresent(sc -> {
      if (!sc.first().type().equals(schema.rangeType().get())) {
        throw DynamoException.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
      }
    });
    boolean forward = r.bool("ScanIndexForward").orElse(true);
    Read read = read(table, index, r, p);
    Optional<Map<String, Value>> start = startKey(table, index, r);
    Optional<Value> pk = index.isPresent() ? Optional.empty() : Optional.of(kc.partitionValue());
    engine.throughput.admit(table, pk, false);
    Iterator<Map<String, Value>> items;
    if (index.isPresent()) {
      items = index.get().query(kc.partitionValue(), start.map(s -> index.get().entryKey(s)), forward);
    } else {
      items = table.query(kc.partitionValue(), start.flatMap(s -> schema.range().map(s::get)), forward);
    }
    Optional<String> range = schema.range();
    Optional<KeyCondition.SortCondition> sort = kc.sort();
    return page(table, index, r, p, read, items, item -> sort.isEmpty() || sort.get().matches(item.get(range.get())), true, pk);
  }

  private static final java.util.regex.Pattern TOP_LEVEL_NAME =
      java.util.regex.Pattern.compile("(?<![.\\w#:])(#?[A-Za-z_][A-Za-z0-9_]*)");

  /**
   * A Query's FilterExpression may not name the key attributes of the table or index it reads (DynamoDB: "Filter
   * Expression can only contain non-primary key attributes"). The expression has already parsed, so scanning its
   * top-level names (not map keys after a dot, not values, not function names) is enough here.
   */
  static void rejectKeyAttributesInFilter(Request r, KeySchema schema) {
    Optional<String> filter = r.string("FilterExpression");
    if (filter.isEmpty()) {
      return;
    }
    Map<String, String> names = r.strings("ExpressionAttributeNames");
    String text = filter.get();
    java.util.regex.Matcher m = TOP_LEVEL_NAME.matcher(text);
    while (m.find()) {
      int next = m.end();
      while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
        next++;
      }
      if (next < text.length() && text.charAt(next) == '(') {
        continue;
      }
      String token = m.group(1);
      String name = token.startsWith("#") ? names.getOrDefault(token, token) : token;
      if (name.equals(schema.hash()) || schema.range().map(name::equals).orElse(false)) {
        throw DynamoException.validation(
            "Filter Expression can only contain non-primary key attributes: Primary key attribute: " + name);
      }
    }
  }

  Map<String, Object> scan(String region, Request r) {
    Table table = engine.table(region, r.required("TableName"));
    Optional<Index> index = indexOf(table, r);
    Parsed p = parse(r);
    if (p.keyCondition.isPresent()) {
      throw DynamoException.validation("KeyConditionExpression can only be specified for Query");
    }
    Optional<Long> segment = r.integer("Segment");
    Optional<Long> total = r.integer("TotalSegments");
    if (segment.isPresent() && total.isEmpty()) {
      throw DynamoException.validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
    }
    if (total.isPresent() && segment.isEmpty()) {
      throw DynamoException.validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
    }
    if (total.isPresent() && (total.get() < 1 || total.get() > 1_000_000)) {
      throw DynamoException.validation("1 validation error detected: Value '" + total.get()
          + "' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to 1000000");
    }
    if (segment.isPresent() && (segment.get() < 0 || segment.get() >= total.get())) {
      throw DynamoException.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: "
          + segment.get() + " is not less than TotalSegments: " + total.get());
    }
    Read read = read(table, index, r, p);
    Optional<Map<String, Value>> start = startKey(table, index, r);
    engine.throughput.admit(table, Optional.empty(), false);
    int seg = segment.orElse(0L).intValue();
    int tot = total.orElse(1L).intValue();
    Iterator<Map<String, Value>> items = index.isPresent()
        ? index.get().scan(seg, tot, start)
        : table.scan(seg, tot, start);
    return page(table, index, r, p, read, items, item -> true, false, Optional.empty());
  }

  private static Optional<Index> indexOf(Table table, Request r) {
    Optional<String> name = r.string("IndexName");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(table.index(name.get()).orElseThrow(() -> DynamoException.validation(
        "The table does not have the specified index: " + name.get())));
  }

  /** How a Query or Scan reads: consistency, what it returns, whether it must fetch table items (LSI). */
  record Read(boolean consistent, String select, boolean fetchFromTable, long limit) {}

  private static Read read(Table table, Optional<Index> index, Request r, Parsed p) {
    boolean consistent = r.bool("ConsistentRead").orElse(false);
    if (consistent && index.isPresent() && index.get().global()) {
      throw DynamoException.validation("Consistent reads are not supported on global secondary indexes");
    }
    String select = r.string("Select").orElse(p.projection.isPresent() ? "SPECIFIC_ATTRIBUTES"
        : index.isPresent() ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES");
    if (!Set.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT").contains(select)) {
      throw DynamoException.validation("1 validation error detected: Value '" + select
          + "' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
    }
    if (p.projection.isPresent() && !select.equals("SPECIFIC_ATTRIBUTES")) {
      throw DynamoException.validation("Cannot specify the AttributesToGet or ProjectionExpression when choosing to get " + select);
    }
    if (select.equals("SPECIFIC_ATTRIBUTES") && p.projection.isEmpty()) {
      throw DynamoException.validation("SPECIFIC_ATTRIBUTES requires AttributesToGet or ProjectionExpression");
    }
    if (select.equals("ALL_PROJECTED_ATTRIBUTES") && index.isEmpty()) {
      throw DynamoException.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
    }
    boolean fetch = false;
    if (index.isPresent() && index.get().projectionType() != Index.ProjectionType.ALL) {
      boolean needsMore = select.equals("ALL_ATTRIBUTES")
          || (select.equals("SPECIFIC_ATTRIBUTES") && p.projection.get().paths().stream()
              .anyMatch(path -> !index.get().projects(path.topLevel())));
      if (needsMore && index.get().global()) {
        if (select.equals("ALL_ATTRIBUTES")) {
          throw DynamoException.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index "
              + index.get().name() + " because its projection type is not ALL");
        }
      } else {
        fetch = needsMore;
      }
    }
    long limit = r.integer("Limit").orElse(Long.MAX_VALUE);
    if (limit < 1) {
      throw DynamoException.validation("1 validation error detected: Value '" + limit
          + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }
    return new Read(consistent, select, fetch, limit);
  }

  private static Optional<Map<String, Value>> startKey(Table table, Optional<Index> index, Request r) {
    Optional<Map<String, Value>> start = r.item("ExclusiveStartKey");
    if (start.isEmpty()) {
      return start;
    }
    Set<String> expected = new HashSet<>();
    expected.add(table.schema().hash());
    table.schema().range().ifPresent(expected::add);
    index.ifPresent(i -> {
      expected.add(i.schema().hash());
      i.schema().range().ifPresent(expected::add);
    });
    Map<String, Value> s = start.get();
    boolean ok = s.keySet().equals(expected) && table.schema().covers(s) && index.map(i -> i.schema().covers(s)).orElse(true);
    if (!ok) {
      throw DynamoException.validation("The provided starting key is invalid: The provided key element does not match the schema");
    }
    return start;
  }

  private Map<String, Object> page(Table table, Optional<Index> index, Request r, Parsed p, Read read,
      Iterator<Map<String, Value>> items, java.util.function.Predicate<Map<String, Value>> keyMatch, boolean contiguous,
      Optional<Value> partitionKey) {
    Capacity.Mode mode = Capacity.mode(r);
    List<Object> out = new ArrayList<>();
    long scanned = 0;
    long count = 0;
    long bytes = 0;
    long fetchedBytes = 0;
    boolean matchedBefore = false;
    Map<String, Value> last = null;
    boolean stopped = false;
    while (items.hasNext()) {
      Map<String, Value> item = items.next();
      if (!keyMatch.test(item)) {
        if (contiguous && matchedBefore) {
          break;
        }
        continue;
      }
      matchedBefore = true;
      scanned++;
      bytes += Attributes.size(item);
      last = item;
      Map<String, Value> full = item;
      if (read.fetchFromTable()) {
        Optional<Map<String, Value>> fromTable = table.get(table.schema().keyOf(item));
        if (fromTable.isPresent()) {
          full = fromTable.get();
          fetchedBytes += Attributes.size(full);
        }
      }
      if (p.filter.isEmpty() || p.filter.get().test(full)) {
        count++;
        if (!read.select().equals("COUNT")) {
          Map<String, Value> shown = p.projection.isPresent() ? p.projection.get().apply(full) : full;
          out.add(Attributes.toJson(shown));
        }
      }
      if (scanned >= read.limit() || bytes >= PAGE_BYTES) {
        stopped = true;
        break;
      }
    }
    Map<String, Object> response = new LinkedHashMap<>();
    if (!read.select().equals("COUNT")) {
      response.put("Items", out);
    }
    response.put("Count", count);
    response.put("ScannedCount", scanned);
    if (stopped && last != null && (scanned >= read.limit() || items.hasNext())) {
      Map<String, Value> lek = new LinkedHashMap<>(table.schema().keyOf(last));
      if (index.isPresent()) {
        lek.putAll(index.get().schema().keyOf(last));
      }
      response.put("LastEvaluatedKey", Attributes.toJson(lek));
    }
    Capacity c = new Capacity(table.name());
    double units = Capacity.readUnits(bytes, read.consistent());
    if (index.isPresent()) {
      c.index(index.get().name(), index.get().global(), units, false);
      if (fetchedBytes > 0) {
        c.read(Capacity.readUnits(fetchedBytes, read.consistent()));
      }
    } else {
      c.read(units);
    }
    engine.throughput.charge(table, partitionKey, false, index.isPresent() ? units : c.tableUnits());
    Capacity.put(response, mode, c);
    return response;
  }

  // ---- Batches -------------------------------------------------------------------------------------

  Map<String, Object> batchGetItem(String region, Request r) {
    Request items = r.requiredObject("RequestItems");
    Capacity.Mode mode = Capacity.mode(r);
    int total = 0;
    Map<String, Object> responses = new LinkedHashMap<>();
    Map<String, Capacity> capacity = new LinkedHashMap<>();
    record Plan(Table table, List<Map<String, Value>> keys, Parsed parsed, boolean consistent) {}
    List<Plan> plans = new ArrayList<>();
    for (Map.Entry<String, Object> e : items.json().entrySet()) {
      Table table = engine.table(region, e.getKey());
      Request t = Request.of(e.getValue());
      List<Map<String, Value>> keys = new ArrayList<>();
      Set<Map<String, Value>> seen = new HashSet<>();
      for (Object k : t.list("Keys")) {
        Map<String, Value> key = Items.key(table, Attributes.item(k));
        if (!seen.add(key)) {
          throw DynamoException.validation("Provided list of item keys contains duplicates");
        }
        keys.add(key);
      }
      total += keys.size();
      plans.add(new Plan(table, keys, parse(t), t.bool("ConsistentRead").orElse(false)));
    }
    if (total > 100) {
      throw DynamoException.validation("Too many items requested for the BatchGetItem call");
    }
    if (plans.isEmpty()) {
      throw DynamoException.validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }
    for (Plan plan : plans) {
      engine.throughput.admit(plan.table(), Optional.empty(), false);
    }
    for (Plan plan : plans) {
      List<Object> found = new ArrayList<>();
      Capacity c = new Capacity(plan.table().name());
      for (Map<String, Value> key : plan.keys()) {
        Optional<Map<String, Value>> item = plan.table().get(key);
        c.read(Capacity.readUnits(item.map(Attributes::size).orElse(0L), plan.consistent()));
        item.ifPresent(i -> found.add(Attributes.toJson(plan.parsed().projection.map(pr -> pr.apply(i)).orElse(i))));
      }
      responses.put(plan.table().name(), found);
      engine.throughput.charge(plan.table(), Optional.empty(), false, c.tableUnits());
      capacity.put(plan.table().name(), c);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("Responses", responses);
    out.put("UnprocessedKeys", Map.of());
    Capacity.putList(out, mode, capacity);
    return out;
  }

  Map<String, Object> batchWriteItem(String region, Request r) {
    Request items = r.requiredObject("RequestItems");
    Capacity.Mode mode = Capacity.mode(r);
    record Write(Table table, Map<String, Value> key, Optional<Map<String, Value>> item) {}
    List<Write> writes = new ArrayList<>();
    for (Map.Entry<String, Object> e : items.json().entrySet()) {
      Table table = engine.table(region, e.getKey());
      Set<Map<String, Value>> seen = new HashSet<>();
      if (!(e.getValue() instanceof List<?> list)) {
        throw DynamoException.serialization("Expected a list of write requests");
      }
      for (Object o : list) {
        Request w = Request.of(o);
        Write write;
        if (w.has("PutRequest") && !w.has("DeleteRequest")) {
          Map<String, Value> item = w.requiredObject("PutRequest").item("Item").orElseThrow(() -> missing("item"));
          Items.item(table, item);
          write = new Write(table, table.schema().keyOf(item), Optional.of(item));
        } else if (w.has("DeleteRequest") && !w.has("PutRequest")) {
          Map<String, Value> key = Items.key(table,
              w.requiredObject("DeleteRequest").item("Key").orElseThrow(() -> missing("key")));
          write = new Write(table, key, Optional.empty());
        } else {
          throw DynamoException.validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        if (!seen.add(write.key())) {
          throw DynamoException.validation("Provided list of item keys contains duplicates");
        }
        writes.add(write);
      }
    }
    if (writes.isEmpty() || writes.size() > 25) {
      throw DynamoException.validation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: "
          + "Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
    }
    for (Write w : writes) {
      engine.throughput.admit(w.table(), Optional.of(w.key().get(w.table().schema().hash())), true);
    }
    Map<String, Capacity> capacity = new LinkedHashMap<>();
    for (Write w : writes) {
      Outcome o = write(w.table(), w.key(), Optional.empty(), false, old -> w.item());
      Capacity c = writeCapacity(w.table(), o);
      engine.throughput.charge(w.table(), Optional.of(w.key().get(w.table().schema().hash())), true, c.tableUnits());
      capacity.computeIfAbsent(w.table().name(), Capacity::new).add(c);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("UnprocessedItems", Map.of());
    Capacity.putList(out, mode, capacity);
    return out;
  }

  // ---- TTL -----------------------------------------------------------------------------------------

  int sweepExpired() {
    long now = engine.clock.instant().getEpochSecond();
    int deleted = 0;
    for (Table table : engine.catalog.all()) {
      Optional<String> attribute;
      synchronized (table.settings()) {
        attribute = table.settings().ttlAttribute;
      }
      if (attribute.isEmpty()) {
        continue;
      }
      String a = attribute.get();
      Iterator<Map<String, Value>> it = table.scan(0, 1, Optional.empty());
      while (it.hasNext()) {
        Map<String, Value> item = it.next();
        if (expired(item.get(a), now)) {
          Map<String, Value> key = table.schema().keyOf(item);
          boolean removed = table.write(key, (old, writer) -> {
            if (old.isPresent() && expired(old.get().get(a), now)) {
              writer.store(old, Optional.empty());
              return true;
            }
            return false;
          });
          if (removed) {
            deleted++;
          }
        }
      }
    }
    return deleted;
  }

  /** DynamoDB deletes items whose TTL (epoch seconds) has passed, but ignores times more than 5 years old. */
  private static boolean expired(Value v, long now) {
    if (!(v instanceof Value.N n)) {
      return false;
    }
    BigDecimal t = n.value();
    return t.compareTo(BigDecimal.valueOf(now)) < 0 && t.compareTo(BigDecimal.valueOf(now - FIVE_YEARS_SECONDS)) >= 0;
  }
}
