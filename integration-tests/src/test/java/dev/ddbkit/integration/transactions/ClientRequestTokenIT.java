package dev.ddbkit.integration.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * What DynamoDB Local does with a ClientRequestToken, on which the transactions module's design rests: the
 * same token with the same request is applied once; with any other parameter (even a timestamp) it is
 * refused; a cancelled transaction does not use up its token. Uses the raw SDK on purpose: this pins down
 * the server's behaviour, not ddbkit's.
 */
@DynamoDbLocalTest
class ClientRequestTokenIT {

  @Test
  void sameToken_sameRequest_isAppliedOnce_andOtherParametersAreAMismatch(DynamoDbClient client, TestTables tables) {
    String table = tables.ensure(SeedTables.accounts()).name();
    client.putItem(p -> p.tableName(table).item(Map.of("account_id", AttributeValue.fromS("a"),
        "balance", AttributeValue.fromN("0"))));

    client.transactWriteItems(add(table, "tok-1", 5, "t0"));
    client.transactWriteItems(add(table, "tok-1", 5, "t0"));

    assertThat(balance(client, table)).isEqualTo(5);
    assertThatThrownBy(() -> client.transactWriteItems(add(table, "tok-1", 5, "t1")))
        .isInstanceOf(IdempotentParameterMismatchException.class);
    assertThat(balance(client, table)).isEqualTo(5);
  }

  @Test
  void cancelledTransaction_doesNotUseUpItsToken(DynamoDbClient client, TestTables tables) {
    String table = tables.ensure(SeedTables.accounts()).name();

    assertThatThrownBy(() -> client.transactWriteItems(add(table, "tok-2", 5, "t0")))
        .isInstanceOf(TransactionCanceledException.class);
    client.putItem(p -> p.tableName(table).item(Map.of("account_id", AttributeValue.fromS("a"),
        "balance", AttributeValue.fromN("0"))));
    client.transactWriteItems(add(table, "tok-2", 5, "t0"));

    assertThat(balance(client, table)).isEqualTo(5);
  }

  private static TransactWriteItemsRequest add(String table, String token, long amount, String now) {
    return TransactWriteItemsRequest.builder().clientRequestToken(token).transactItems(t -> t.update(u -> u
        .tableName(table)
        .key(Map.of("account_id", AttributeValue.fromS("a")))
        .updateExpression("SET balance = balance + :a, updated_at = :now")
        .conditionExpression("attribute_exists(account_id)")
        .expressionAttributeValues(Map.of(":a", AttributeValue.fromN(Long.toString(amount)),
            ":now", AttributeValue.fromS(now))))).build();
  }

  private static long balance(DynamoDbClient client, String table) {
    return Long.parseLong(client.getItem(g -> g.tableName(table).key(Map.of("account_id", AttributeValue.fromS("a")))
        .consistentRead(true)).item().get("balance").n());
  }
}
