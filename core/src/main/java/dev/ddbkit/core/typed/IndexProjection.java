package dev.ddbkit.core.typed;

import dev.ddbkit.core.error.Require;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * What an index derived from a schema projects: every attribute, only keys, or keys plus named attributes.
 * The schema cannot say it, so {@link DdbkitTable#definition(java.util.Map)} takes it per index ({@code ALL} when
 * not given).
 *
 * <pre>{@code customers.definition(Map.of("by_email", IndexProjection.keysOnly(), "by_tier", IndexProjection.include("name")));}</pre>
 *
 * @param type the projection type
 * @param nonKeyAttributes the attributes projected besides the keys, for {@code INCLUDE}
 */
public record IndexProjection(ProjectionType type, List<String> nonKeyAttributes) {

  public IndexProjection {
    Require.nonNull(type, "type");
    nonKeyAttributes = List.copyOf(Require.nonNull(nonKeyAttributes, "nonKeyAttributes"));
  }

  /** Every attribute. */
  public static IndexProjection all() {
    return new IndexProjection(ProjectionType.ALL, List.of());
  }

  /** Only the table's and the index's keys: hydrate results with {@link DdbkitTable#hydratedIndex}. */
  public static IndexProjection keysOnly() {
    return new IndexProjection(ProjectionType.KEYS_ONLY, List.of());
  }

  /** The keys plus {@code attributes}. */
  public static IndexProjection include(String... attributes) {
    Require.argument(attributes.length > 0, "attributes", "An INCLUDE projection names at least one attribute.");
    return new IndexProjection(ProjectionType.INCLUDE, List.of(attributes));
  }
}
