package dev.ddbkit.conformance;

import static dev.ddbkit.conformance.Conformance.ascii;
import static dev.ddbkit.conformance.Conformance.attribute;
import static dev.ddbkit.conformance.Conformance.hash;
import static dev.ddbkit.conformance.Conformance.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.conformance.Conformance.Tables;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * ReturnConsumedCapacity on items of known sizes, by the Developer Guide's arithmetic: an item's size is the sum of
 * the UTF-8 lengths of its attribute names and string values; a write costs one unit per started 1 KB, a strongly
 * consistent read one unit per started 4 KB (a Query sums the sizes of the items it reads first), an eventually
 * consistent read half of that.
 */
@DynamoDbLocalTest
class CapacityIT {
  private static final AtomicInteger IDS = new AtomicInteger();
  private static DynamoDbClient client;
  private static Tables tables;
  private static String plain;
  private static String sorted;
  private static String indexed;

  @BeforeAll
  static void createTables(DynamoDbLocal local) {
    client = Conformance.client(local);
    tables = new Tables(client);
    plain = tables.create("capacity", false);
    sorted = tables.create("capacity-sorted", true);
    indexed = tables.create("capacity-gsi", r -> r.keySchema(hash("pk"))
        .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("g", ScalarAttributeType.S))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by_g").keySchema(hash("g"))
            .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
  }

  @AfterAll
  static void deleteTables() {
    tables.close();
  }

  /** An item of exactly {@code size} bytes: {@code pk} plus a string attribute {@code d}. */
  private static Map<String, AttributeValue> itemOfSize(String id, int size) {
    return item("pk", id, "d", ascii(size - "pk".length() - id.length() - "d".length()));
  }

  private static String newId() {
    return String.format("c-%05d", IDS.incrementAndGet());
  }

  private static double putCost(Map<String, AttributeValue> item) {
    ConsumedCapacity consumed = client.putItem(r -> r.tableName(plain).item(item)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    assertThat(consumed.tableName()).isEqualTo(plain);
    return consumed.capacityUnits();
  }

  @ParameterizedTest(name = "{0} bytes cost {1}")
  @CsvSource({"10,1", "1024,1", "1025,2", "3000,3", "10240,10"})
  void putItem_consumesOneWriteUnitPerStartedKilobyte(int size, double units) {
    assertThat(putCost(itemOfSize(newId(), size))).isEqualTo(units);
  }

  @Test
  void putItem_overALargerItem_isChargedForTheLargerOfTheTwo() {
    String id = newId();
    putCost(itemOfSize(id, 3000));
    assertThat(putCost(itemOfSize(id, 100))).isEqualTo(3.0);
  }

  @Test
  void deleteItem_isChargedForTheDeletedItemsSize() {
    String id = newId();
    putCost(itemOfSize(id, 2500));
    ConsumedCapacity consumed = client.deleteItem(r -> r.tableName(plain).key(item("pk", id))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    assertThat(consumed.capacityUnits()).isEqualTo(3.0);
  }

  @ParameterizedTest(name = "{0} bytes, consistent={1}, cost {2}")
  @CsvSource({"100,true,1", "100,false,0.5", "4096,true,1", "4096,false,0.5", "4097,true,2", "4097,false,1",
      "10000,true,3", "10000,false,1.5"})
  void getItem_consumesOneReadUnitPerStarted4Kb_halfWhenEventuallyConsistent(int size, boolean consistent,
      double units) {
    String id = newId();
    putCost(itemOfSize(id, size));
    ConsumedCapacity consumed = client.getItem(r -> r.tableName(plain).key(item("pk", id)).consistentRead(consistent)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    assertThat(consumed.tableName()).isEqualTo(plain);
    assertThat(consumed.capacityUnits()).isEqualTo(units);
  }

  @Test
  void getItem_ofAMissingItem_stillConsumesAReadUnit() {
    String id = newId();
    assertThat(client.getItem(r -> r.tableName(plain).key(item("pk", id)).consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(1.0);
    assertThat(client.getItem(r -> r.tableName(plain).key(item("pk", id)).consistentRead(false)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(0.5);
  }

  @Test
  void query_sumsTheItemSizesBeforeRoundingUpTo4Kb() {
    // ten items of 1,000 bytes: 10,000 bytes are three 4 KB units, where ten separate reads would be ten
    String id = newId();
    for (int i = 0; i < 10; i++) {
      String sk = "s" + i;
      int padding = 1000 - "pk".length() - id.length() - "sk".length() - sk.length() - "d".length();
      client.putItem(r -> r.tableName(sorted).item(item("pk", id, "sk", sk, "d", ascii(padding))));
    }

    ConsumedCapacity strong = client.query(r -> r.tableName(sorted).keyConditionExpression("pk = :p")
        .expressionAttributeValues(item(":p", id)).consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    ConsumedCapacity eventual = client.query(r -> r.tableName(sorted).keyConditionExpression("pk = :p")
        .expressionAttributeValues(item(":p", id)).consistentRead(false)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertThat(strong.capacityUnits()).isEqualTo(3.0);
    assertThat(eventual.capacityUnits()).isEqualTo(1.5);
  }

  @Test
  void returnConsumedCapacityIndexes_breaksAPutDownIntoTableAndIndex() {
    ConsumedCapacity consumed = client.putItem(r -> r.tableName(indexed).item(item("pk", newId(), "g", "G"))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

    assertThat(consumed.tableName()).isEqualTo(indexed);
    assertThat(consumed.capacityUnits()).isEqualTo(2.0);
    assertThat(consumed.table().capacityUnits()).isEqualTo(1.0);
    assertThat(consumed.globalSecondaryIndexes()).containsOnlyKeys("by_g");
    assertThat(consumed.globalSecondaryIndexes().get("by_g").capacityUnits()).isEqualTo(1.0);
  }

  @Test
  void returnConsumedCapacityTotal_hasNoIndexBreakdown_andNoneReturnsNothing() {
    ConsumedCapacity total = client.putItem(r -> r.tableName(indexed).item(item("pk", newId(), "g", "G"))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    assertThat(total.capacityUnits()).isEqualTo(2.0);
    assertThat(total.hasGlobalSecondaryIndexes()).isFalse();

    assertThat(client.putItem(r -> r.tableName(indexed).item(item("pk", newId(), "g", "G"))
        .returnConsumedCapacity(ReturnConsumedCapacity.NONE)).consumedCapacity()).isNull();
    assertThat(client.putItem(r -> r.tableName(indexed).item(item("pk", newId(), "g", "G"))).consumedCapacity())
        .isNull();
  }
}
