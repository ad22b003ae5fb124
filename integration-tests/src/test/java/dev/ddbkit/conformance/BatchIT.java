package dev.ddbkit.conformance;

import static dev.ddbkit.conformance.Conformance.assertError;
import static dev.ddbkit.conformance.Conformance.assertValidation;
import static dev.ddbkit.conformance.Conformance.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.conformance.Conformance.Tables;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchGetItem and BatchWriteItem: results read back, missing items, request limits, duplicate keys. */
@DynamoDbLocalTest
class BatchIT {
  private static final AtomicInteger IDS = new AtomicInteger();
  private static DynamoDbClient client;
  private static Tables tables;
  private static String first;
  private static String second;

  @BeforeAll
  static void createTables(DynamoDbLocal local) {
    client = Conformance.client(local);
    tables = new Tables(client);
    first = tables.create("batch-a", false);
    second = tables.create("batch-b", true);
  }

  @AfterAll
  static void deleteTables() {
    tables.close();
  }

  private static String newId() {
    return "b-" + IDS.incrementAndGet();
  }

  private static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  private static WriteRequest delete(Map<String, AttributeValue> key) {
    return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
  }

  private static KeysAndAttributes keys(List<Map<String, AttributeValue>> keys) {
    return KeysAndAttributes.builder().keys(keys).consistentRead(true).build();
  }

  /** Every item a BatchGetItem returns, re-sending unprocessed keys. */
  private static Map<String, List<Map<String, AttributeValue>>> getAll(Map<String, KeysAndAttributes> request) {
    Map<String, List<Map<String, AttributeValue>>> found = new HashMap<>();
    Map<String, KeysAndAttributes> pending = request;
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      assertThat(attempt).as("attempts").isLessThan(50);
      Map<String, KeysAndAttributes> send = pending;
      BatchGetItemResponse response = client.batchGetItem(r -> r.requestItems(send));
      response.responses().forEach((table, items) -> found.computeIfAbsent(table, t -> new ArrayList<>()).addAll(items));
      pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
    }
    return found;
  }

  @Test
  void batchWrite_acrossTwoTables_isReadBackByBatchGet_andMissingItemsAreAbsent() {
    String a = newId();
    String b = newId();
    Batches.writeAll(client, Map.of(
        first, List.of(put(item("pk", a, "v", "1")), put(item("pk", b, "v", "2"))),
        second, List.of(put(item("pk", a, "sk", "x", "v", "3")))));

    Map<String, List<Map<String, AttributeValue>>> read = getAll(Map.of(
        first, keys(List.of(item("pk", a), item("pk", b), item("pk", newId()))),
        second, keys(List.of(item("pk", a, "sk", "x"), item("pk", a, "sk", "missing")))));

    assertThat(read.get(first)).containsExactlyInAnyOrder(item("pk", a, "v", "1"), item("pk", b, "v", "2"));
    assertThat(read.get(second)).containsExactly(item("pk", a, "sk", "x", "v", "3"));
  }

  @Test
  void batchGet_ofOnlyMissingItems_returnsAnEmptyListForTheTable() {
    Map<String, List<Map<String, AttributeValue>>> read = getAll(Map.of(first, keys(List.of(item("pk", newId())))));
    assertThat(read.getOrDefault(first, List.of())).isEmpty();
  }

  @Test
  void batchGet_projectionExpression_returnsOnlyTheNamedAttributes() {
    String a = newId();
    client.putItem(r -> r.tableName(first).item(item("pk", a, "v", "1", "w", "2")));
    Map<String, List<Map<String, AttributeValue>>> read = getAll(Map.of(first, KeysAndAttributes.builder()
        .keys(item("pk", a)).projectionExpression("w").consistentRead(true).build()));
    assertThat(read.get(first)).containsExactly(item("w", "2"));
  }

  @Test
  void batchWrite_deletes_removeItems_andDeletingAMissingItemIsNotAnError() {
    String a = newId();
    client.putItem(r -> r.tableName(first).item(item("pk", a)));
    Batches.writeAll(client, Map.of(first, List.of(delete(item("pk", a)), delete(item("pk", newId())))));
    assertThat(client.getItem(r -> r.tableName(first).key(item("pk", a)).consistentRead(true)).hasItem()).isFalse();
  }

  @Test
  void batchWrite_of25_isAccepted_and26_isRejected() {
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      writes.add(put(item("pk", newId())));
    }
    Batches.writeAll(client, Map.of(first, writes));

    List<WriteRequest> tooMany = new ArrayList<>(writes);
    tooMany.add(put(item("pk", newId())));
    assertValidation(() -> client.batchWriteItem(r -> r.requestItems(Map.of(first, tooMany))));
  }

  @Test
  void batchWrite_limitCountsRequestsAcrossTables() {
    List<WriteRequest> inFirst = new ArrayList<>();
    List<WriteRequest> inSecond = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      inFirst.add(put(item("pk", newId())));
      inSecond.add(put(item("pk", newId(), "sk", "s")));
    }
    assertValidation(() -> client.batchWriteItem(r -> r.requestItems(Map.of(first, inFirst, second, inSecond))));
  }

  @Test
  void batchGet_of100Keys_isAccepted_and101_isRejected() {
    List<Map<String, AttributeValue>> hundred = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      hundred.add(item("pk", newId()));
    }
    assertThat(getAll(Map.of(first, keys(hundred))).getOrDefault(first, List.of())).isEmpty();

    List<Map<String, AttributeValue>> tooMany = new ArrayList<>(hundred);
    tooMany.add(item("pk", newId()));
    assertValidation(() -> client.batchGetItem(r -> r.requestItems(Map.of(first, keys(tooMany)))));
  }

  @Test
  void duplicateKeys_inOneRequest_areRejected() {
    String a = newId();
    assertValidation(() -> client.batchGetItem(r -> r.requestItems(Map.of(first,
        keys(List.of(item("pk", a), item("pk", a)))))));
    assertValidation(() -> client.batchWriteItem(r -> r.requestItems(Map.of(first,
        List.of(put(item("pk", a, "v", "1")), put(item("pk", a, "v", "2")))))));
    assertValidation(() -> client.batchWriteItem(r -> r.requestItems(Map.of(first,
        List.of(put(item("pk", a)), delete(item("pk", a)))))));
    assertThat(client.getItem(r -> r.tableName(first).key(item("pk", a)).consistentRead(true)).hasItem()).isFalse();
  }

  @Test
  void batchWrite_withAnInvalidItem_writesNothing() {
    String good = newId();
    assertValidation(() -> client.batchWriteItem(r -> r.requestItems(Map.of(first,
        List.of(put(item("pk", good)), put(item("other", "no key")))))));
    assertThat(client.getItem(r -> r.tableName(first).key(item("pk", good)).consistentRead(true)).hasItem()).isFalse();
  }

  @Test
  void emptyRequests_areRejected() {
    assertValidation(() -> client.batchWriteItem(r -> r.requestItems(Map.of())));
    assertValidation(() -> client.batchGetItem(r -> r.requestItems(Map.of())));
  }

  @Test
  void batchOnAMissingTable_isResourceNotFound() {
    String missing = Conformance.uniqueName("missing");
    assertError(() -> client.batchWriteItem(r -> r.requestItems(Map.of(missing, List.of(put(item("pk", "a")))))),
        "ResourceNotFoundException", 400);
    assertError(() -> client.batchGetItem(r -> r.requestItems(Map.of(missing, keys(List.of(item("pk", "a")))))),
        "ResourceNotFoundException", 400);
  }
}
