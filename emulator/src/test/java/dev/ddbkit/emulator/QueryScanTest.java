package dev.ddbkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryScanTest extends EmulatorTestSupport {

  private static List<String> sks(QueryResponse r) {
    List<String> out = new ArrayList<>();
    r.items().forEach(i -> out.add(i.get("sk").n() != null ? i.get("sk").n() : i.get("sk").s()));
    return out;
  }

  @Test
  void query_ordersNumbersByValue_bothDirections_withSortConditions() {
    String t = table(ScalarAttributeType.N);
    for (String sk : List.of("10", "9", "-1.5", "100", "2")) {
      ddb.putItem(b -> b.tableName(t).item(item("pk", "p", "sk", n(sk))));
    }
    ddb.putItem(b -> b.tableName(t).item(item("pk", "other", "sk", n("1"))));
    Map<String, AttributeValue> p = Map.of(":p", s("p"));

    assertThat(sks(ddb.query(b -> b.tableName(t).keyConditionExpression("pk = :p").expressionAttributeValues(p))))
        .containsExactly("-1.5", "2", "9", "10", "100");
    assertThat(sks(ddb.query(b -> b.tableName(t).keyConditionExpression("pk = :p").expressionAttributeValues(p)
        .scanIndexForward(false)))).containsExactly("100", "10", "9", "2", "-1.5");
    assertThat(sks(ddb.query(b -> b.tableName(t).keyConditionExpression("pk = :p AND sk BETWEEN :a AND :b")
        .expressionAttributeValues(Map.of(":p", s("p"), ":a", n("2"), ":b", n("10")))))).containsExactly("2", "9", "10");
  }

  @Test
  void query_ordersStringsByUtf8Bytes() {
    String t = table(ScalarAttributeType.S);
    // U+FF21 (3 UTF-8 bytes) sorts before U+1F600 (4 bytes) by bytes, though not by UTF-16 units
    for (String sk : List.of("\uD83D\uDE00", "\uFF21", "a", "B")) {
      ddb.putItem(b -> b.tableName(t).item(item("pk", "p", "sk", sk)));
    }
    assertThat(sks(ddb.query(b -> b.tableName(t).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p")))))).containsExactly("B", "a", "\uFF21", "\uD83D\uDE00");
  }

  @Test
  void query_limitCountsItemsBeforeTheFilter_andPagesWithLastEvaluatedKey() {
    String t = table(ScalarAttributeType.N);
    for (int i = 1; i <= 10; i++) {
      int v = i;
      ddb.putItem(b -> b.tableName(t).item(item("pk", "p", "sk", v, "even", v % 2 == 0 ? "y" : "n")));
    }
    QueryResponse first = ddb.query(b -> b.tableName(t).keyConditionExpression("pk = :p")
        .filterExpression("even = :y").expressionAttributeValues(Map.of(":p", s("p"), ":y", s("y"))).limit(3));
    assertThat(first.scannedCount()).isEqualTo(3);
    assertThat(first.count()).isEqualTo(1);
    assertThat(first.lastEvaluatedKey()).isEqualTo(item("pk", "p", "sk", 3));

    List<String> all = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> s = start;
      QueryResponse page = ddb.query(b -> b.tableName(t).keyConditionExpression("pk = :p")
          .expressionAttributeValues(Map.of(":p", s("p"))).limit(4).exclusiveStartKey(s));
      all.addAll(sks(page));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    assertThat(all).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
  }

  @Test
  void query_selectCount_returnsNoItems() {
    String t = table(ScalarAttributeType.N);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "p", "sk", 1)));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "p", "sk", 2)));
    QueryResponse r = ddb.query(b -> b.tableName(t).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).select(Select.COUNT));
    assertThat(r.count()).isEqualTo(2);
    assertThat(r.hasItems()).isFalse();
  }

  @Test
  void query_stopsAtOneMegabyte() {
    String t = table(ScalarAttributeType.N);
    String payload = "x".repeat(100_000);
    for (int i = 0; i < 15; i++) {
      int v = i;
      ddb.putItem(b -> b.tableName(t).item(item("pk", "p", "sk", v, "data", payload)));
    }
    QueryResponse r = ddb.query(b -> b.tableName(t).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))));
    assertThat(r.count()).isLessThan(15).isGreaterThan(9);
    assertThat(r.lastEvaluatedKey()).isNotEmpty();
  }

  private static String indexedTable() {
    String name = tableName();
    ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("status").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("at").attributeType(ScalarAttributeType.N).build())
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus")
            .keySchema(KeySchemaElement.builder().attributeName("status").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("at").keyType(KeyType.RANGE).build())
            .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byAt")
            .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("at").keyType(KeyType.RANGE).build())
            .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("note").build()).build()));
    return name;
  }

  @Test
  void globalIndex_isSparse_projectsKeys_andPagesWithIndexAndTableKeys() {
    String t = indexedTable();
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "1", "status", "OPEN", "at", 5, "note", "n", "big", "b")));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "b", "sk", "1", "status", "OPEN", "at", 5)));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "c", "sk", "1", "at", 1)));

    QueryResponse first = ddb.query(b -> b.tableName(t).indexName("byStatus").keyConditionExpression("#s = :o")
        .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":o", s("OPEN"))).limit(1));
    assertThat(first.items()).hasSize(1);
    assertThat(first.items().get(0)).containsOnlyKeys("pk", "sk", "status", "at");
    assertThat(first.lastEvaluatedKey()).containsOnlyKeys("pk", "sk", "status", "at");
    QueryResponse second = ddb.query(b -> b.tableName(t).indexName("byStatus").keyConditionExpression("#s = :o")
        .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":o", s("OPEN")))
        .exclusiveStartKey(first.lastEvaluatedKey()));
    assertThat(second.items()).hasSize(1);
    assertThat(second.items().get(0).get("pk")).isNotEqualTo(first.items().get(0).get("pk"));

    ScanResponse scan = ddb.scan(b -> b.tableName(t).indexName("byStatus"));
    assertThat(scan.count()).isEqualTo(2);

    ddb.deleteItem(b -> b.tableName(t).key(item("pk", "a", "sk", "1")));
    assertThat(ddb.scan(b -> b.tableName(t).indexName("byStatus")).count()).isEqualTo(1);
    assertThatThrownBy(() -> ddb.query(b -> b.tableName(t).indexName("byStatus").keyConditionExpression("#s = :o")
        .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":o", s("OPEN")))
        .select(Select.ALL_ATTRIBUTES)))
        .hasMessageContaining("ALL_ATTRIBUTES");
  }

  @Test
  void localIndex_projectsIncludedAttributes_andFetchesTheRestFromTheTable() {
    String t = indexedTable();
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "1", "at", 7, "note", "n", "big", "b")));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "2", "at", 3)));
    QueryResponse projected = ddb.query(b -> b.tableName(t).indexName("byAt").keyConditionExpression("pk = :a")
        .expressionAttributeValues(Map.of(":a", s("a"))));
    assertThat(projected.items()).extracting(i -> i.get("at").n()).containsExactly("3", "7");
    assertThat(projected.items().get(1)).containsOnlyKeys("pk", "sk", "at", "note");
    QueryResponse all = ddb.query(b -> b.tableName(t).indexName("byAt").keyConditionExpression("pk = :a")
        .expressionAttributeValues(Map.of(":a", s("a"))).select(Select.ALL_ATTRIBUTES));
    assertThat(all.items().get(1)).containsKey("big");
  }

  @Test
  void scan_segmentsPartitionTheTable_andPagesCoverEveryItem() {
    String t = table(null);
    for (int i = 0; i < 60; i++) {
      int v = i;
      ddb.putItem(b -> b.tableName(t).item(item("pk", "k" + v)));
    }
    Set<String> seen = new HashSet<>();
    int total = 0;
    for (int seg = 0; seg < 4; seg++) {
      int sgm = seg;
      Map<String, AttributeValue> start = null;
      do {
        Map<String, AttributeValue> s = start;
        ScanResponse page = ddb.scan(b -> b.tableName(t).segment(sgm).totalSegments(4).limit(7).exclusiveStartKey(s));
        page.items().forEach(i -> seen.add(i.get("pk").s()));
        total += page.count();
        start = page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
      } while (start != null);
    }
    assertThat(total).isEqualTo(60);
    assertThat(seen).hasSize(60);
    assertThatThrownBy(() -> ddb.scan(b -> b.tableName(t).segment(4).totalSegments(4)))
        .hasMessageContaining("Segment");
  }

  @Test
  void scan_filterAndProjection() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1, "w", "x")));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "b", "v", 2, "w", "y")));
    ScanResponse r = ddb.scan(b -> b.tableName(t).filterExpression("v > :one").projectionExpression("w")
        .expressionAttributeValues(Map.of(":one", n("1"))));
    assertThat(r.items()).containsExactly(item("w", "y"));
    assertThat(r.scannedCount()).isEqualTo(2);
  }
}
