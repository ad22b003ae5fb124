package dev.ddbkit.core.typed;

import dev.ddbkit.core.error.ConditionalCheckFailedException;
import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.item.ItemSize;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.core.typed.internal.BatchEngine;
import dev.ddbkit.core.typed.internal.Calls;
import dev.ddbkit.core.typed.internal.Values;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * One table of entities of type {@code T}, mapped by the Enhanced Client's {@link TableSchema} (bean, immutable
 * or static; the SDK's extensions such as {@code VersionedRecordExtension} apply), with ddbkit's typed errors and
 * retry on every call, exactly-once create, guarded transitions, exact pages with signed cursors, index
 * hydration, and batch writes and reads of any size. The SDK's own {@link #dynamoDbTable()} stays reachable.
 *
 * <pre>{@code
 * DdbkitTable<Customer> customers = tables.table("customers", TableSchema.fromBean(Customer.class));
 * customers.create(customer);                                       // PutItem, exactly once
 * Optional<Customer> found = customers.get(Key.builder().partitionValue("acme").sortValue("c-1").build());
 * ResultPage<Customer> page = customers.index("by_email").query(keyEqualTo(k -> k.partitionValue(email))).page(10);
 * }</pre>
 *
 * @param <T> the entity type
 */
public final class DdbkitTable<T> {
  private static final Logger LOG = LoggerFactory.getLogger(DdbkitTable.class);
  private static final String VERSION_METADATA = "VersionedRecordExtension:VersionAttribute";

  private final DdbkitTables owner;
  private final String name;
  private final TableSchema<T> schema;
  private final DynamoDbTable<T> table;
  private final Calls calls;
  private final BatchEngine batch;
  private final @Nullable String versionAttribute;
  private final List<String> primaryKeys;

  DdbkitTable(DdbkitTables owner, String name, TableSchema<T> schema, DynamoDbTable<T> table) {
    this.owner = owner;
    this.name = name;
    this.schema = schema;
    this.table = table;
    this.calls = owner.calls("ddbkit-" + name);
    TableMetadata metadata = schema.tableMetadata();
    this.primaryKeys = List.copyOf(metadata.primaryKeys());
    this.batch = new BatchEngine(owner.client(), name, calls, primaryKeys);
    this.versionAttribute = metadata.customMetadataObject(VERSION_METADATA, String.class).orElse(null);
  }

  /** The physical table name (the environment's {@link TableNaming} applied). */
  public String name() {
    return name;
  }

  /** The schema mapping items. */
  public TableSchema<T> schema() {
    return schema;
  }

  /** The SDK's own table, for anything this class does not offer (scans, request options). */
  public DynamoDbTable<T> dynamoDbTable() {
    return table;
  }

  /** The version attribute of optimistic locking ({@code @DynamoDbVersionAttribute}), if the schema has one. */
  public Optional<String> versionAttribute() {
    return Optional.ofNullable(versionAttribute);
  }

  /** The primary key of {@code item}. */
  public Key keyOf(T item) {
    return table.keyFrom(Require.nonNull(item, "item"));
  }

  /**
   * The item with {@code key} ({@code GetItem}, eventually consistent).
   *
   * <pre>{@code Optional<Customer> c = customers.get(Key.builder().partitionValue("acme").sortValue("c-1").build());}</pre>
   */
  public Optional<T> get(Key key) {
    return get(key, false);
  }

  /** The item with {@code key} ({@code GetItem}), read strongly consistent when {@code consistentRead}. */
  public Optional<T> get(Key key, boolean consistentRead) {
    Require.nonNull(key, "key");
    return Optional.ofNullable(calls.run("GetItem", name,
        () -> table.getItem(r -> r.key(key).consistentRead(consistentRead))));
  }

  /**
   * Writes {@code item} whole ({@code PutItem}). With a version attribute the write succeeds only over the version
   * the item carries (a new item: none stored).
   *
   * @throws VersionConflictException if the stored version differs
   */
  public void put(T item) {
    checkSize(item);
    try {
      calls.run("PutItem", name, () -> {
        table.putItem(item);
        return null;
      });
    } catch (ConditionalCheckFailedException e) {
      throw conflict("PutItem", e);
    }
  }

  /**
   * Updates the item's attributes from {@code item} ({@code UpdateItem}; null attributes are removed, as the SDK
   * does) and returns it as stored, with its new version.
   *
   * @throws VersionConflictException if the stored version differs from the item's
   */
  public T update(T item) {
    checkSize(item);
    try {
      return calls.run("UpdateItem", name, () -> table.updateItem(item));
    } catch (ConditionalCheckFailedException e) {
      throw conflict("UpdateItem", e);
    }
  }

  /** Deletes the item with {@code key} ({@code DeleteItem}) and returns it, if there was one. */
  public Optional<T> delete(Key key) {
    Require.nonNull(key, "key");
    return Optional.ofNullable(calls.run("DeleteItem", name, () -> table.deleteItem(key)));
  }

  /**
   * Creates {@code item}, exactly once ({@code PutItem} on {@code attribute_not_exists} of the partition key). When
   * a response is lost and the SDK's retry finds an item under the key, that item is compared with what this call
   * sent (the old item DynamoDB returns, or a consistent read-back): the same content means this call stored it
   * and create succeeds; anything else is another item.
   *
   * <pre>{@code customers.create(new Customer("acme", "c-1", "ada@example.com"));}</pre>
   *
   * @throws ItemAlreadyExistsException if another item has the key
   */
  public void create(T item) {
    Map<String, AttributeValue> sent = checkSize(item);
    Expression absent = Expression.builder().expression("attribute_not_exists(#ddbkit_pk)")
        .putExpressionName("#ddbkit_pk", schema.tableMetadata().primaryPartitionKey()).build();
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) schema.itemType().rawClass();
    PutItemEnhancedRequest<T> request = PutItemEnhancedRequest.builder(type).item(item).conditionExpression(absent)
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
    try {
      calls.run("PutItem", name, () -> {
        table.putItem(request);
        return null;
      });
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> existing = e.oldItem().orElseGet(() -> readBack(keyOf(item)));
      if (!existing.isEmpty() && sameContent(sent, existing)) {
        LOG.debug("Item in {} was stored by an earlier attempt of this create", name);
        return;
      }
      throw ItemAlreadyExistsException.of(name, existing.isEmpty() ? null : existing, e);
    }
  }

  /**
   * Sets {@code attribute} to {@code to} if it holds {@code from} ({@code UpdateItem} with a condition), and bumps
   * the version attribute if the schema has one. Values are converted by the attribute's converter in the schema
   * (pass an enum, a string, a number...) or given as {@link AttributeValue}.
   *
   * <pre>{@code
   * TransitionResult<Customer> r = customers.transition(key, "tier", Tier.TRIAL, Tier.PAID);
   * }</pre>
   *
   * @return applied, conflict (with the item as it is) or not found; a retry after a lost response that finds
   *     the attribute already at {@code to} is reported as applied
   */
  public TransitionResult<T> transition(Key key, String attribute, Object from, Object to) {
    Require.nonNull(key, "key");
    Require.nonBlank(attribute, "attribute");
    Require.argument(schema.attributeNames().contains(attribute), "attribute",
        () -> "Attribute " + attribute + " is not mapped by the schema of table " + name + ".");
    Require.argument(!primaryKeys.contains(attribute), "attribute",
        () -> "Attribute " + attribute + " is part of the primary key of table " + name + "; it cannot change.");
    AttributeValue fromValue = toValue(attribute, Require.nonNull(from, "from"));
    AttributeValue toValue = toValue(attribute, Require.nonNull(to, "to"));
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    names.put("#ddbkit_pk", schema.tableMetadata().primaryPartitionKey());
    names.put("#ddbkit_a", attribute);
    values.put(":ddbkit_from", fromValue);
    values.put(":ddbkit_to", toValue);
    String update = "SET #ddbkit_a = :ddbkit_to";
    if (versionAttribute != null) {
      names.put("#ddbkit_v", versionAttribute);
      values.put(":ddbkit_zero", AttributeValue.fromN("0"));
      values.put(":ddbkit_one", AttributeValue.fromN("1"));
      update += ", #ddbkit_v = if_not_exists(#ddbkit_v, :ddbkit_zero) + :ddbkit_one";
    }
    String finalUpdate = update;
    Map<String, AttributeValue> keyMap = key.primaryKeyMap(schema);
    try {
      UpdateItemResponse response = calls.run("UpdateItem", name, () -> owner.client().updateItem(b -> b
          .tableName(name).key(keyMap).updateExpression(finalUpdate)
          .conditionExpression("attribute_exists(#ddbkit_pk) AND #ddbkit_a = :ddbkit_from")
          .expressionAttributeNames(names).expressionAttributeValues(values)
          .returnValues(ReturnValue.ALL_NEW)
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
      return TransitionResult.applied(schema.mapToItem(response.attributes()));
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> current = e.oldItem().orElseGet(() -> readBack(key));
      if (current.isEmpty()) {
        return TransitionResult.notFound();
      }
      if (DdbkitErrors.sdkAttempts(e) > 1 && Values.same(toValue, current.get(attribute))) {
        // an earlier attempt of this call applied it before its response was lost
        return TransitionResult.applied(schema.mapToItem(current));
      }
      return TransitionResult.conflict(schema.mapToItem(current));
    }
  }

  /**
   * Queries the table ({@code Query}). The result serves exact pages with signed cursors, and streams items.
   *
   * <pre>{@code
   * QueryResult<Customer> r = customers.query(q -> q.queryConditional(keyEqualTo(k -> k.partitionValue("acme"))));
   * }</pre>
   */
  public QueryResult<T> query(QueryEnhancedRequest request) {
    return queries(null, false).query(request);
  }

  /** Queries the table with the request built by {@code request}. */
  public QueryResult<T> query(Consumer<QueryEnhancedRequest.Builder> request) {
    QueryEnhancedRequest.Builder b = QueryEnhancedRequest.builder();
    Require.nonNull(request, "request").accept(b);
    return query(b.build());
  }

  /** Queries the table for the items matching {@code condition}. */
  public QueryResult<T> query(QueryConditional condition) {
    return query(QueryEnhancedRequest.builder().queryConditional(Require.nonNull(condition, "condition")).build());
  }

  /**
   * The index {@code indexName} (global or local), whose results are items as the index projects them (for a
   * {@code KEYS_ONLY} index: only keys set).
   */
  public DdbkitIndex<T> index(String indexName) {
    return queries(checkIndex(indexName), false);
  }

  /**
   * The index {@code indexName} whose results are hydrated: each page's keys are read back as full items by
   * retried {@code BatchGetItem}, in index order. Use it for {@code KEYS_ONLY} and {@code INCLUDE} indexes. An
   * item deleted between the index read and the batch read is left out of its page.
   */
  public DdbkitIndex<T> hydratedIndex(String indexName) {
    return queries(checkIndex(indexName), true);
  }

  /**
   * Writes {@code items} with {@code BatchWriteItem}, any number of them: 25 a call, within 16 MB, a key at most
   * once a call; unprocessed items are sent again with ddbkit's bounded jittered backoff. Conditions and version
   * checks do not apply to batch writes (DynamoDB has none); use {@link #put} for those.
   *
   * <pre>{@code
   * BatchWriteResult<Customer> r = customers.putAll(imported);
   * if (!r.allWritten()) { r.failures().forEach(f -> retryLater(f.entry())); }
   * }</pre>
   */
  public BatchWriteResult<T> putAll(Collection<T> items) {
    Require.nonNull(items, "items");
    List<BatchEngine.Write<T>> writes = new ArrayList<>(items.size());
    for (T item : items) {
      Map<String, AttributeValue> map = checkSize(item);
      writes.add(new BatchEngine.Write<>(item, batch.keyOf(map), map));
    }
    return result(batch.write(writes));
  }

  /** Deletes the items of {@code keys} with {@code BatchWriteItem}, as {@link #putAll} writes. */
  public BatchWriteResult<Key> deleteAll(Collection<Key> keys) {
    Require.nonNull(keys, "keys");
    List<BatchEngine.Write<Key>> writes = new ArrayList<>(keys.size());
    for (Key key : keys) {
      writes.add(new BatchEngine.Write<>(Require.nonNull(key, "key"), key.primaryKeyMap(schema), null));
    }
    return result(batch.write(writes));
  }

  /**
   * Reads the items of {@code keys} with {@code BatchGetItem}, any number of them (100 a call, duplicates read
   * once, unprocessed keys sent again with backoff), in the order of the keys.
   */
  public BatchGetResult<T> getAll(Collection<Key> keys, boolean consistentRead) {
    Require.nonNull(keys, "keys");
    List<Key> ordered = new ArrayList<>(new LinkedHashSet<>(keys));
    List<Map<String, AttributeValue>> keyMaps = new ArrayList<>(ordered.size());
    ordered.forEach(k -> keyMaps.add(Require.nonNull(k, "key").primaryKeyMap(schema)));
    BatchEngine.ReadOutcome outcome = batch.read(keyMaps, consistentRead);
    List<T> items = new ArrayList<>();
    List<Key> missing = new ArrayList<>();
    List<Key> unread = new ArrayList<>();
    LinkedHashSet<Map<String, AttributeValue>> unreadKeys = new LinkedHashSet<>(outcome.unread());
    for (int i = 0; i < ordered.size(); i++) {
      Map<String, AttributeValue> item = outcome.found().get(keyMaps.get(i));
      if (item != null) {
        items.add(schema.mapToItem(item));
      } else if (unreadKeys.contains(keyMaps.get(i))) {
        unread.add(ordered.get(i));
      } else {
        missing.add(ordered.get(i));
      }
    }
    return new BatchGetResult<>(items, missing, unread, Optional.ofNullable(outcome.failure()));
  }

  /** {@link #getAll(Collection, boolean)} with eventually consistent reads. */
  public BatchGetResult<T> getAll(Collection<Key> keys) {
    return getAll(keys, false);
  }

  /**
   * This table written and read through shards: each item's partition key is spread by {@code strategy}, and reads
   * gather every shard.
   *
   * <pre>{@code ShardedTable<Reading> readings = table.sharded(ShardKeyStrategy.hashing(8, Reading::getSensor));}</pre>
   */
  public ShardedTable<T> sharded(ShardKeyStrategy<T> strategy) {
    return new ShardedTable<>(this, Require.nonNull(strategy, "strategy"));
  }

  /**
   * The definition of this table derived from its schema: keys and every index (projecting {@code ALL}), on-demand
   * capacity. Add TTL, encryption, PITR, tags or other projections on the builder, then pass it to
   * {@code TableManager.ensure} or the test kit's {@code TestTables}.
   *
   * <pre>{@code
   * TableDefinition d = customers.definition(Map.of("by_email", IndexProjection.keysOnly()))
   *     .ttlAttribute("expires_at").pointInTimeRecovery(true).build();
   * }</pre>
   */
  public TableDefinition.Builder definition(Map<String, IndexProjection> projections) {
    return SchemaDefinitions.from(schema, name, projections);
  }

  /** {@link #definition(Map)} with every index projecting {@code ALL}. */
  public TableDefinition.Builder definition() {
    return definition(Map.of());
  }

  DdbkitTables owner() {
    return owner;
  }

  Calls calls() {
    return calls;
  }

  BatchEngine batch() {
    return batch;
  }

  List<String> primaryKeys() {
    return primaryKeys;
  }

  /** Fetches the first SDK page of {@code request} on the table or index, with ddbkit's retry. */
  Page<T> fetch(@Nullable String indexName, QueryEnhancedRequest request) {
    return calls.run("Query", name, () -> indexName == null
        ? table.query(request).iterator().next()
        : table.index(indexName).query(request).iterator().next());
  }

  private DdbkitIndex<T> queries(@Nullable String indexName, boolean hydrate) {
    return new DdbkitIndex<>(this, indexName, hydrate);
  }

  private String checkIndex(String indexName) {
    Require.nonBlank(indexName, "indexName");
    Require.argument(schema.tableMetadata().indices().stream().anyMatch(i -> i.name().equals(indexName)),
        "indexName", () -> "Index " + indexName + " is not declared by the schema of table " + name + ".");
    return indexName;
  }

  private Map<String, AttributeValue> checkSize(T item) {
    Require.nonNull(item, "item");
    Map<String, AttributeValue> map = schema.itemToMap(item, true);
    long size = ItemSize.of(map);
    if (size > ItemSize.MAX_ITEM_BYTES) {
      throw InvalidInputException.of("item", "The item is " + size + " bytes; DynamoDB stores at most "
          + ItemSize.MAX_ITEM_BYTES + " bytes per item (table " + name + ").");
    }
    for (String keyName : primaryKeys) {
      Require.argument(map.containsKey(keyName), keyName,
          () -> "The item has no value for key attribute " + keyName + " of table " + name + ".");
    }
    return map;
  }

  private boolean sameContent(Map<String, AttributeValue> sent, Map<String, AttributeValue> stored) {
    if (versionAttribute == null) {
      return Values.same(sent, stored);
    }
    Map<String, AttributeValue> a = new LinkedHashMap<>(sent);
    Map<String, AttributeValue> b = new LinkedHashMap<>(stored);
    a.remove(versionAttribute);
    b.remove(versionAttribute);
    return Values.same(a, b);
  }

  private Map<String, AttributeValue> readBack(Key key) {
    Map<String, AttributeValue> keyMap = key.primaryKeyMap(schema);
    Map<String, AttributeValue> item = calls.run("GetItem", name,
        () -> owner.client().getItem(b -> b.tableName(name).key(keyMap).consistentRead(true)).item());
    return item == null ? Map.of() : item;
  }

  @SuppressWarnings("unchecked")
  private AttributeValue toValue(String attribute, Object value) {
    if (value instanceof AttributeValue av) {
      return av;
    }
    AttributeConverter<Object> converter = (AttributeConverter<Object>) schema.converterForAttribute(attribute);
    try {
      return converter.transformFrom(value);
    } catch (RuntimeException e) {
      throw InvalidInputException.of(attribute, "The value " + value + " cannot be converted for attribute "
          + attribute + " of table " + name + ": " + e.getMessage());
    }
  }

  private DdbkitException conflict(String operation, ConditionalCheckFailedException e) {
    if (versionAttribute == null) {
      return e;
    }
    return VersionConflictException.of(operation, name, versionAttribute, e.oldItem().orElse(null), e);
  }

  private static <E> BatchWriteResult<E> result(BatchEngine.WriteOutcome<E> outcome) {
    List<BatchWriteResult.Failure<E>> failures = new ArrayList<>();
    outcome.failed().forEach(f -> failures.add(new BatchWriteResult.Failure<>(f.getKey(), f.getValue())));
    return new BatchWriteResult<>(outcome.written(), failures, outcome.requests());
  }
}
