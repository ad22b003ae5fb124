package dev.ddbkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchAndTransactionTest extends EmulatorTestSupport {

  private static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  @Test
  void batchWrite_thenBatchGet_acrossTwoTables() {
    String a = table(null);
    String b = table(null);
    BatchWriteItemResponse written = ddb.batchWriteItem(r -> r.requestItems(Map.of(
        a, List.of(put(item("pk", "1")), put(item("pk", "2"))),
        b, List.of(put(item("pk", "3"))))));
    assertThat(written.unprocessedItems()).isEmpty();
    BatchGetItemResponse got = ddb.batchGetItem(r -> r.requestItems(Map.of(
        a, KeysAndAttributes.builder().keys(item("pk", "1"), item("pk", "2"), item("pk", "none")).build(),
        b, KeysAndAttributes.builder().keys(item("pk", "3")).build()))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(got.responses().get(a)).hasSize(2);
    assertThat(got.responses().get(b)).containsExactly(item("pk", "3"));
    assertThat(got.unprocessedKeys()).isEmpty();
    assertThat(got.consumedCapacity()).hasSize(2);
  }

  @Test
  void batches_rejectDuplicatesAndOversizedRequests_beforeWritingAnything() {
    String a = table(null);
    assertThatThrownBy(() -> ddb.batchWriteItem(r -> r.requestItems(Map.of(
        a, List.of(put(item("pk", "1")), put(item("pk", "1")))))))
        .hasMessageContaining("Provided list of item keys contains duplicates");
    List<WriteRequest> many = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      many.add(put(item("pk", "k" + i)));
    }
    assertThatThrownBy(() -> ddb.batchWriteItem(r -> r.requestItems(Map.of(a, many))))
        .hasMessageContaining("length less than or equal to 25");
    assertThat(ddb.scan(r -> r.tableName(a)).count()).isZero();
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      keys.add(item("pk", "k" + i));
    }
    assertThatThrownBy(() -> ddb.batchGetItem(r -> r.requestItems(Map.of(a, KeysAndAttributes.builder().keys(keys).build()))))
        .hasMessageContaining("Too many items requested for the BatchGetItem call");
  }

  private static TransactWriteItem conditionCheck(String table, String pk, String condition) {
    return TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(item("pk", pk))
        .conditionExpression(condition)
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
  }

  @Test
  void transactWrite_isAllOrNothing_withReasonsInRequestOrder() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "exists", "v", 1)));
    TransactWriteItem putNew = TransactWriteItem.builder().put(p -> p.tableName(t).item(item("pk", "new"))).build();

    assertThatThrownBy(() -> ddb.transactWriteItems(b -> b.transactItems(putNew,
        conditionCheck(t, "exists", "attribute_not_exists(pk)"))))
        .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
          assertThat(e.getMessage()).contains(
              "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]");
          List<CancellationReason> reasons = e.cancellationReasons();
          assertThat(reasons).extracting(CancellationReason::code).containsExactly("None", "ConditionalCheckFailed");
          assertThat(reasons.get(1).message()).isEqualTo("The conditional request failed");
          assertThat(reasons.get(1).item()).containsEntry("v", n("1"));
        });
    assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "new"))).hasItem()).isFalse();

    ddb.putItem(b -> b.tableName(t).item(item("pk", "other", "v", 1)));
    ddb.transactWriteItems(b -> b.transactItems(putNew, conditionCheck(t, "exists", "attribute_exists(pk)"),
        TransactWriteItem.builder().update(u -> u.tableName(t).key(item("pk", "other"))
            .updateExpression("SET v = :two").expressionAttributeValues(Map.of(":two", n("2")))).build()));
    assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "new"))).hasItem()).isTrue();
    assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "other"))).item()).containsEntry("v", n("2"));
  }

  @Test
  void transactWrite_rejectsTwoActionsOnOneItem() {
    String t = table(null);
    assertThatThrownBy(() -> ddb.transactWriteItems(b -> b.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(t).item(item("pk", "a"))).build(),
        TransactWriteItem.builder().delete(p -> p.tableName(t).key(item("pk", "a"))).build())))
        .hasMessageContaining("Transaction request cannot include multiple operations on one item");
  }

  @Test
  void clientRequestToken_makesTheTransactionIdempotent() {
    String t = table(null);
    TransactWriteItem increment = TransactWriteItem.builder().update(u -> u.tableName(t).key(item("pk", "c"))
        .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", n("1")))).build();
    ddb.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(increment));
    ddb.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(increment));
    assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "c"))).item().get("n").n()).isEqualTo("1");

    TransactWriteItem other = TransactWriteItem.builder().put(p -> p.tableName(t).item(item("pk", "d"))).build();
    assertThatThrownBy(() -> ddb.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(other)))
        .isInstanceOf(IdempotentParameterMismatchException.class);
  }

  @Test
  void transactGet_readsSeveralItems() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)));
    var r = ddb.transactGetItems(b -> b.transactItems(
        g -> g.get(x -> x.tableName(t).key(item("pk", "a"))),
        g -> g.get(x -> x.tableName(t).key(item("pk", "missing")))));
    assertThat(r.responses()).hasSize(2);
    assertThat(r.responses().get(0).item()).containsEntry("v", n("1"));
    assertThat(r.responses().get(1).hasItem()).isFalse();
  }
}
