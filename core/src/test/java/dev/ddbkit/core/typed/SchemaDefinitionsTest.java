package dev.ddbkit.core.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import dev.ddbkit.core.table.KeyAttribute;
import dev.ddbkit.core.table.TableDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

class SchemaDefinitionsTest {

  @SuppressWarnings("unchecked")
  private static final TableSchema<Map<String, Object>> SCHEMA = StaticTableSchema
      .builder((Class<Map<String, Object>>) (Class<?>) Map.class)
      .newItemSupplier(HashMap::new)
      .addAttribute(String.class, a -> a.name("tenant").getter(m -> (String) m.get("tenant"))
          .setter((m, v) -> m.put("tenant", v)).tags(primaryPartitionKey()))
      .addAttribute(String.class, a -> a.name("id").getter(m -> (String) m.get("id"))
          .setter((m, v) -> m.put("id", v)).tags(primarySortKey()))
      .addAttribute(String.class, a -> a.name("email").getter(m -> (String) m.get("email"))
          .setter((m, v) -> m.put("email", v)).tags(secondaryPartitionKey("by_email")))
      .addAttribute(Long.class, a -> a.name("score").getter(m -> (Long) m.get("score"))
          .setter((m, v) -> m.put("score", v)).tags(secondarySortKey("by_email"), secondarySortKey("by_score")))
      .build();

  @Test
  void from_derivesKeys_globalAndLocalIndexes_withTheirProjections() {
    TableDefinition d = SchemaDefinitions.from(SCHEMA, "people", Map.of("by_email", IndexProjection.include("name")))
        .ttlAttribute("expires").pointInTimeRecovery(true).tag("team", "a").build();

    assertThat(d.partitionKey()).isEqualTo(KeyAttribute.string("tenant"));
    assertThat(d.sortKey()).contains(KeyAttribute.string("id"));
    assertThat(d.globalSecondaryIndexes()).singleElement().satisfies(i -> {
      assertThat(i.name()).isEqualTo("by_email");
      assertThat(i.sortKey()).contains(KeyAttribute.number("score"));
      assertThat(i.projection()).isEqualTo(ProjectionType.INCLUDE);
      assertThat(i.nonKeyAttributes()).containsExactly("name");
    });
    assertThat(d.localSecondaryIndexes()).singleElement().satisfies(i -> {
      assertThat(i.name()).isEqualTo("by_score");
      assertThat(i.partitionKey()).isEqualTo(KeyAttribute.string("tenant"));
      assertThat(i.projection()).isEqualTo(ProjectionType.ALL);
    });
    CreateTableRequest create = d.toCreateTableRequest();
    assertThat(create.localSecondaryIndexes()).singleElement().satisfies(i -> assertThat(i.keySchema())
        .extracting(k -> k.attributeName()).containsExactly("tenant", "score"));
    assertThat(create.attributeDefinitions()).extracting(a -> a.attributeName())
        .containsExactlyInAnyOrder("tenant", "id", "email", "score");
    assertThat(d.ttlAttribute()).contains("expires");
  }

  @Test
  void from_withAProjectionForAnUndeclaredIndex_isRejected() {
    assertThatThrownBy(() -> SchemaDefinitions.from(SCHEMA, "people", Map.of("by_name", IndexProjection.keysOnly())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("by_name");
  }

  @Test
  void indexProjection_include_needsAnAttribute() {
    assertThatThrownBy(IndexProjection::include).isInstanceOf(IllegalArgumentException.class);
    assertThat(IndexProjection.keysOnly().nonKeyAttributes()).isEqualTo(List.of());
  }
}
