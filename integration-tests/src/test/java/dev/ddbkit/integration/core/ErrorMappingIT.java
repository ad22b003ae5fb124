package dev.ddbkit.integration.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ddbkit.core.error.ConditionalCheckFailedException;
import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.error.IdempotentParameterMismatchException;
import dev.ddbkit.core.error.ResourceNotFoundException;
import dev.ddbkit.core.error.TransactionCanceledException;
import dev.ddbkit.core.error.ValidationException;
import dev.ddbkit.core.retry.DdbkitRetry;
import dev.ddbkit.core.retry.RetrySettings;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Every error kind DynamoDB Local can produce, translated by {@link DdbkitErrors}. Local cannot produce
 * throttling, 5xx, access denied (it accepts any credentials) or item-collection limits (10 GB); those are
 * covered by unit tests and by the fault-injection tests of {@code dev.ddbkit.integration.faults}.
 */
@DynamoDbLocalTest
class ErrorMappingIT {

  private static Map<String, AttributeValue> order(String customer, String orderId) {
    return Map.of("customer_id", AttributeValue.fromS(customer), "order_id", AttributeValue.fromS(orderId),
        "status", AttributeValue.fromS("PENDING"), "order_date", AttributeValue.fromS("2026-11-24"));
  }

  private static <T extends Throwable> T translated(Throwable thrown, String op, String table, Class<T> kind) {
    DdbkitException e = DdbkitErrors.translate(thrown, op, table);
    assertThat(e).isInstanceOf(kind);
    assertThat(e.operation()).contains(op);
    assertThat(e.requestId()).isPresent();
    return kind.cast(e);
  }

  @Test
  void conditionalCheck_withAllOld_carriesTheOldItem(DynamoDbClient client, TestTables tables) {
    TableDefinition orders = tables.ensure(SeedTables.orders());
    client.putItem(r -> r.tableName(orders.name()).item(order("C-1", "O-1")));

    Throwable thrown = catchThrowable(() -> client.putItem(r -> r.tableName(orders.name()).item(order("C-1", "O-1"))
        .conditionExpression("attribute_not_exists(customer_id)")
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

    var e = translated(thrown, "PutItem", orders.name(), ConditionalCheckFailedException.class);
    assertThat(e.retryable()).isFalse();
    assertThat(e.table()).contains(orders.name());
    assertThat(e.oldItem()).hasValueSatisfying(item -> assertThat(item.get("status").s()).isEqualTo("PENDING"));
    assertThat(DdbkitErrors.sdkAttempts(thrown)).isEqualTo(1);
  }

  @Test
  void conditionalCheck_fromTheAsyncClient_isUnwrappedAndMapped(DynamoDbAsyncClient async, DynamoDbClient client,
      TestTables tables) {
    TableDefinition orders = tables.ensure(SeedTables.orders());
    client.putItem(r -> r.tableName(orders.name()).item(order("C-1", "O-1")));

    Throwable thrown = catchThrowable(() -> async.putItem(r -> r.tableName(orders.name()).item(order("C-1", "O-1"))
        .conditionExpression("attribute_not_exists(customer_id)")).join());

    var e = translated(thrown, "PutItem", orders.name(), ConditionalCheckFailedException.class);
    assertThat(e.oldItem()).isEmpty();
  }

  @Test
  void missingKeyAttribute_isValidation(DynamoDbClient client, TestTables tables) {
    TableDefinition orders = tables.ensure(SeedTables.orders());

    Throwable thrown = catchThrowable(() -> client.putItem(r -> r.tableName(orders.name())
        .item(Map.of("customer_id", AttributeValue.fromS("C-1")))));

    var e = translated(thrown, "PutItem", orders.name(), ValidationException.class);
    assertThat(e.errorCode()).isEqualTo("ValidationException");
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void unknownIndex_isValidationOnDynamoDbLocal(DynamoDbClient client, TestTables tables) {
    TableDefinition orders = tables.ensure(SeedTables.orders());

    Throwable thrown = catchThrowable(() -> client.query(r -> r.tableName(orders.name()).indexName("NoSuchIndex")
        .keyConditionExpression("status = :s").expressionAttributeValues(Map.of(":s", AttributeValue.fromS("X")))));

    translated(thrown, "Query", orders.name(), ValidationException.class);
  }

  @Test
  void missingTable_isResourceNotFound(DynamoDbClient client, TestTables tables) {
    String missing = tables.uniqueName("no-such-table");

    Throwable thrown = catchThrowable(() -> client.getItem(r -> r.tableName(missing)
        .key(Map.of("id", AttributeValue.fromS("1")))));

    var e = translated(thrown, "GetItem", missing, ResourceNotFoundException.class);
    assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void cancelledTransaction_keepsEachReasonByIndexWithTheOldItem(DynamoDbClient client, TestTables tables) {
    TableDefinition orders = tables.ensure(SeedTables.orders());
    client.putItem(r -> r.tableName(orders.name()).item(order("C-1", "O-1")));

    Throwable thrown = catchThrowable(() -> client.transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(orders.name()).item(order("C-2", "O-2"))).build(),
        TransactWriteItem.builder().put(p -> p.tableName(orders.name()).item(order("C-1", "O-1"))
            .conditionExpression("attribute_not_exists(customer_id)")
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build())));

    var e = translated(thrown, "TransactWriteItems", null, TransactionCanceledException.class);
    assertThat(e.retryable()).isFalse();
    assertThat(e.reasons()).hasSize(2);
    assertThat(e.reason(0)).hasValueSatisfying(r -> assertThat(r.failed()).isFalse());
    assertThat(e.reason(1)).hasValueSatisfying(r -> {
      assertThat(r.conditionalCheckFailed()).isTrue();
      assertThat(r.oldItem()).hasValueSatisfying(item -> assertThat(item.get("order_id").s()).isEqualTo("O-1"));
    });
    assertThat(client.getItem(r -> r.tableName(orders.name()).key(Map.of(
        "customer_id", AttributeValue.fromS("C-2"), "order_id", AttributeValue.fromS("O-2")))).hasItem()).isFalse();
  }

  @Test
  void reusedClientRequestToken_withOtherItems_isIdempotentParameterMismatch(DynamoDbClient client, TestTables tables) {
    TableDefinition orders = tables.ensure(SeedTables.orders());
    String token = tables.uniqueName("token");
    client.transactWriteItems(r -> r.clientRequestToken(token).transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(orders.name()).item(order("C-3", "O-3"))).build()));

    Throwable thrown = catchThrowable(() -> client.transactWriteItems(r -> r.clientRequestToken(token).transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(orders.name()).item(order("C-4", "O-4"))).build())));

    var e = translated(thrown, "TransactWriteItems", null, IdempotentParameterMismatchException.class);
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void ddbkitRetry_attemptsAConditionalFailureFromDynamoDbExactlyOnce(DynamoDbClient client, TestTables tables) {
    TableDefinition orders = tables.ensure(SeedTables.orders());
    client.putItem(r -> r.tableName(orders.name()).item(order("C-1", "O-1")));
    DdbkitRetry retry = DdbkitRetry.of("create-order", RetrySettings.builder().sleeper(d -> { }).build());
    AtomicInteger attempts = new AtomicInteger();

    Throwable thrown = catchThrowable(() -> retry.execute(() -> {
      attempts.incrementAndGet();
      return client.putItem(r -> r.tableName(orders.name()).item(order("C-1", "O-1"))
          .conditionExpression("attribute_not_exists(customer_id)"));
    }));

    assertThat(DdbkitErrors.translate(thrown, "PutItem", orders.name())).isInstanceOf(ConditionalCheckFailedException.class);
    assertThat(attempts).hasValue(1);
  }
}
