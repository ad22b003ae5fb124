package dev.ddbkit.conformance;

import static dev.ddbkit.conformance.Conformance.assertValidation;
import static dev.ddbkit.conformance.Conformance.attribute;
import static dev.ddbkit.conformance.Conformance.b;
import static dev.ddbkit.conformance.Conformance.hash;
import static dev.ddbkit.conformance.Conformance.item;
import static dev.ddbkit.conformance.Conformance.n;
import static dev.ddbkit.conformance.Conformance.range;
import static dev.ddbkit.conformance.Conformance.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.conformance.Conformance.Tables;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Query: key conditions, sort orders, paging, Limit and filters, projections, secondary indexes, the 1 MB page. */
@DynamoDbLocalTest
class QueryIT {
  /** Sort keys in UTF-8 byte order, which differs from Java's UTF-16 order for the last two. */
  private static final List<String> STRING_ORDER = List.of("B", "Z", "a", "b", "~", "é", "\uFFFD", "😀");
  private static final List<String> OPS = List.of("a1", "a2", "a3", "a4", "a5", "b1", "c1");
  private static final int BIG_ITEMS = 150;
  private static final int BIG_ITEM_SIZE = 10_000;

  private static DynamoDbClient client;
  private static Tables tables;
  private static String strings;
  private static String numbers;
  private static String binaries;
  private static String indexed;

  @BeforeAll
  static void createTables(DynamoDbLocal local) {
    client = Conformance.client(local);
    tables = new Tables(client);
    strings = tables.create("query-s", true);
    numbers = tables.create("query-n", r -> r.keySchema(hash("pk"), range("sk"))
        .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N)));
    binaries = tables.create("query-b", r -> r.keySchema(hash("pk"), range("sk"))
        .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.B)));
    indexed = tables.create("query-idx", r -> r.keySchema(hash("pk"), range("sk"))
        .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.S),
            attribute("g", ScalarAttributeType.S), attribute("gs", ScalarAttributeType.N),
            attribute("l", ScalarAttributeType.N))
        .globalSecondaryIndexes(
            GlobalSecondaryIndex.builder().indexName("by_g").keySchema(hash("g"), range("gs"))
                .projection(p -> p.projectionType(ProjectionType.ALL)).build(),
            GlobalSecondaryIndex.builder().indexName("g_keys").keySchema(hash("g"))
                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by_l").keySchema(hash("pk"), range("l"))
            .projection(p -> p.projectionType(ProjectionType.ALL)).build()));

    for (String sk : STRING_ORDER) {
      client.putItem(r -> r.tableName(strings).item(item("pk", "order", "sk", sk)));
    }
    for (int i = 0; i < OPS.size(); i++) {
      var item = item("pk", "ops", "sk", OPS.get(i), "i", i, "even", AttributeValue.fromBool(i % 2 == 0),
          "payload", "p" + i);
      client.putItem(r -> r.tableName(strings).item(item));
    }
    for (String sk : List.of("100", "-2.5", "10", "0", "-10", "1", "0.5")) {
      client.putItem(r -> r.tableName(numbers).item(item("pk", "n", "sk", n(sk))));
    }
    for (AttributeValue sk : List.of(b(0xff), b(0x00), b(0x80), b(0x7f), b(0x00, 0x00), b(0x80, 0x01))) {
      client.putItem(r -> r.tableName(binaries).item(item("pk", "b", "sk", sk)));
    }
    // gs in the opposite order of sk; item 4 has no g (absent from by_g and g_keys: the indexes are sparse)
    for (int i = 0; i < 5; i++) {
      var item = item("pk", "p", "sk", "s" + i, "l", n(10 - i), "other", "o" + i);
      if (i != 4) {
        item.put("g", s("G"));
        item.put("gs", n(100 - i));
      }
      client.putItem(r -> r.tableName(indexed).item(item));
    }
    List<WriteRequest> batch = new ArrayList<>();
    for (int i = 0; i < BIG_ITEMS; i++) {
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", "big",
          "sk", String.format("%04d", i), "data", "d".repeat(BIG_ITEM_SIZE))).build()).build());
      if (batch.size() == 25 || i == BIG_ITEMS - 1) {
        Batches.writeAll(client, Map.of(strings, List.copyOf(batch)));
        batch.clear();
      }
    }
  }

  @AfterAll
  static void deleteTables() {
    tables.close();
  }

  private static QueryResponse query(String table, Consumer<QueryRequest.Builder> spec) {
    QueryRequest.Builder request = QueryRequest.builder().tableName(table).consistentRead(true);
    spec.accept(request);
    return client.query(request.build());
  }

  private static List<AttributeValue> sortKeys(QueryResponse response) {
    return response.items().stream().map(i -> i.get("sk")).toList();
  }

  private static List<String> stringSortKeys(QueryResponse response) {
    return response.items().stream().map(i -> i.get("sk").s()).toList();
  }

  @Nested
  class SortOrder {
    @Test
    void strings_sortInUtf8ByteOrder() {
      QueryResponse response = query(strings, r -> r.keyConditionExpression("pk = :p")
          .expressionAttributeValues(item(":p", "order")));
      assertThat(stringSortKeys(response)).containsExactlyElementsOf(STRING_ORDER);
    }

    @Test
    void scanIndexForwardFalse_returnsDescendingOrder() {
      QueryResponse response = query(strings, r -> r.keyConditionExpression("pk = :p")
          .expressionAttributeValues(item(":p", "order")).scanIndexForward(false));
      List<String> descending = new ArrayList<>(STRING_ORDER);
      Collections.reverse(descending);
      assertThat(stringSortKeys(response)).containsExactlyElementsOf(descending);
    }

    @Test
    void numbers_sortByValue() {
      QueryResponse response = query(numbers, r -> r.keyConditionExpression("pk = :p")
          .expressionAttributeValues(item(":p", "n")));
      assertThat(sortKeys(response)).containsExactly(n("-10"), n("-2.5"), n("0"), n("0.5"), n("1"), n("10"), n("100"));
    }

    @Test
    void binaries_sortAsUnsignedBytes() {
      QueryResponse response = query(binaries, r -> r.keyConditionExpression("pk = :p")
          .expressionAttributeValues(item(":p", "b")));
      assertThat(sortKeys(response)).containsExactly(b(0x00), b(0x00, 0x00), b(0x7f), b(0x80), b(0x80, 0x01), b(0xff));
    }

    @Test
    void numberKeyCondition_comparesByValue() {
      QueryResponse response = query(numbers, r -> r.keyConditionExpression("pk = :p AND sk BETWEEN :lo AND :hi")
          .expressionAttributeValues(item(":p", "n", ":lo", n("-3"), ":hi", n("1"))));
      assertThat(sortKeys(response)).containsExactly(n("-2.5"), n("0"), n("0.5"), n("1"));
    }
  }

  @Nested
  class KeyConditions {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "pk = :p | a1 a2 a3 a4 a5 b1 c1",
        "pk = :p AND sk = :v | a3",
        "pk = :p AND sk < :v | a1 a2",
        "pk = :p AND sk <= :v | a1 a2 a3",
        "pk = :p AND sk > :v | a4 a5 b1 c1",
        "pk = :p AND sk >= :v | a3 a4 a5 b1 c1",
        "pk = :p AND sk BETWEEN :v AND :w | a3 a4 a5 b1",
        "pk = :p AND begins_with(sk, :a) | a1 a2 a3 a4 a5",
        "sk = :v AND pk = :p | a3",
        "(pk = :p) AND (sk < :v) | a1 a2"})
    void keyConditionOperators_selectTheDocumentedItems(String condition, String expected) {
      Map<String, AttributeValue> values = item(":p", "ops", ":v", "a3", ":w", "b1", ":a", "a");
      values.keySet().removeIf(k -> !condition.contains(k));
      QueryResponse response = query(strings, r -> r.keyConditionExpression(condition).expressionAttributeValues(values));
      assertThat(stringSortKeys(response)).containsExactly(expected.split(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk = :v", "pk < :p", "pk = :p AND sk <> :v", "pk = :p OR sk = :v", "pk = :p AND payload = :v",
        "pk = :p AND sk = :v AND sk = :v", "pk = :p AND NOT sk = :v", "pk = :p AND contains(sk, :v)"})
    void unsupportedKeyConditions_areRejected(String condition) {
      Map<String, AttributeValue> values = item(":p", "ops", ":v", "a3");
      values.keySet().removeIf(k -> !condition.contains(k));
      assertValidation(() -> query(strings, r -> r.keyConditionExpression(condition).expressionAttributeValues(values)));
    }

    @Test
    void sortKeyConditionOnATableWithoutSortKey_isRejected() {
      String hashOnly = tables.create("query-hash", false);
      assertValidation(() -> query(hashOnly, r -> r.keyConditionExpression("pk = :p AND sk = :v")
          .expressionAttributeValues(item(":p", "x", ":v", "y"))));
    }

    @Test
    void beginsWith_onABinarySortKey_comparesBytes() {
      QueryResponse response = query(binaries, r -> r.keyConditionExpression("pk = :p AND begins_with(sk, :prefix)")
          .expressionAttributeValues(item(":p", "b", ":prefix", b(0x80))));
      assertThat(sortKeys(response)).containsExactly(b(0x80), b(0x80, 0x01));
    }

    @Test
    void filterOnAKeyAttribute_isRejected() {
      assertValidation(() -> query(strings, r -> r.keyConditionExpression("pk = :p").filterExpression("sk = :v")
          .expressionAttributeValues(item(":p", "ops", ":v", "a3"))));
    }

    @Test
    void keyConditionValueOfTheWrongType_isRejected() {
      assertValidation(() -> query(numbers, r -> r.keyConditionExpression("pk = :p AND sk > :v")
          .expressionAttributeValues(item(":p", "n", ":v", "text"))));
    }
  }

  @Nested
  class PagingAndFilters {
    @Test
    void limit_countsItemsEvaluatedBeforeTheFilter() {
      // of a1, a2, a3 only a2 (i = 1) is odd
      QueryResponse response = query(strings, r -> r.keyConditionExpression("pk = :p").filterExpression("even = :f")
          .expressionAttributeValues(item(":p", "ops", ":f", AttributeValue.fromBool(false))).limit(3));

      assertThat(response.count()).isEqualTo(1);
      assertThat(response.scannedCount()).isEqualTo(3);
      assertThat(stringSortKeys(response)).containsExactly("a2");
      assertThat(response.lastEvaluatedKey()).isEqualTo(item("pk", "ops", "sk", "a3"));
    }

    @Test
    void filter_withoutLimit_reportsMatchedAndEvaluatedCounts() {
      QueryResponse response = query(strings, r -> r.keyConditionExpression("pk = :p").filterExpression("i >= :three")
          .expressionAttributeValues(item(":p", "ops", ":three", n(3))));
      assertThat(response.count()).isEqualTo(4);
      assertThat(response.scannedCount()).isEqualTo(7);
      assertThat(response.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void exclusiveStartKey_andLastEvaluatedKey_pageThroughEveryItemOnce() {
      List<String> seen = new ArrayList<>();
      Map<String, AttributeValue> start = null;
      int pages = 0;
      do {
        Map<String, AttributeValue> from = start;
        QueryResponse page = query(strings, r -> r.keyConditionExpression("pk = :p")
            .expressionAttributeValues(item(":p", "ops")).limit(2).exclusiveStartKey(from));
        assertThat(page.count()).isLessThanOrEqualTo(2);
        seen.addAll(stringSortKeys(page));
        start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        if (start != null) {
          assertThat(start).isEqualTo(item("pk", "ops", "sk", seen.get(seen.size() - 1)));
        }
        pages++;
      } while (start != null && pages < 20);
      assertThat(seen).containsExactlyElementsOf(OPS);
    }

    @Test
    void exclusiveStartKey_startsAfterThatKey_inEitherDirection() {
      QueryResponse forward = query(strings, r -> r.keyConditionExpression("pk = :p")
          .expressionAttributeValues(item(":p", "ops")).exclusiveStartKey(item("pk", "ops", "sk", "a3")));
      QueryResponse backward = query(strings, r -> r.keyConditionExpression("pk = :p").scanIndexForward(false)
          .expressionAttributeValues(item(":p", "ops")).exclusiveStartKey(item("pk", "ops", "sk", "a3")));
      assertThat(stringSortKeys(forward)).containsExactly("a4", "a5", "b1", "c1");
      assertThat(stringSortKeys(backward)).containsExactly("a2", "a1");
    }

    @Test
    void selectCount_returnsTheCountWithoutItems() {
      QueryResponse response = query(strings, r -> r.keyConditionExpression("pk = :p").select(Select.COUNT)
          .filterExpression("even = :t").expressionAttributeValues(item(":p", "ops", ":t", AttributeValue.fromBool(true))));
      assertThat(response.count()).isEqualTo(4);
      assertThat(response.scannedCount()).isEqualTo(7);
      assertThat(response.items()).isEmpty();
    }

    @Test
    void projectionExpression_returnsOnlyTheNamedAttributes() {
      QueryResponse response = query(strings, r -> r.keyConditionExpression("pk = :p AND sk = :v")
          .projectionExpression("payload, #i").expressionAttributeNames(Map.of("#i", "i"))
          .expressionAttributeValues(item(":p", "ops", ":v", "a2")));
      assertThat(response.items()).containsExactly(item("payload", "p1", "i", 1));
    }

    @Test
    void exclusiveStartKey_ofTheWrongShape_isRejected() {
      assertValidation(() -> query(strings, r -> r.keyConditionExpression("pk = :p")
          .expressionAttributeValues(item(":p", "ops")).exclusiveStartKey(item("pk", "ops"))));
    }

    @Test
    void limitZero_isRejected() {
      assertValidation(() -> query(strings, r -> r.keyConditionExpression("pk = :p")
          .expressionAttributeValues(item(":p", "ops")).limit(0)));
    }

    @Test
    void aPage_stopsAtOneMegabyte_withALastEvaluatedKey() {
      int itemSize = "pk".length() + "big".length() + "sk".length() + 4 + "data".length() + BIG_ITEM_SIZE;
      int perMegabyte = 1024 * 1024 / itemSize;

      QueryResponse first = query(strings, r -> r.keyConditionExpression("pk = :p").expressionAttributeValues(item(":p", "big")));

      assertThat(first.hasLastEvaluatedKey()).isTrue();
      // the Developer Guide: a Query reads at most 1 MB of data a page; whether the item crossing the line is
      // included is not documented, hence the range of one item either way
      assertThat(first.count()).isBetween(perMegabyte - 1, perMegabyte + 1);
      List<String> seen = new ArrayList<>(stringSortKeys(first));
      Map<String, AttributeValue> start = first.lastEvaluatedKey();
      int pages = 1;
      while (start != null && pages < 10) {
        Map<String, AttributeValue> from = start;
        QueryResponse page = query(strings, r -> r.keyConditionExpression("pk = :p")
            .expressionAttributeValues(item(":p", "big")).exclusiveStartKey(from));
        seen.addAll(stringSortKeys(page));
        start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        pages++;
      }
      assertThat(seen).hasSize(BIG_ITEMS).doesNotHaveDuplicates().isSorted();
    }
  }

  @Nested
  class Indexes {
    /** GSIs are eventually consistent: wait until the seeded items are visible in the index. */
    private QueryResponse queryGsi(String index, Consumer<QueryRequest.Builder> spec, int expectedCount) {
      QueryResponse[] result = new QueryResponse[1];
      Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> {
        QueryRequest.Builder request = QueryRequest.builder().tableName(indexed).indexName(index);
        spec.accept(request);
        result[0] = client.query(request.build());
        return result[0].count() >= expectedCount || result[0].hasLastEvaluatedKey();
      });
      return result[0];
    }

    @Test
    void gsiQuery_returnsOnlyItemsWithTheIndexKey_inIndexSortOrder() {
      QueryResponse response = queryGsi("by_g", r -> r.keyConditionExpression("g = :g")
          .expressionAttributeValues(item(":g", "G")), 4);
      assertThat(stringSortKeys(response)).containsExactly("s3", "s2", "s1", "s0");
      assertThat(response.items().get(0)).containsEntry("other", s("o3")).containsEntry("l", n(7));
    }

    @Test
    void keysOnlyGsi_returnsTheIndexAndTableKeysOnly() {
      QueryResponse response = queryGsi("g_keys", r -> r.keyConditionExpression("g = :g")
          .expressionAttributeValues(item(":g", "G")), 4);
      assertThat(response.items()).hasSize(4)
          .allSatisfy(i -> assertThat(i).containsOnlyKeys("g", "pk", "sk"));
    }

    @Test
    void gsiPage_lastEvaluatedKeyHoldsTheIndexAndTableKeys() {
      queryGsi("by_g", r -> r.keyConditionExpression("g = :g").expressionAttributeValues(item(":g", "G")), 4);
      QueryResponse first = client.query(r -> r.tableName(indexed).indexName("by_g").keyConditionExpression("g = :g")
          .expressionAttributeValues(item(":g", "G")).limit(1));

      assertThat(first.lastEvaluatedKey()).isEqualTo(item("g", "G", "gs", n(97), "pk", "p", "sk", "s3"));

      QueryResponse second = client.query(r -> r.tableName(indexed).indexName("by_g").keyConditionExpression("g = :g")
          .expressionAttributeValues(item(":g", "G")).limit(2).exclusiveStartKey(first.lastEvaluatedKey()));
      assertThat(stringSortKeys(second)).containsExactly("s2", "s1");
    }

    @Test
    void gsiScan_seesOnlyItemsWithTheIndexKey() {
      queryGsi("g_keys", r -> r.keyConditionExpression("g = :g").expressionAttributeValues(item(":g", "G")), 4);
      var scanned = client.scan(r -> r.tableName(indexed).indexName("g_keys")).items();
      assertThat(scanned).extracting(i -> i.get("sk").s()).containsExactlyInAnyOrder("s0", "s1", "s2", "s3");
    }

    @Test
    void indexKeyAttribute_emptyOrOfTheWrongType_isRejected() {
      // the Developer Guide: empty strings are not allowed in key attributes of tables or indexes
      assertValidation(() -> client.putItem(r -> r.tableName(indexed).item(item("pk", "p", "sk", "bad", "g", ""))));
      assertValidation(() -> client.putItem(r -> r.tableName(indexed).item(item("pk", "p", "sk", "bad", "g", n(1)))));
      assertValidation(() -> client.putItem(r -> r.tableName(indexed).item(item("pk", "p", "sk", "bad", "l", "text"))));
      assertThat(client.getItem(r -> r.tableName(indexed).key(item("pk", "p", "sk", "bad")).consistentRead(true))
          .hasItem()).isFalse();
    }

    @Test
    void gsiQuery_withConsistentRead_isRejected() {
      assertValidation(() -> client.query(r -> r.tableName(indexed).indexName("by_g").consistentRead(true)
          .keyConditionExpression("g = :g").expressionAttributeValues(item(":g", "G"))));
    }

    @Test
    void queryOnAMissingIndex_isRejected() {
      assertValidation(() -> client.query(r -> r.tableName(indexed).indexName("nope")
          .keyConditionExpression("g = :g").expressionAttributeValues(item(":g", "G"))));
    }

    @Test
    void lsiQuery_ordersByTheIndexSortKey_andAllowsConsistentReads() {
      QueryResponse response = client.query(r -> r.tableName(indexed).indexName("by_l").consistentRead(true)
          .keyConditionExpression("pk = :p AND l >= :min").expressionAttributeValues(item(":p", "p", ":min", n(7))));
      assertThat(stringSortKeys(response)).containsExactly("s3", "s2", "s1", "s0");
      assertThat(response.items().get(0)).containsEntry("other", s("o3"));
    }
  }
}
