package dev.ddbkit.emulator.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReservedWordsTest {

  @ParameterizedTest
  @ValueSource(strings = {"STATUS", "status", "Name", "DATE", "data", "COUNT", "size", "USER", "key", "VALUE",
      "TTL", "ABORT", "ZONE", "SET", "ADD", "DELETE", "BETWEEN"})
  void isReserved_documentedWords_inAnyCase(String word) {
    assertThat(ReservedWords.isReserved(word)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"pk", "sk", "remove", "title", "price", "attribute_exists", "begins_with", "email"})
  void isReserved_otherWords_areNot(String word) {
    assertThat(ReservedWords.isReserved(word)).isFalse();
  }

  @Test
  void count_isDynamoDbsFullList() {
    assertThat(ReservedWords.count()).isEqualTo(573);
  }
}
