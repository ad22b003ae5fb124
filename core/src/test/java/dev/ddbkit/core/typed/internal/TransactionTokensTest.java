package dev.ddbkit.core.typed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

class TransactionTokensTest {

  @Test
  void token_isAtMost36Characters_andDependsOnKindTablesAndOperationId() {
    String token = TransactionTokens.token("k", List.of("a", "b"), "op-1");

    assertThat(token).hasSize(32).matches("[0-9a-f]+");
    assertThat(TransactionTokens.token("k", List.of("a", "b"), "op-1")).isEqualTo(token);
    assertThat(TransactionTokens.token("k", List.of("a", "c"), "op-1")).isNotEqualTo(token);
    assertThat(TransactionTokens.token("other", List.of("a", "b"), "op-1")).isNotEqualTo(token);
    assertThat(TransactionTokens.token("k", List.of("a", "b"), "op-2")).isNotEqualTo(token);
    assertThat(TransactionTokens.token("k", List.of("ab"), "op-1")).isNotEqualTo(TransactionTokens.token("k", List.of("a", "b"), "op-1"));
  }

  @Test
  void fingerprint_dependsOnContentOnly() {
    TransactWriteItem put = put("x", "1");

    assertThat(TransactionTokens.fingerprint(List.of(put))).isEqualTo(TransactionTokens.fingerprint(List.of(put("x", "1.0"))));
    assertThat(TransactionTokens.fingerprint(List.of(put))).isNotEqualTo(TransactionTokens.fingerprint(List.of(put("x", "2"))));
    assertThat(TransactionTokens.fingerprint(List.of(put))).isNotEqualTo(TransactionTokens.fingerprint(List.of(put("y", "1"))));
  }

  @Test
  void newAttempt_isRandomPerCall() {
    assertThat(TransactionTokens.newAttempt()).hasSize(32).isNotEqualTo(TransactionTokens.newAttempt());
  }

  private static TransactWriteItem put(String table, String n) {
    return TransactWriteItem.builder().put(Put.builder().tableName(table)
        .item(Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN(n))).build()).build();
  }
}
