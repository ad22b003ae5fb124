package dev.ddbkit.core.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.InvalidInputException;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Configuration checks that need no backend: nothing here sends a request. */
class DdbkitTablesTest {
  private static final DynamoDbClient CLIENT = DynamoDbClient.builder().region(Region.US_EAST_1)
      .credentialsProvider(AnonymousCredentialsProvider.create()).endpointOverride(URI.create("http://127.0.0.1:9"))
      .build();
  private static final TableSchema<Item> SCHEMA = StaticTableSchema.builder(Item.class).newItemSupplier(Item::new)
      .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v)
          .tags(StaticAttributeTags.primaryPartitionKey()))
      .build();

  static final class Item {
    String id;
  }

  @AfterAll
  static void close() {
    CLIENT.close();
  }

  @Test
  void build_withoutACursorKey_orWithAShortOne_isRejected() {
    assertThatThrownBy(() -> DdbkitTables.builder(CLIENT).build()).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).argument()).isEqualTo("cursorKey"));
    assertThatThrownBy(() -> DdbkitTables.builder(CLIENT).cursorKey(new byte[15]))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void table_appliesTheNaming_andRejectsBadInputBeforeAnyCall() {
    DdbkitTables tables = DdbkitTables.builder(CLIENT).cursorKey(new byte[16]).naming(TableNaming.of("stg-", ""))
        .build();
    DdbkitTable<Item> items = tables.table("items", SCHEMA);

    assertThat(items.name()).isEqualTo("stg-items");
    assertThat(items.dynamoDbTable().tableName()).isEqualTo("stg-items");
    assertThat(items.versionAttribute()).isEmpty();
    assertThatThrownBy(() -> items.put(new Item())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("key attribute id");
    assertThatThrownBy(() -> items.index("nope")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> items.query(q -> q.queryConditional(
        software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.keyEqualTo(k -> k.partitionValue("a")))).page(0))
        .isInstanceOf(InvalidInputException.class);
    Item huge = new Item();
    huge.id = "x".repeat(500 * 1024);
    assertThatThrownBy(() -> items.create(huge)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("409600");
  }
}
