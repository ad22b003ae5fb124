package dev.ddbkit.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class TableDefinitionTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void blankTableName_isRejected(String name) {
    assertThatThrownBy(() -> TableDefinition.builder(name))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("table name must not be blank.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "orders production", "orders/prod", "ünicode"})
  void invalidTableName_isRejectedNamingIt(String name) {
    assertThatThrownBy(() -> TableDefinition.builder(name))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Table name '" + name + "' must be 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'.");
  }

  @Test
  void tooLongTableName_isRejected() {
    assertThatThrownBy(() -> TableDefinition.builder("t".repeat(256))).hasMessageContaining("3 to 255 characters");
    assertThat(TableDefinition.builder("t".repeat(255)).partitionKey(KeyAttribute.string("pk")).build().name())
        .hasSize(255);
  }

  @Test
  void withName_validatesTheNewName() {
    assertThatThrownBy(() -> SeedTables.orders().withName("x")).hasMessageContaining("Table name 'x'");
    assertThat(SeedTables.orders().withName("orders-production-t1").name()).isEqualTo("orders-production-t1");
  }

  @Test
  void missingPartitionKey_isRejected() {
    assertThatThrownBy(() -> TableDefinition.builder("orders").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("partitionKey of table orders must not be null.");
  }

  @Test
  void indexKeyWithConflictingType_isRejectedNamingAttributeAndIndex() {
    assertThatThrownBy(() -> TableDefinition.builder("orders")
        .partitionKey(KeyAttribute.string("customer_id"))
        .sortKey(KeyAttribute.string("order_id"))
        .globalSecondaryIndex(IndexDefinition.of("ByOrder", KeyAttribute.number("order_id"), ProjectionType.ALL))
        .build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Attribute order_id is declared as S and, as partition key of index ByOrder, as N.");
  }

  @Test
  void duplicateIndexName_isRejected() {
    IndexDefinition idx = IndexDefinition.of("ByDate", KeyAttribute.string("order_date"), ProjectionType.ALL);
    assertThatThrownBy(() -> TableDefinition.builder("orders").partitionKey(KeyAttribute.string("pk"))
        .globalSecondaryIndex(idx).globalSecondaryIndex(idx).build())
        .hasMessage("Table orders defines index ByDate twice.");
  }

  @Test
  void sameAttributeAsPartitionAndSortKey_isRejected() {
    assertThatThrownBy(() -> TableDefinition.builder("orders").partitionKey(KeyAttribute.string("pk"))
        .sortKey(KeyAttribute.string("pk")).build())
        .hasMessage("Table orders uses pk as both partition and sort key.");
  }

  @Test
  void ttlOnKeyAttribute_isRejected() {
    assertThatThrownBy(() -> TableDefinition.builder("orders").partitionKey(KeyAttribute.string("pk"))
        .ttlAttribute("pk").build())
        .hasMessage("TTL attribute pk of table orders must not be a key attribute.");
  }

  @Test
  void moreThanTwentyIndexes_isRejected() {
    TableDefinition.Builder b = TableDefinition.builder("orders").partitionKey(KeyAttribute.string("pk"));
    for (int i = 0; i < 21; i++) {
      b.globalSecondaryIndex(IndexDefinition.of("Index" + i, KeyAttribute.string("a" + i), ProjectionType.KEYS_ONLY));
    }
    assertThatThrownBy(b::build).hasMessageContaining("defines 21 global secondary indexes; the limit is 20");
  }

  @Test
  void indexValidation_namesTheIndex() {
    assertThatThrownBy(() -> IndexDefinition.of("x", KeyAttribute.string("a"), ProjectionType.ALL))
        .hasMessageContaining("Index name 'x'");
    assertThatThrownBy(() -> IndexDefinition.of("ByA", KeyAttribute.string("a"), null))
        .hasMessage("projection of index ByA must not be null.");
    assertThatThrownBy(() -> IndexDefinition.including("ByA", KeyAttribute.string("a"), null, List.of()))
        .hasMessage("Index ByA projects INCLUDE and must name at least one non-key attribute.");
    assertThat(IndexDefinition.including("ByA", KeyAttribute.string("a"), null, List.of("total")).nonKeyAttributes())
        .containsExactly("total");
  }

  @Test
  void keyAttribute_blankOrUnknownType_isRejected() {
    assertThatThrownBy(() -> KeyAttribute.string(" ")).hasMessage("key attribute name must not be blank.");
    assertThatThrownBy(() -> new KeyAttribute("a", ScalarAttributeType.UNKNOWN_TO_SDK_VERSION))
        .hasMessage("Key attribute a must have type S, N or B.");
  }

  @Test
  void capacity_provisionedNeedsUnits_onDemandTakesNone() {
    assertThatThrownBy(() -> Capacity.provisioned(0, 5)).hasMessage("readUnits must be at least 1 but was 0.");
    assertThatThrownBy(() -> Capacity.provisioned(5, 0)).hasMessage("writeUnits must be at least 1 but was 0.");
    assertThatThrownBy(() -> new Capacity(BillingMode.PAY_PER_REQUEST, 1, 0))
        .hasMessage("An on-demand table takes no provisioned capacity units.");
  }

  @Test
  void ordersSeed_matchesTheGuidesTerraform() {
    TableDefinition orders = SeedTables.orders();
    CreateTableRequest request = orders.toCreateTableRequest();

    assertThat(request.tableName()).isEqualTo("orders-production");
    assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(request.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
        .containsExactly("customer_id:HASH", "order_id:RANGE");
    assertThat(request.attributeDefinitions()).extracting(AttributeDefinition::attributeName)
        .containsExactlyInAnyOrder("customer_id", "order_id", "order_date", "status");
    assertThat(request.globalSecondaryIndexes()).extracting(g -> g.indexName() + ":"
            + g.keySchema().get(0).attributeName() + "/" + g.keySchema().get(1).attributeName() + ":"
            + g.projection().projectionTypeAsString())
        .containsExactly("OrderDateIndex:order_date/order_id:ALL", "StatusIndex:status/order_date:KEYS_ONLY");
    assertThat(request.sseSpecification().enabled()).isTrue();
    assertThat(request.tags()).extracting(t -> t.key() + "=" + t.value())
        .containsExactlyInAnyOrder("Environment=production", "Service=order-service");
    assertThat(orders.ttlAttribute()).contains("expires_at");
    assertThat(orders.pointInTimeRecovery()).isTrue();
  }

  @Test
  void sessionsSeed_isProvisioned100By50() {
    CreateTableRequest request = SeedTables.sessions().toCreateTableRequest();

    assertThat(request.billingMode()).isEqualTo(BillingMode.PROVISIONED);
    assertThat(request.provisionedThroughput().readCapacityUnits()).isEqualTo(100L);
    assertThat(request.provisionedThroughput().writeCapacityUnits()).isEqualTo(50L);
    assertThat(request.keySchema()).extracting(k -> k.attributeName()).containsExactly("session_id");
  }

  @Test
  void toBuilder_roundTripsEqualRequests() {
    for (TableDefinition def : SeedTables.all()) {
      assertThat(def.toBuilder().build().toCreateTableRequest()).isEqualTo(def.toCreateTableRequest());
    }
  }
}
