package dev.ddbkit.conformance;

import static dev.ddbkit.conformance.Conformance.assertError;
import static dev.ddbkit.conformance.Conformance.assertValidation;
import static dev.ddbkit.conformance.Conformance.item;
import static dev.ddbkit.conformance.Conformance.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ddbkit.conformance.Conformance.Tables;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** TransactWriteItems and TransactGetItems: atomicity, cancellation reasons, idempotency tokens, limits. */
@DynamoDbLocalTest
class TransactionsIT {
  private static final AtomicInteger IDS = new AtomicInteger();
  private static DynamoDbClient client;
  private static Tables tables;
  private static String first;
  private static String second;

  @BeforeAll
  static void createTables(DynamoDbLocal local) {
    client = Conformance.client(local);
    tables = new Tables(client);
    first = tables.create("tx-a", false);
    second = tables.create("tx-b", false);
  }

  @AfterAll
  static void deleteTables() {
    tables.close();
  }

  private static String newId() {
    return "t-" + IDS.incrementAndGet();
  }

  private static Map<String, AttributeValue> get(String table, String id) {
    return client.getItem(r -> r.tableName(table).key(item("pk", id)).consistentRead(true)).item();
  }

  private static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
    return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
  }

  private static TransactWriteItem add(String table, String id, String attribute, long amount) {
    return TransactWriteItem.builder().update(Update.builder().tableName(table).key(item("pk", id))
        .updateExpression("ADD #a :v").expressionAttributeNames(Map.of("#a", attribute))
        .expressionAttributeValues(item(":v", n(amount))).build()).build();
  }

  private static TransactWriteItem check(String table, String id, String condition) {
    return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(item("pk", id))
        .conditionExpression(condition).build()).build();
  }

  @Test
  void transactWrite_appliesEveryActionAcrossTwoTables() {
    String a = newId();
    String b = newId();
    String gone = newId();
    client.putItem(r -> r.tableName(second).item(item("pk", b, "n", n(1))));
    client.putItem(r -> r.tableName(second).item(item("pk", gone)));

    client.transactWriteItems(r -> r.transactItems(
        put(first, item("pk", a, "v", "new")),
        add(second, b, "n", 5),
        TransactWriteItem.builder().delete(Delete.builder().tableName(second).key(item("pk", gone)).build()).build(),
        check(first, newId(), "attribute_not_exists(pk)")));

    assertThat(get(first, a)).isEqualTo(item("pk", a, "v", "new"));
    assertThat(get(second, b)).isEqualTo(item("pk", b, "n", n(6)));
    assertThat(get(second, gone)).isEmpty();
  }

  @Test
  void transactWrite_withAFailedCondition_appliesNothing_andGivesReasonsInRequestOrder() {
    String a = newId();
    String b = newId();
    String c = newId();
    client.putItem(r -> r.tableName(second).item(item("pk", b, "n", n(1))));
    client.putItem(r -> r.tableName(second).item(item("pk", c, "state", "closed")));

    var error = catchThrowableOfType(TransactionCanceledException.class, () -> client.transactWriteItems(r -> r
        .transactItems(
            put(first, item("pk", a, "v", "new")),
            add(second, b, "n", 5),
            TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(second).key(item("pk", c))
                .conditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(item(":open", "open"))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build())));

    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("TransactionCanceledException");
    assertThat(error.statusCode()).isEqualTo(400);
    List<CancellationReason> reasons = error.cancellationReasons();
    assertThat(reasons).extracting(CancellationReason::code).containsExactly("None", "None", "ConditionalCheckFailed");
    assertThat(reasons.get(2).item()).isEqualTo(item("pk", c, "state", "closed"));
    assertThat(reasons.get(0).hasItem()).isFalse();
    assertThat(get(first, a)).isEmpty();
    assertThat(get(second, b)).isEqualTo(item("pk", b, "n", n(1)));
  }

  @Test
  void transactWrite_failedConditionWithoutReturnValues_carriesNoItem() {
    String a = newId();
    client.putItem(r -> r.tableName(first).item(item("pk", a)));

    var error = catchThrowableOfType(TransactionCanceledException.class, () -> client.transactWriteItems(r -> r
        .transactItems(check(first, a, "attribute_not_exists(pk)"), put(second, item("pk", newId())))));

    assertThat(error.cancellationReasons()).extracting(CancellationReason::code)
        .containsExactly("ConditionalCheckFailed", "None");
    assertThat(error.cancellationReasons().get(0).hasItem()).isFalse();
  }

  @Test
  void transactWrite_twoActionsOnOneItem_isRejected() {
    String a = newId();
    assertValidation(() -> client.transactWriteItems(r -> r.transactItems(
        put(first, item("pk", a)), add(first, a, "n", 1))));
    assertThat(get(first, a)).isEmpty();
  }

  @Test
  void transactWrite_ofMoreThan100Actions_isRejected() {
    List<TransactWriteItem> actions = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      actions.add(put(first, item("pk", newId())));
    }
    assertValidation(() -> client.transactWriteItems(r -> r.transactItems(actions)));
  }

  @Test
  void transactWrite_onAMissingTable_isResourceNotFound() {
    String missing = Conformance.uniqueName("missing");
    assertError(() -> client.transactWriteItems(r -> r.transactItems(put(missing, item("pk", "a")))),
        "ResourceNotFoundException", 400);
  }

  @Test
  void clientRequestToken_replayedWithTheSameRequest_succeedsWithoutApplyingItAgain() {
    String a = newId();
    String token = UUID.randomUUID().toString();

    client.transactWriteItems(r -> r.clientRequestToken(token).transactItems(add(first, a, "n", 1)));
    client.transactWriteItems(r -> r.clientRequestToken(token).transactItems(add(first, a, "n", 1)));

    assertThat(get(first, a)).isEqualTo(item("pk", a, "n", n(1)));
  }

  @Test
  void clientRequestToken_reusedForADifferentRequest_isIdempotentParameterMismatch() {
    String a = newId();
    String token = UUID.randomUUID().toString();
    client.transactWriteItems(r -> r.clientRequestToken(token).transactItems(add(first, a, "n", 1)));

    var error = catchThrowableOfType(IdempotentParameterMismatchException.class, () -> client.transactWriteItems(r -> r
        .clientRequestToken(token).transactItems(add(first, a, "n", 2))));

    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("IdempotentParameterMismatchException");
    assertThat(get(first, a)).isEqualTo(item("pk", a, "n", n(1)));
  }

  @Test
  void transactGet_returnsItemsInRequestOrder_withEmptyResponsesForMissingItems() {
    String a = newId();
    String b = newId();
    client.putItem(r -> r.tableName(first).item(item("pk", a, "v", "1", "w", "x")));
    client.putItem(r -> r.tableName(second).item(item("pk", b, "v", "2")));

    List<ItemResponse> responses = client.transactGetItems(r -> r.transactItems(
        TransactGetItem.builder().get(Get.builder().tableName(second).key(item("pk", b)).build()).build(),
        TransactGetItem.builder().get(Get.builder().tableName(first).key(item("pk", newId())).build()).build(),
        TransactGetItem.builder().get(Get.builder().tableName(first).key(item("pk", a)).projectionExpression("w")
            .build()).build())).responses();

    assertThat(responses).hasSize(3);
    assertThat(responses.get(0).item()).isEqualTo(item("pk", b, "v", "2"));
    assertThat(responses.get(1).hasItem()).isFalse();
    assertThat(responses.get(2).item()).isEqualTo(item("w", "x"));
  }

  // documented for TransactWriteItems; for TransactGetItems seen on DynamoDB Local, not checked on DynamoDB here
  @Test
  void transactGet_sameItemTwice_isRejected() {
    String a = newId();
    assertValidation(() -> client.transactGetItems(r -> r.transactItems(
        TransactGetItem.builder().get(Get.builder().tableName(first).key(item("pk", a)).build()).build(),
        TransactGetItem.builder().get(Get.builder().tableName(first).key(item("pk", a)).build()).build())));
  }
}
