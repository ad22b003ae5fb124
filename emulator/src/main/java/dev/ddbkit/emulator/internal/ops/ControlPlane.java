package dev.ddbkit.emulator.internal.ops;

import dev.ddbkit.emulator.internal.error.DynamoException;
import dev.ddbkit.emulator.internal.store.Index;
import dev.ddbkit.emulator.internal.store.KeySchema;
import dev.ddbkit.emulator.internal.store.Table;
import dev.ddbkit.emulator.internal.store.TableSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** Table management: create, describe, list, update, delete, TTL, tags, backups (metadata only). */
final class ControlPlane {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
  private static final int MAX_GSIS = 20;
  private static final int MAX_LSIS = 5;

  private final Engine engine;
  /** Backups by ARN; metadata only. */
  private final ConcurrentSkipListMap<String, Map<String, Object>> backups = new ConcurrentSkipListMap<>();
  private final Map<String, String> backupRegions = new ConcurrentHashMap<>();
  private final AtomicLong backupSequence = new AtomicLong();

  ControlPlane(Engine engine) {
    this.engine = engine;
  }

  // ---- CreateTable -------------------------------------------------------------------------------

  Map<String, Object> createTable(String region, Request r) {
    String name = r.required("TableName");
    checkTableName(name, "tableName");
    Map<String, String> definitions = new LinkedHashMap<>();
    for (Object o : r.list("AttributeDefinitions")) {
      Request d = Request.of(o);
      String type = d.required("AttributeType");
      if (!Set.of("S", "N", "B").contains(type)) {
        throw DynamoException.validation("1 validation error detected: Value '" + type
            + "' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
      }
      if (definitions.put(d.required("AttributeName"), type) != null) {
        throw DynamoException.validation("Cannot have two attributes with the same name");
      }
    }
    if (!r.has("KeySchema")) {
      throw DynamoException.validation(
          "1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null");
    }
    KeySchema schema = keySchema(r.list("KeySchema"), definitions, "table");
    Set<String> used = new LinkedHashSet<>();
    addKeys(used, schema);

    String billing = r.string("BillingMode").orElse("PROVISIONED");
    if (!billing.equals("PROVISIONED") && !billing.equals("PAY_PER_REQUEST")) {
      throw DynamoException.validation("1 validation error detected: Value '" + billing
          + "' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
    }
    long[] throughput = throughput(r.object("ProvisionedThroughput"), billing, "");

    List<Index> lsis = new ArrayList<>();
    List<Object> lsiJson = r.list("LocalSecondaryIndexes");
    if (lsiJson.size() > MAX_LSIS) {
      throw DynamoException.validation("One or more parameter values were invalid: Number of LocalSecondaryIndexes exceeds per-table limit of " + MAX_LSIS);
    }
    Set<String> indexNames = new TreeSet<>();
    for (Object o : lsiJson) {
      Request d = Request.of(o);
      String indexName = d.required("IndexName");
      checkTableName(indexName, "indexName");
      if (!indexNames.add(indexName)) {
        throw DynamoException.validation("One or more parameter values were invalid: Duplicate index name: " + indexName);
      }
      KeySchema ks = keySchema(d.list("KeySchema"), definitions, "index");
      if (schema.range().isEmpty()) {
        throw DynamoException.validation(
            "One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
      }
      if (!ks.hash().equals(schema.hash()) || ks.range().isEmpty()) {
        throw DynamoException.validation("One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as table KeySchema for index: "
            + indexName + ". index hash key: " + ks.hash() + ", table hash key: " + schema.hash());
      }
      addKeys(used, ks);
      lsis.add(index(indexName, false, ks, schema, d, 0, 0));
    }
    List<Index> gsis = new ArrayList<>();
    List<Object> gsiJson = r.list("GlobalSecondaryIndexes");
    if (gsiJson.size() > MAX_GSIS) {
      throw DynamoException.validation("One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_GSIS);
    }
    for (Object o : gsiJson) {
      Request d = Request.of(o);
      String indexName = d.required("IndexName");
      checkTableName(indexName, "indexName");
      if (!indexNames.add(indexName)) {
        throw DynamoException.validation("One or more parameter values were invalid: Duplicate index name: " + indexName);
      }
      KeySchema ks = keySchema(d.list("KeySchema"), definitions, "index");
      addKeys(used, ks);
      long[] t = throughput(d.object("ProvisionedThroughput"), billing, " for index " + indexName);
      gsis.add(index(indexName, true, ks, schema, d, t[0], t[1]));
    }
    if (!used.equals(definitions.keySet())) {
      throw DynamoException.validation("One or more parameter values were invalid: Some AttributeDefinitions are not used. AttributeDefinitions: "
          + definitions.keySet() + ", keys used: " + used);
    }
    Instant now = engine.clock.instant();
    TableSettings settings = new TableSettings();
    settings.billingMode = billing;
    settings.readCapacity = throughput[0];
    settings.writeCapacity = throughput[1];
    settings.attributeDefinitions.putAll(definitions);
    for (Object o : r.list("Tags")) {
      Request t = Request.of(o);
      settings.tags.put(t.required("Key"), t.string("Value").orElse(""));
    }
    r.object("StreamSpecification").ifPresent(s -> settings.streamSpecification = Optional.of(s.json()));
    r.object("SSESpecification").ifPresent(s -> {
      if (s.bool("Enabled").orElse(false)) {
        Map<String, Object> sse = new LinkedHashMap<>();
        sse.put("Status", "ENABLED");
        sse.put("SSEType", "KMS");
        sse.put("KMSMasterKeyArn", "arn:aws:kms:" + region + ":000000000000:key/ddbkit-emulator");
        settings.sseDescription = Optional.of(sse);
      }
    });
    settings.tableClass = r.string("TableClass");
    settings.deletionProtection = r.bool("DeletionProtectionEnabled").orElse(false);
    Table table = new Table(name, region, UUID.randomUUID().toString(), now, schema, lsis, gsis, settings);
    if (!engine.catalog.add(table)) {
      throw DynamoException.resourceInUse("Table already exists: " + name);
    }
    return Map.of("TableDescription", describe(table, "ACTIVE"));
  }

  private static void checkTableName(String name, String member) {
    if (name.length() < 3 || name.length() > 255 || !NAME.matcher(name).matches()) {
      throw DynamoException.validation("1 validation error detected: Value '" + name + "' at '" + member
          + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255");
    }
  }

  private static void addKeys(Set<String> used, KeySchema ks) {
    used.add(ks.hash());
    ks.range().ifPresent(used::add);
  }

  private static KeySchema keySchema(List<Object> elements, Map<String, String> definitions, String what) {
    if (elements.isEmpty() || elements.size() > 2) {
      throw DynamoException.validation("1 validation error detected: Value '" + elements
          + "' at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2");
    }
    String hash = null;
    String range = null;
    for (int i = 0; i < elements.size(); i++) {
      Request e = Request.of(elements.get(i));
      String attr = e.required("AttributeName");
      String type = e.required("KeyType");
      if (type.equals("HASH") && i == 0) {
        hash = attr;
      } else if (type.equals("RANGE") && i == 1) {
        range = attr;
      } else {
        throw DynamoException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
      }
    }
    if (range != null && range.equals(hash)) {
      throw DynamoException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }
    for (String a : range == null ? List.of(hash) : List.of(hash, range)) {
      if (!definitions.containsKey(a)) {
        throw DynamoException.validation("One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: "
            + (range == null ? List.of(hash) : List.of(hash, range)) + ", AttributeDefinitions: " + definitions.keySet());
      }
    }
    return new KeySchema(hash, definitions.get(hash), Optional.ofNullable(range),
        Optional.ofNullable(range).map(definitions::get));
  }

  private static long[] throughput(Optional<Request> pt, String billing, String where) {
    if (billing.equals("PAY_PER_REQUEST")) {
      if (pt.isPresent() && (pt.get().integer("ReadCapacityUnits").orElse(0L) > 0
          || pt.get().integer("WriteCapacityUnits").orElse(0L) > 0)) {
        throw DynamoException.validation(
            "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
      }
      return new long[] {0, 0};
    }
    if (pt.isEmpty()) {
      throw DynamoException.validation(
          "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
    }
    long read = pt.get().integer("ReadCapacityUnits").orElse(0L);
    long write = pt.get().integer("WriteCapacityUnits").orElse(0L);
    if (read < 1 || write < 1) {
      throw DynamoException.validation("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be at least 1" + where);
    }
    return new long[] {read, write};
  }

  private static Index index(String name, boolean global, KeySchema ks, KeySchema table, Request d, long read, long write) {
    Request p = d.object("Projection").orElseThrow(() -> DynamoException.validation(
        "1 validation error detected: Value null at 'projection' failed to satisfy constraint: Member must not be null"));
    String type = p.string("ProjectionType").orElse("ALL");
    Index.ProjectionType pt;
    try {
      pt = Index.ProjectionType.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw DynamoException.validation("1 validation error detected: Value '" + type
          + "' at 'projection.projectionType' failed to satisfy constraint: Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]");
    }
    List<String> nonKey = new ArrayList<>();
    for (Object o : p.list("NonKeyAttributes")) {
      nonKey.add((String) o);
    }
    if (pt == Index.ProjectionType.INCLUDE && nonKey.isEmpty()) {
      throw DynamoException.validation("One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
    }
    if (pt != Index.ProjectionType.INCLUDE && !nonKey.isEmpty()) {
      throw DynamoException.validation("One or more parameter values were invalid: ProjectionType is " + type
          + ", but NonKeyAttributes is specified");
    }
    return new Index(name, global, ks, table, pt, nonKey, read, write);
  }

  // ---- Describe / List / Delete --------------------------------------------------------------------

  Map<String, Object> describeTable(String region, Request r) {
    String name = r.required("TableName");
    Table table = engine.catalog.table(region, name).orElseThrow(() -> notFound(name));
    return Map.of("Table", describe(table, "ACTIVE"));
  }

  static DynamoException notFound(String name) {
    return DynamoException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
  }

  Map<String, Object> listTables(String region, Request r) {
    long limit = r.integer("Limit").orElse(100L);
    if (limit < 1 || limit > 100) {
      throw DynamoException.validation("1 validation error detected: Value '" + limit
          + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
    }
    Optional<String> start = r.string("ExclusiveStartTableName");
    List<String> names = new ArrayList<>();
    List<String> all = engine.catalog.names(region);
    boolean more = false;
    for (String n : all) {
      if (start.isPresent() && n.compareTo(start.get()) <= 0) {
        continue;
      }
      if (names.size() == limit) {
        more = true;
        break;
      }
      names.add(n);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("TableNames", names);
    if (more) {
      out.put("LastEvaluatedTableName", names.get(names.size() - 1));
    }
    return out;
  }

  Map<String, Object> deleteTable(String region, Request r) {
    String name = r.required("TableName");
    Table table = engine.catalog.table(region, name).orElseThrow(() -> notFound(name));
    synchronized (table.settings()) {
      if (table.settings().deletionProtection) {
        throw DynamoException.validation("Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
      }
    }
    Map<String, Object> description = describe(table, "DELETING");
    engine.catalog.remove(table);
    return Map.of("TableDescription", description);
  }

  // ---- UpdateTable ---------------------------------------------------------------------------------

  Map<String, Object> updateTable(String region, Request r) {
    String name = r.required("TableName");
    Table table = engine.catalog.table(region, name).orElseThrow(() -> notFound(name));
    TableSettings s = table.settings();
    synchronized (s) {
      Map<String, String> definitions = new LinkedHashMap<>(s.attributeDefinitions);
      for (Object o : r.list("AttributeDefinitions")) {
        Request d = Request.of(o);
        definitions.put(d.required("AttributeName"), d.required("AttributeType"));
      }
      String billing = r.string("BillingMode").orElse(s.billingMode);
      if (r.has("ProvisionedThroughput") || !billing.equals(s.billingMode)) {
        Optional<Request> pt = r.object("ProvisionedThroughput");
        if (billing.equals("PROVISIONED") && pt.isEmpty() && s.billingMode.equals("PROVISIONED")) {
          pt = Optional.empty();
        }
        long[] t = throughput(pt, billing, "");
        if (!billing.equals(s.billingMode)) {
          s.lastBillingChange = Optional.of(engine.clock.instant());
        }
        s.billingMode = billing;
        s.readCapacity = t[0];
        s.writeCapacity = t[1];
      }
      for (Object o : r.list("GlobalSecondaryIndexUpdates")) {
        Request u = Request.of(o);
        if (u.has("Create")) {
          Request c = u.requiredObject("Create");
          String indexName = c.required("IndexName");
          checkTableName(indexName, "indexName");
          if (table.index(indexName).isPresent()) {
            throw DynamoException.validation("One or more parameter values were invalid: Index with name " + indexName + " already exists");
          }
          if (table.globalIndexes().size() >= MAX_GSIS) {
            throw DynamoException.validation("One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_GSIS);
          }
          KeySchema ks = keySchema(c.list("KeySchema"), definitions, "index");
          long[] t = throughput(c.object("ProvisionedThroughput"), s.billingMode, " for index " + indexName);
          table.addGlobalIndex(index(indexName, true, ks, table.schema(), c, t[0], t[1]));
          s.attributeDefinitions.put(ks.hash(), ks.hashType());
          ks.range().ifPresent(rk -> s.attributeDefinitions.put(rk, ks.rangeType().get()));
        } else if (u.has("Delete")) {
          String indexName = u.requiredObject("Delete").required("IndexName");
          if (!table.globalIndexes().containsKey(indexName)) {
            throw DynamoException.resourceNotFound("Requested resource not found: Index: " + indexName + " not found");
          }
          table.removeGlobalIndex(indexName);
          pruneDefinitions(table);
        } else if (u.has("Update")) {
          Request c = u.requiredObject("Update");
          String indexName = c.required("IndexName");
          Index index = table.globalIndexes().get(indexName);
          if (index == null) {
            throw DynamoException.resourceNotFound("Requested resource not found: Index: " + indexName + " not found");
          }
          long[] t = throughput(c.object("ProvisionedThroughput"), s.billingMode, " for index " + indexName);
          index.throughput(t[0], t[1]);
        }
      }
      r.object("StreamSpecification").ifPresent(x -> s.streamSpecification = Optional.of(x.json()));
      r.string("TableClass").ifPresent(c -> s.tableClass = Optional.of(c));
      r.bool("DeletionProtectionEnabled").ifPresent(b -> s.deletionProtection = b);
    }
    return Map.of("TableDescription", describe(table, "ACTIVE"));
  }

  private static void pruneDefinitions(Table table) {
    Set<String> used = new LinkedHashSet<>();
    addKeys(used, table.schema());
    for (Index i : table.localIndexes().values()) {
      addKeys(used, i.schema());
    }
    for (Index i : table.globalIndexes().values()) {
      addKeys(used, i.schema());
    }
    table.settings().attributeDefinitions.keySet().retainAll(used);
  }

  // ---- Descriptions --------------------------------------------------------------------------------

  static Map<String, Object> describe(Table t, String status) {
    TableSettings s = t.settings();
    synchronized (s) {
      Map<String, Object> d = new LinkedHashMap<>();
      List<Object> defs = new ArrayList<>();
      s.attributeDefinitions.forEach((n, ty) -> defs.add(Map.of("AttributeName", n, "AttributeType", ty)));
      d.put("AttributeDefinitions", defs);
      d.put("TableName", t.name());
      d.put("KeySchema", keySchemaJson(t.schema()));
      d.put("TableStatus", status);
      d.put("CreationDateTime", epochSeconds(t.created()));
      d.put("ProvisionedThroughput", throughputJson(s.readCapacity, s.writeCapacity));
      d.put("TableSizeBytes", t.sizeBytes());
      d.put("ItemCount", t.itemCount());
      d.put("TableArn", t.arn());
      d.put("TableId", t.tableId());
      Map<String, Object> billing = new LinkedHashMap<>();
      billing.put("BillingMode", s.billingMode);
      s.lastBillingChange.ifPresent(i -> billing.put("LastUpdateToPayPerRequestDateTime", epochSeconds(i)));
      d.put("BillingModeSummary", billing);
      if (!t.localIndexes().isEmpty()) {
        List<Object> l = new ArrayList<>();
        for (Index i : t.localIndexes().values()) {
          l.add(indexJson(t, i, false));
        }
        d.put("LocalSecondaryIndexes", l);
      }
      if (!t.globalIndexes().isEmpty()) {
        List<Object> l = new ArrayList<>();
        for (Index i : t.globalIndexes().values()) {
          l.add(indexJson(t, i, true));
        }
        d.put("GlobalSecondaryIndexes", l);
      }
      s.streamSpecification.ifPresent(spec -> {
        d.put("StreamSpecification", spec);
        if (Boolean.TRUE.equals(spec.get("StreamEnabled"))) {
          d.put("LatestStreamLabel", "2025-01-01T00:00:00.000");
          d.put("LatestStreamArn", t.arn() + "/stream/2025-01-01T00:00:00.000");
        }
      });
      s.sseDescription.ifPresent(x -> d.put("SSEDescription", x));
      s.tableClass.ifPresent(c -> d.put("TableClassSummary", Map.of("TableClass", c)));
      d.put("DeletionProtectionEnabled", s.deletionProtection);
      return d;
    }
  }

  private static Map<String, Object> indexJson(Table t, Index i, boolean global) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("IndexName", i.name());
    m.put("KeySchema", keySchemaJson(i.schema()));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("ProjectionType", i.projectionType().name());
    if (!i.nonKeyAttributes().isEmpty()) {
      p.put("NonKeyAttributes", i.nonKeyAttributes());
    }
    m.put("Projection", p);
    if (global) {
      m.put("IndexStatus", "ACTIVE");
      m.put("ProvisionedThroughput", throughputJson(i.readCapacity(), i.writeCapacity()));
    }
    m.put("IndexSizeBytes", i.sizeBytes());
    m.put("ItemCount", i.itemCount());
    m.put("IndexArn", t.arn() + "/index/" + i.name());
    return m;
  }

  static List<Object> keySchemaJson(KeySchema ks) {
    List<Object> l = new ArrayList<>();
    l.add(Map.of("AttributeName", ks.hash(), "KeyType", "HASH"));
    ks.range().ifPresent(r -> l.add(Map.of("AttributeName", r, "KeyType", "RANGE")));
    return l;
  }

  private static Map<String, Object> throughputJson(long read, long write) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("NumberOfDecreasesToday", 0);
    m.put("ReadCapacityUnits", read);
    m.put("WriteCapacityUnits", write);
    return m;
  }

  static BigDecimal epochSeconds(Instant i) {
    return BigDecimal.valueOf(i.toEpochMilli()).movePointLeft(3);
  }

  // ---- TTL -----------------------------------------------------------------------------------------

  Map<String, Object> updateTimeToLive(String region, Request r) {
    Table table = engine.table(region, r.required("TableName"));
    Request spec = r.requiredObject("TimeToLiveSpecification");
    String attribute = spec.required("AttributeName");
    boolean enabled = spec.bool("Enabled").orElseThrow(() -> DynamoException.validation(
        "1 validation error detected: Value null at 'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be null"));
    TableSettings s = table.settings();
    synchronized (s) {
      if (enabled && s.ttlAttribute.isPresent()) {
        throw DynamoException.validation("TimeToLive is already enabled");
      }
      if (!enabled && s.ttlAttribute.isEmpty()) {
        throw DynamoException.validation("TimeToLive is already disabled");
      }
      s.ttlAttribute = enabled ? Optional.of(attribute) : Optional.empty();
    }
    return Map.of("TimeToLiveSpecification", Map.of("AttributeName", attribute, "Enabled", enabled));
  }

  Map<String, Object> describeTimeToLive(String region, Request r) {
    Table table = engine.table(region, r.required("TableName"));
    Map<String, Object> d = new LinkedHashMap<>();
    synchronized (table.settings()) {
      Optional<String> attribute = table.settings().ttlAttribute;
      d.put("TimeToLiveStatus", attribute.isPresent() ? "ENABLED" : "DISABLED");
      attribute.ifPresent(a -> d.put("AttributeName", a));
    }
    return Map.of("TimeToLiveDescription", d);
  }

  // ---- Tags ----------------------------------------------------------------------------------------

  private Table byArn(String region, String arn) {
    String prefix = "arn:aws:dynamodb:" + region + ":000000000000:table/";
    if (!arn.startsWith("arn:aws:dynamodb:")) {
      throw DynamoException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    }
    String name = arn.startsWith(prefix) ? arn.substring(prefix.length()) : "";
    int slash = name.indexOf('/');
    if (slash >= 0) {
      name = name.substring(0, slash);
    }
    return engine.catalog.table(region, name).orElseThrow(() -> DynamoException.resourceNotFound(
        "Requested resource not found: ResourceArn: " + arn + " not found"));
  }

  Map<String, Object> tagResource(String region, Request r) {
    Table table = byArn(region, r.required("ResourceArn"));
    synchronized (table.settings()) {
      for (Object o : r.list("Tags")) {
        Request t = Request.of(o);
        table.settings().tags.put(t.required("Key"), t.string("Value").orElse(""));
      }
      if (table.settings().tags.size() > 50) {
        throw DynamoException.validation("One or more parameter values were invalid: The number of tags exceeds the limit of 50");
      }
    }
    return Map.of();
  }

  Map<String, Object> untagResource(String region, Request r) {
    Table table = byArn(region, r.required("ResourceArn"));
    synchronized (table.settings()) {
      for (Object o : r.list("TagKeys")) {
        table.settings().tags.remove((String) o);
      }
    }
    return Map.of();
  }

  Map<String, Object> listTags(String region, Request r) {
    Table table = byArn(region, r.required("ResourceArn"));
    List<Object> tags = new ArrayList<>();
    synchronized (table.settings()) {
      table.settings().tags.forEach((k, v) -> tags.add(Map.of("Key", k, "Value", v)));
    }
    return Map.of("Tags", tags);
  }

  // ---- Continuous backups --------------------------------------------------------------------------

  Map<String, Object> describeContinuousBackups(String region, Request r) {
    String name = r.required("TableName");
    // as DynamoDB's API reference says: the continuous-backups calls name a missing table TableNotFoundException
    Table table = engine.catalog.table(region, name).orElseThrow(() -> new DynamoException("TableNotFoundException",
        400, "Table not found: " + name));
    return Map.of("ContinuousBackupsDescription", continuousBackups(table));
  }

  private Map<String, Object> continuousBackups(Table table) {
    Map<String, Object> pitr = new LinkedHashMap<>();
    synchronized (table.settings()) {
      boolean on = table.settings().pointInTimeRecovery;
      pitr.put("PointInTimeRecoveryStatus", on ? "ENABLED" : "DISABLED");
      if (on) {
        Instant now = engine.clock.instant();
        pitr.put("EarliestRestorableDateTime", epochSeconds(now));
        pitr.put("LatestRestorableDateTime", epochSeconds(now));
        pitr.put("RecoveryPeriodInDays", 35);
      }
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("ContinuousBackupsStatus", "ENABLED");
    d.put("PointInTimeRecoveryDescription", pitr);
    return d;
  }

  Map<String, Object> updateContinuousBackups(String region, Request r) {
    String name = r.required("TableName");
    Table table = engine.catalog.table(region, name).orElseThrow(() -> new DynamoException("TableNotFoundException",
        400, "Table not found: " + name));
    boolean enabled = r.requiredObject("PointInTimeRecoverySpecification").bool("PointInTimeRecoveryEnabled")
        .orElseThrow(() -> DynamoException.validation(
            "1 validation error detected: Value null at 'pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled' failed to satisfy constraint: Member must not be null"));
    synchronized (table.settings()) {
      table.settings().pointInTimeRecovery = enabled;
    }
    return Map.of("ContinuousBackupsDescription", continuousBackups(table));
  }

  // ---- Backups (metadata only) ---------------------------------------------------------------------

  Map<String, Object> createBackup(String region, Request r) {
    Table table = engine.catalog.table(region, r.required("TableName")).orElseThrow(() ->
        new DynamoException("TableNotFoundException", 400, "Table not found: " + r.string("TableName").orElse("")));
    String backupName = r.required("BackupName");
    Instant now = engine.clock.instant();
    String arn = table.arn() + "/backup/" + String.format("%013d-%08x", now.toEpochMilli(), backupSequence.incrementAndGet());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("BackupArn", arn);
    details.put("BackupName", backupName);
    details.put("BackupSizeBytes", table.sizeBytes());
    details.put("BackupStatus", "AVAILABLE");
    details.put("BackupType", "USER");
    details.put("BackupCreationDateTime", epochSeconds(now));
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("TableName", table.name());
    source.put("TableId", table.tableId());
    source.put("TableArn", table.arn());
    source.put("TableSizeBytes", table.sizeBytes());
    source.put("KeySchema", keySchemaJson(table.schema()));
    source.put("TableCreationDateTime", epochSeconds(table.created()));
    synchronized (table.settings()) {
      source.put("ProvisionedThroughput", Map.of("ReadCapacityUnits", table.settings().readCapacity,
          "WriteCapacityUnits", table.settings().writeCapacity));
      source.put("BillingMode", table.settings().billingMode);
    }
    source.put("ItemCount", table.itemCount());
    Map<String, Object> description = new LinkedHashMap<>();
    description.put("BackupDetails", details);
    description.put("SourceTableDetails", source);
    description.put("SourceTableFeatureDetails", Map.of());
    backups.put(arn, description);
    backupRegions.put(arn, region);
    return Map.of("BackupDetails", details);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> listBackups(String region, Request r) {
    Optional<String> tableName = r.string("TableName");
    long limit = r.integer("Limit").orElse(100L);
    Optional<String> start = r.string("ExclusiveStartBackupArn");
    List<Object> summaries = new ArrayList<>();
    String last = null;
    boolean more = false;
    for (Map.Entry<String, Map<String, Object>> e : backups.entrySet()) {
      if (!region.equals(backupRegions.get(e.getKey()))) {
        continue;
      }
      if (start.isPresent() && e.getKey().compareTo(start.get()) <= 0) {
        continue;
      }
      Map<String, Object> details = (Map<String, Object>) e.getValue().get("BackupDetails");
      Map<String, Object> source = (Map<String, Object>) e.getValue().get("SourceTableDetails");
      if (tableName.isPresent() && !tableName.get().equals(source.get("TableName"))) {
        continue;
      }
      if (summaries.size() == limit) {
        more = true;
        break;
      }
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("TableName", source.get("TableName"));
      s.put("TableId", source.get("TableId"));
      s.put("TableArn", source.get("TableArn"));
      s.putAll(details);
      summaries.add(s);
      last = e.getKey();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("BackupSummaries", summaries);
    if (more) {
      out.put("LastEvaluatedBackupArn", last);
    }
    return out;
  }

  Map<String, Object> describeBackup(String region, Request r) {
    String arn = r.required("BackupArn");
    Map<String, Object> d = backups.get(arn);
    if (d == null || !region.equals(backupRegions.get(arn))) {
      throw new DynamoException("BackupNotFoundException", 400, "Backup not found: " + arn);
    }
    return Map.of("BackupDescription", d);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> deleteBackup(String region, Request r) {
    String arn = r.required("BackupArn");
    Map<String, Object> d = backups.get(arn);
    if (d == null || !region.equals(backupRegions.get(arn)) || backups.remove(arn) == null) {
      throw new DynamoException("BackupNotFoundException", 400, "Backup not found: " + arn);
    }
    backupRegions.remove(arn);
    Map<String, Object> copy = new LinkedHashMap<>(d);
    Map<String, Object> details = new LinkedHashMap<>((Map<String, Object>) d.get("BackupDetails"));
    details.put("BackupStatus", "DELETED");
    copy.put("BackupDetails", details);
    return Map.of("BackupDescription", copy);
  }

  Map<String, Object> describeLimits() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("AccountMaxReadCapacityUnits", 80000);
    m.put("AccountMaxWriteCapacityUnits", 80000);
    m.put("TableMaxReadCapacityUnits", 40000);
    m.put("TableMaxWriteCapacityUnits", 40000);
    return m;
  }

  Map<String, Object> describeEndpoints() {
    return Map.of("Endpoints", List.of(Map.of("Address", engine.endpointAddress, "CachePeriodInMinutes", 1440)));
  }
}
