package dev.ddbkit.core.table;

import dev.ddbkit.core.error.Require;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * A table described as code: keys, global secondary indexes, capacity, TTL, encryption, point-in-time
 * recovery and tags. Immutable; validated when built.
 *
 * <pre>{@code
 * TableDefinition sessions = TableDefinition.builder("sessions-production")
 *     .partitionKey(KeyAttribute.string("session_id"))
 *     .capacity(Capacity.provisioned(100, 50))
 *     .ttlAttribute("expires_at")
 *     .build();
 * }</pre>
 */
public final class TableDefinition {

  private final String name;
  private final KeyAttribute partitionKey;
  private final @Nullable KeyAttribute sortKey;
  private final List<IndexDefinition> globalSecondaryIndexes;
  private final List<IndexDefinition> localSecondaryIndexes;
  private final Capacity capacity;
  private final @Nullable String ttlAttribute;
  private final boolean serverSideEncryption;
  private final boolean pointInTimeRecovery;
  private final Map<String, String> tags;

  private TableDefinition(Builder b) {
    this.name = b.name;
    this.partitionKey = Require.nonNull(b.partitionKey, "partitionKey of table " + b.name);
    this.sortKey = b.sortKey;
    this.globalSecondaryIndexes = List.copyOf(b.indexes);
    this.localSecondaryIndexes = List.copyOf(b.localIndexes);
    this.capacity = b.capacity;
    this.ttlAttribute = b.ttlAttribute;
    this.serverSideEncryption = b.serverSideEncryption;
    this.pointInTimeRecovery = b.pointInTimeRecovery;
    this.tags = Map.copyOf(b.tags);
    validate();
  }

  private void validate() {
    Map<String, KeyAttribute> byName = new LinkedHashMap<>();
    Set<String> indexNames = new LinkedHashSet<>();
    register(byName, partitionKey, "partition key of table " + name);
    if (sortKey != null) {
      Require.argument(!sortKey.name().equals(partitionKey.name()), "sortKey",
          "Table " + name + " uses " + sortKey.name() + " as both partition and sort key.");
      register(byName, sortKey, "sort key of table " + name);
    }
    for (IndexDefinition index : globalSecondaryIndexes) {
      Require.argument(indexNames.add(index.name()), "index name",
          "Table " + name + " defines index " + index.name() + " twice.");
      register(byName, index.partitionKey(), "partition key of index " + index.name());
      index.sortKey().ifPresent(k -> register(byName, k, "sort key of index " + index.name()));
    }
    for (IndexDefinition index : localSecondaryIndexes) {
      Require.argument(indexNames.add(index.name()), "index name",
          "Table " + name + " defines index " + index.name() + " twice.");
      Require.argument(sortKey != null, "localSecondaryIndexes",
          "Table " + name + " has no sort key, so it cannot have local secondary index " + index.name() + ".");
      Require.argument(index.partitionKey().equals(partitionKey), "localSecondaryIndexes",
          "Local secondary index " + index.name() + " must use the table's partition key " + partitionKey.name() + ".");
      Require.argument(index.sortKey().isPresent(), "localSecondaryIndexes",
          "Local secondary index " + index.name() + " needs a sort key.");
      index.sortKey().ifPresent(k -> register(byName, k, "sort key of index " + index.name()));
    }
    Require.argument(localSecondaryIndexes.size() <= 5, "localSecondaryIndexes",
        "Table " + name + " defines " + localSecondaryIndexes.size() + " local secondary indexes; the limit is 5.");
    Require.argument(globalSecondaryIndexes.size() <= 20, "globalSecondaryIndexes",
        "Table " + name + " defines " + globalSecondaryIndexes.size() + " global secondary indexes; the limit is 20.");
    if (ttlAttribute != null) {
      Require.argument(!byName.containsKey(ttlAttribute), "ttlAttribute",
          "TTL attribute " + ttlAttribute + " of table " + name + " must not be a key attribute.");
    }
  }

  private static void register(Map<String, KeyAttribute> byName, KeyAttribute key, String role) {
    KeyAttribute previous = byName.putIfAbsent(key.name(), key);
    Require.argument(previous == null || previous.type() == key.type(), key.name(),
        "Attribute " + key.name() + " is declared as " + (previous == null ? "" : previous.type()) + " and, as "
            + role + ", as " + key.type() + ".");
  }

  /** Starts a definition of the table {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A builder holding this definition's values. */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.partitionKey = partitionKey;
    b.sortKey = sortKey;
    b.indexes.addAll(globalSecondaryIndexes);
    b.localIndexes.addAll(localSecondaryIndexes);
    b.capacity = capacity;
    b.ttlAttribute = ttlAttribute;
    b.serverSideEncryption = serverSideEncryption;
    b.pointInTimeRecovery = pointInTimeRecovery;
    b.tags.putAll(tags);
    return b;
  }

  /** The same definition under another table name, for example with a per-test suffix. */
  public TableDefinition withName(String newName) {
    Builder b = toBuilder();
    b.name = checkName(newName);
    return b.build();
  }

  /** The table name. */
  public String name() {
    return name;
  }

  /** The table's partition key. */
  public KeyAttribute partitionKey() {
    return partitionKey;
  }

  /** The table's sort key, if any. */
  public Optional<KeyAttribute> sortKey() {
    return Optional.ofNullable(sortKey);
  }

  /** The global secondary indexes, in definition order. */
  public List<IndexDefinition> globalSecondaryIndexes() {
    return globalSecondaryIndexes;
  }

  /** The local secondary indexes, in definition order; they can only be created with the table. */
  public List<IndexDefinition> localSecondaryIndexes() {
    return localSecondaryIndexes;
  }

  /** The global secondary index named {@code indexName}, if defined. */
  public Optional<IndexDefinition> index(String indexName) {
    return globalSecondaryIndexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
  }

  /** The capacity mode. */
  public Capacity capacity() {
    return capacity;
  }

  /** The TTL attribute, if TTL is enabled. */
  public Optional<String> ttlAttribute() {
    return Optional.ofNullable(ttlAttribute);
  }

  /** Whether server-side encryption with a KMS key is requested (DynamoDB always encrypts at rest). */
  public boolean serverSideEncryption() {
    return serverSideEncryption;
  }

  /** Whether point-in-time recovery is requested. */
  public boolean pointInTimeRecovery() {
    return pointInTimeRecovery;
  }

  /** The tags. */
  public Map<String, String> tags() {
    return tags;
  }

  /** Every key attribute of the table and its indexes, once each, in definition order. */
  public List<KeyAttribute> keyAttributes() {
    Map<String, KeyAttribute> byName = new LinkedHashMap<>();
    byName.put(partitionKey.name(), partitionKey);
    if (sortKey != null) {
      byName.putIfAbsent(sortKey.name(), sortKey);
    }
    for (IndexDefinition i : globalSecondaryIndexes) {
      byName.putIfAbsent(i.partitionKey().name(), i.partitionKey());
      i.sortKey().ifPresent(k -> byName.putIfAbsent(k.name(), k));
    }
    for (IndexDefinition i : localSecondaryIndexes) {
      i.sortKey().ifPresent(k -> byName.putIfAbsent(k.name(), k));
    }
    return List.copyOf(byName.values());
  }

  /** The {@code CreateTable} request for this definition (TTL and PITR are separate calls). */
  public CreateTableRequest toCreateTableRequest() {
    List<KeySchemaElement> keySchema = new ArrayList<>();
    keySchema.add(KeySchemaElement.builder().attributeName(partitionKey.name()).keyType(KeyType.HASH).build());
    if (sortKey != null) {
      keySchema.add(KeySchemaElement.builder().attributeName(sortKey.name()).keyType(KeyType.RANGE).build());
    }
    CreateTableRequest.Builder request = CreateTableRequest.builder()
        .tableName(name)
        .keySchema(keySchema)
        .attributeDefinitions(keyAttributes().stream()
            .map(k -> AttributeDefinition.builder().attributeName(k.name()).attributeType(k.type()).build())
            .toList())
        .billingMode(capacity.mode());
    ProvisionedThroughput throughput = capacity.isProvisioned()
        ? ProvisionedThroughput.builder().readCapacityUnits(capacity.readUnits())
            .writeCapacityUnits(capacity.writeUnits()).build()
        : null;
    if (throughput != null) {
      request.provisionedThroughput(throughput);
    }
    if (!globalSecondaryIndexes.isEmpty()) {
      request.globalSecondaryIndexes(globalSecondaryIndexes.stream().map(i -> {
        List<KeySchemaElement> ks = new ArrayList<>();
        ks.add(KeySchemaElement.builder().attributeName(i.partitionKey().name()).keyType(KeyType.HASH).build());
        i.sortKey().ifPresent(k -> ks.add(KeySchemaElement.builder().attributeName(k.name()).keyType(KeyType.RANGE).build()));
        Projection.Builder p = Projection.builder().projectionType(i.projection());
        if (!i.nonKeyAttributes().isEmpty()) {
          p.nonKeyAttributes(i.nonKeyAttributes());
        }
        GlobalSecondaryIndex.Builder g = GlobalSecondaryIndex.builder().indexName(i.name()).keySchema(ks)
            .projection(p.build());
        if (throughput != null) {
          g.provisionedThroughput(throughput);
        }
        return g.build();
      }).toList());
    }
    if (!localSecondaryIndexes.isEmpty()) {
      request.localSecondaryIndexes(localSecondaryIndexes.stream().map(i -> {
        Projection.Builder p = Projection.builder().projectionType(i.projection());
        if (!i.nonKeyAttributes().isEmpty()) {
          p.nonKeyAttributes(i.nonKeyAttributes());
        }
        return LocalSecondaryIndex.builder().indexName(i.name()).projection(p.build()).keySchema(
            KeySchemaElement.builder().attributeName(partitionKey.name()).keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName(i.sortKey().orElseThrow().name()).keyType(KeyType.RANGE).build())
            .build();
      }).toList());
    }
    if (serverSideEncryption) {
      request.sseSpecification(SSESpecification.builder().enabled(true).build());
    }
    if (!tags.isEmpty()) {
      request.tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList());
    }
    return request.build();
  }

  @Override
  public String toString() {
    return "TableDefinition{" + name + ", pk=" + partitionKey.name() + (sortKey == null ? "" : ", sk=" + sortKey.name())
        + ", indexes=" + globalSecondaryIndexes + ", " + capacity.mode() + "}";
  }

  private static String checkName(@Nullable String name) {
    Require.nonBlank(name, "table name");
    Require.argument(Require.isValidTableName(name), "table name",
        "Table name '" + name + "' must be 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'.");
    return name;
  }

  /** Builder of {@link TableDefinition}. */
  public static final class Builder {
    private String name;
    private @Nullable KeyAttribute partitionKey;
    private @Nullable KeyAttribute sortKey;
    private final List<IndexDefinition> indexes = new ArrayList<>();
    private final List<IndexDefinition> localIndexes = new ArrayList<>();
    private Capacity capacity = Capacity.onDemand();
    private @Nullable String ttlAttribute;
    private boolean serverSideEncryption;
    private boolean pointInTimeRecovery;
    private final Map<String, String> tags = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = checkName(name);
    }

    /** The partition (hash) key. Required. */
    public Builder partitionKey(KeyAttribute key) {
      this.partitionKey = Require.nonNull(key, "partitionKey");
      return this;
    }

    /** The sort (range) key. */
    public Builder sortKey(KeyAttribute key) {
      this.sortKey = Require.nonNull(key, "sortKey");
      return this;
    }

    /** Adds a global secondary index. */
    public Builder globalSecondaryIndex(IndexDefinition index) {
      indexes.add(Require.nonNull(index, "index"));
      return this;
    }

    /**
     * Adds a local secondary index: same partition key as the table, another sort key. Created only with the
     * table ({@code CreateTable}); it cannot be added later.
     */
    public Builder localSecondaryIndex(IndexDefinition index) {
      localIndexes.add(Require.nonNull(index, "index"));
      return this;
    }

    /** The capacity mode; on demand by default. */
    public Builder capacity(Capacity capacity) {
      this.capacity = Require.nonNull(capacity, "capacity");
      return this;
    }

    /** Enables TTL on {@code attribute} (epoch seconds). */
    public Builder ttlAttribute(String attribute) {
      this.ttlAttribute = Require.nonBlank(attribute, "ttlAttribute");
      return this;
    }

    /** Requests server-side encryption with a KMS key. */
    public Builder serverSideEncryption(boolean enabled) {
      this.serverSideEncryption = enabled;
      return this;
    }

    /** Requests point-in-time recovery. */
    public Builder pointInTimeRecovery(boolean enabled) {
      this.pointInTimeRecovery = enabled;
      return this;
    }

    /** Adds a tag. */
    public Builder tag(String key, String value) {
      tags.put(Require.nonBlank(key, "tag key"), Require.nonNull(value, "tag value"));
      return this;
    }

    /** Builds and validates the definition. */
    public TableDefinition build() {
      return new TableDefinition(this);
    }
  }
}
