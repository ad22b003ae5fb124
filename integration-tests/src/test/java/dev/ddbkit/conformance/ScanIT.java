package dev.ddbkit.conformance;

import static dev.ddbkit.conformance.Conformance.assertValidation;
import static dev.ddbkit.conformance.Conformance.item;
import static dev.ddbkit.conformance.Conformance.n;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.conformance.Conformance.Tables;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Scan: filters, Count and ScannedCount, paging, parallel segments. */
@DynamoDbLocalTest
class ScanIT {
  private static final int ITEMS = 100;
  private static DynamoDbClient client;
  private static Tables tables;
  private static String table;

  @BeforeAll
  static void createTable(DynamoDbLocal local) {
    client = Conformance.client(local);
    tables = new Tables(client);
    table = tables.create("scan", false);
    List<WriteRequest> batch = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
          .item(item("pk", "item-" + i, "i", i, "group", "g" + (i % 3))).build()).build());
      if (batch.size() == 25) {
        Batches.writeAll(client, Map.of(table, List.copyOf(batch)));
        batch.clear();
      }
    }
  }

  @AfterAll
  static void deleteTables() {
    tables.close();
  }

  /** Every page of a scan; {@code counts} receives [Count, ScannedCount] summed over the pages. */
  private static List<Map<String, AttributeValue>> scanAll(Consumer<ScanRequest.Builder> spec, int[] counts) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    int pages = 0;
    do {
      ScanRequest.Builder request = ScanRequest.builder().tableName(table).consistentRead(true).exclusiveStartKey(start);
      spec.accept(request);
      ScanResponse page = client.scan(request.build());
      items.addAll(page.items());
      counts[0] += page.count();
      counts[1] += page.scannedCount();
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
      assertThat(++pages).as("pages").isLessThan(200);
    } while (start != null);
    return items;
  }

  private static Set<Integer> numbers(List<Map<String, AttributeValue>> items) {
    Set<Integer> seen = new HashSet<>();
    items.forEach(i -> assertThat(seen.add(Integer.parseInt(i.get("i").n()))).as("item %s seen twice", i).isTrue());
    return seen;
  }

  private static Set<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().collect(Collectors.toSet());
  }

  @Test
  void scan_pagedWithLimit_returnsEveryItemOnce() {
    int[] counts = new int[2];
    List<Map<String, AttributeValue>> items = scanAll(r -> r.limit(7), counts);
    assertThat(numbers(items)).isEqualTo(range(0, ITEMS));
    assertThat(counts).containsExactly(ITEMS, ITEMS);
  }

  @Test
  void scan_limit_countsItemsEvaluatedBeforeTheFilter() {
    ScanResponse page = client.scan(r -> r.tableName(table).limit(10).filterExpression("i < :none")
        .expressionAttributeValues(item(":none", n(0))));
    assertThat(page.count()).isZero();
    assertThat(page.scannedCount()).isEqualTo(10);
    assertThat(page.hasLastEvaluatedKey()).isTrue();
  }

  @Test
  void scan_filter_returnsMatchingItems_andCountsEverythingEvaluated() {
    int[] counts = new int[2];
    List<Map<String, AttributeValue>> items = scanAll(r -> r.filterExpression("i < :ten AND #g = :g")
        .expressionAttributeNames(Map.of("#g", "group")).expressionAttributeValues(item(":ten", n(10), ":g", "g1")), counts);
    assertThat(numbers(items)).containsExactlyInAnyOrder(1, 4, 7);
    assertThat(counts).containsExactly(3, ITEMS);
  }

  @Test
  void parallelSegments_coverEveryItemExactlyOnce() {
    List<Map<String, AttributeValue>> all = new ArrayList<>();
    for (int segment = 0; segment < 4; segment++) {
      int s = segment;
      all.addAll(scanAll(r -> r.segment(s).totalSegments(4).limit(9), new int[2]));
    }
    assertThat(numbers(all)).isEqualTo(range(0, ITEMS));
  }

  @Test
  void moreSegmentsThanItems_stillCoverEveryItemExactlyOnce() {
    List<Map<String, AttributeValue>> all = new ArrayList<>();
    for (int segment = 0; segment < 150; segment++) {
      int s = segment;
      all.addAll(scanAll(r -> r.segment(s).totalSegments(150), new int[2]));
    }
    assertThat(numbers(all)).isEqualTo(range(0, ITEMS));
  }

  @Test
  void selectCount_returnsCountsWithoutItems() {
    ScanResponse response = client.scan(r -> r.tableName(table).select(Select.COUNT).filterExpression("#g = :g")
        .expressionAttributeNames(Map.of("#g", "group")).expressionAttributeValues(item(":g", "g0")));
    assertThat(response.items()).isEmpty();
    assertThat(response.count()).isEqualTo(34);
    assertThat(response.scannedCount()).isEqualTo(ITEMS);
  }

  @Test
  void projectionExpression_returnsOnlyTheNamedAttributes() {
    ScanResponse response = client.scan(r -> r.tableName(table).projectionExpression("i").limit(5));
    assertThat(response.items()).hasSize(5).allSatisfy(i -> assertThat(i).containsOnlyKeys("i"));
  }

  @Test
  void invalidSegments_areRejected() {
    assertValidation(() -> client.scan(r -> r.tableName(table).segment(4).totalSegments(4)));
    assertValidation(() -> client.scan(r -> r.tableName(table).segment(0)));
    assertValidation(() -> client.scan(r -> r.tableName(table).totalSegments(2)));
    assertValidation(() -> client.scan(r -> r.tableName(table).segment(0).totalSegments(1_000_001)));
    assertValidation(() -> client.scan(r -> r.tableName(table).segment(-1).totalSegments(2)));
  }
}
