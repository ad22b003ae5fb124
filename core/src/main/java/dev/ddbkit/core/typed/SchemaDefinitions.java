package dev.ddbkit.core.typed;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.table.IndexDefinition;
import dev.ddbkit.core.table.KeyAttribute;
import dev.ddbkit.core.table.TableDefinition;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.IndexMetadata;
import software.amazon.awssdk.enhanced.dynamodb.KeyAttributeMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Table definitions derived from an Enhanced Client schema, indexes included (the Enhanced Client's own
 * {@code createTable} leaves them out). An index whose partition key is absent or is the table's partition key is
 * local; every other index is global.
 *
 * <pre>{@code
 * TableDefinition customers = SchemaDefinitions.from(TableSchema.fromBean(Customer.class), "customers",
 *         Map.of("by_email", IndexProjection.keysOnly()))
 *     .ttlAttribute("expires_at").pointInTimeRecovery(true).tag("team", "billing").build();
 * tableManager.ensure(customers);
 * }</pre>
 */
public final class SchemaDefinitions {
  private SchemaDefinitions() {}

  /**
   * A definition builder for {@code tableName} with the keys and indexes of {@code schema}; each index projects
   * what {@code projections} gives for it, {@code ALL} otherwise. Capacity is on demand until set.
   */
  public static TableDefinition.Builder from(TableSchema<?> schema, String tableName,
      Map<String, IndexProjection> projections) {
    Require.nonNull(schema, "schema");
    Require.nonNull(projections, "projections");
    TableMetadata metadata = schema.tableMetadata();
    String pk = metadata.primaryPartitionKey();
    TableDefinition.Builder b = TableDefinition.builder(tableName).partitionKey(key(metadata, pk));
    metadata.primarySortKey().ifPresent(sk -> b.sortKey(key(metadata, sk)));
    Set<String> seen = new HashSet<>();
    for (IndexMetadata index : metadata.indices()) {
      if (index.name().equals(TableMetadata.primaryIndexName())) {
        continue;
      }
      seen.add(index.name());
      Require.argument(index.partitionKeys().size() <= 1 && index.sortKeys().size() <= 1, index.name(),
          () -> "Index " + index.name() + " has a composite key; ddbkit derives single-attribute index keys only.");
      IndexProjection projection = projections.getOrDefault(index.name(), IndexProjection.all());
      Optional<String> indexPk = index.partitionKey().map(KeyAttributeMetadata::name);
      Optional<KeyAttribute> indexSk = index.sortKey().map(k -> key(metadata, k.name()));
      if (indexPk.isEmpty() || indexPk.get().equals(pk)) {
        Require.argument(indexSk.isPresent(), index.name(),
            () -> "Local index " + index.name() + " needs a sort key (@DynamoDbSecondarySortKey).");
        b.localSecondaryIndex(indexDefinition(index.name(), key(metadata, pk), indexSk, projection));
      } else {
        b.globalSecondaryIndex(indexDefinition(index.name(), key(metadata, indexPk.get()), indexSk, projection));
      }
    }
    for (String named : projections.keySet()) {
      Require.argument(seen.contains(named), "projections",
          () -> "A projection is given for index " + named + ", which the schema does not declare.");
    }
    return b;
  }

  /** {@link #from(TableSchema, String, Map)} with every index projecting {@code ALL}. */
  public static TableDefinition.Builder from(TableSchema<?> schema, String tableName) {
    return from(schema, tableName, Map.of());
  }

  private static IndexDefinition indexDefinition(String name, KeyAttribute pk, Optional<KeyAttribute> sk,
      IndexProjection projection) {
    return switch (projection.type()) {
      case INCLUDE -> IndexDefinition.including(name, pk, sk.orElse(null), projection.nonKeyAttributes());
      default -> sk.isPresent()
          ? IndexDefinition.of(name, pk, sk.get(), projection.type())
          : IndexDefinition.of(name, pk, projection.type());
    };
  }

  private static KeyAttribute key(TableMetadata metadata, String name) {
    ScalarAttributeType type = metadata.scalarAttributeType(name).orElseThrow(() -> new IllegalArgumentException(
        "Key attribute " + name + " has no scalar type in the schema."));
    return new KeyAttribute(name, type);
  }
}
