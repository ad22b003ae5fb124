package dev.ddbkit.core.table;

import dev.ddbkit.core.error.Require;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * A global secondary index: name, keys and projection.
 *
 * <pre>{@code
 * IndexDefinition.of("StatusIndex", KeyAttribute.string("status"), KeyAttribute.string("order_date"),
 *     ProjectionType.KEYS_ONLY);
 * }</pre>
 */
public final class IndexDefinition {
  private final String name;
  private final KeyAttribute partitionKey;
  private final @Nullable KeyAttribute sortKey;
  private final ProjectionType projection;
  private final List<String> nonKeyAttributes;

  private IndexDefinition(String name, KeyAttribute partitionKey, @Nullable KeyAttribute sortKey,
      ProjectionType projection, List<String> nonKeyAttributes) {
    Require.nonBlank(name, "index name");
    Require.argument(Require.isValidTableName(name), "index name",
        "Index name '" + name + "' must be 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'.");
    Require.nonNull(partitionKey, "partition key of index " + name);
    Require.nonNull(projection, "projection of index " + name);
    Require.argument(projection != ProjectionType.UNKNOWN_TO_SDK_VERSION, "projection",
        "Index " + name + " must project ALL, KEYS_ONLY or INCLUDE.");
    Require.argument(projection == ProjectionType.INCLUDE || nonKeyAttributes.isEmpty(), "nonKeyAttributes",
        "Index " + name + " may list non-key attributes only with the INCLUDE projection.");
    Require.argument(projection != ProjectionType.INCLUDE || !nonKeyAttributes.isEmpty(), "nonKeyAttributes",
        "Index " + name + " projects INCLUDE and must name at least one non-key attribute.");
    this.name = name;
    this.partitionKey = partitionKey;
    this.sortKey = sortKey;
    this.projection = projection;
    this.nonKeyAttributes = List.copyOf(nonKeyAttributes);
  }

  /** An index with partition and sort key. */
  public static IndexDefinition of(String name, KeyAttribute partitionKey, KeyAttribute sortKey, ProjectionType projection) {
    return new IndexDefinition(name, partitionKey, Require.nonNull(sortKey, "sort key of index " + name), projection, List.of());
  }

  /** An index with a partition key only. */
  public static IndexDefinition of(String name, KeyAttribute partitionKey, ProjectionType projection) {
    return new IndexDefinition(name, partitionKey, null, projection, List.of());
  }

  /** An index projecting its keys plus {@code nonKeyAttributes}. */
  public static IndexDefinition including(String name, KeyAttribute partitionKey, @Nullable KeyAttribute sortKey,
      List<String> nonKeyAttributes) {
    return new IndexDefinition(name, partitionKey, sortKey, ProjectionType.INCLUDE, nonKeyAttributes);
  }

  /** The index name. */
  public String name() {
    return name;
  }

  /** The index partition key. */
  public KeyAttribute partitionKey() {
    return partitionKey;
  }

  /** The index sort key, if any. */
  public Optional<KeyAttribute> sortKey() {
    return Optional.ofNullable(sortKey);
  }

  /** The projection type. */
  public ProjectionType projection() {
    return projection;
  }

  /** Non-key attributes projected with {@code INCLUDE}; empty otherwise. */
  public List<String> nonKeyAttributes() {
    return nonKeyAttributes;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IndexDefinition other && name.equals(other.name) && partitionKey.equals(other.partitionKey)
        && java.util.Objects.equals(sortKey, other.sortKey) && projection == other.projection
        && nonKeyAttributes.equals(other.nonKeyAttributes);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(name, partitionKey, sortKey, projection, nonKeyAttributes);
  }

  @Override
  public String toString() {
    return name + "(" + partitionKey.name() + (sortKey == null ? "" : ", " + sortKey.name()) + ", " + projection + ")";
  }
}
