package dev.ddbkit.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RequireTest {

  @Property
  void utf8Length_equalsTheEncodedLength(@ForAll String s) {
    assertThat(Require.utf8Length(s)).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void partitionKey_over2048Utf8Bytes_isRejectedNamingTheArgument() {
    assertThat(Require.partitionKey("é".repeat(1024), "customerId")).hasSize(1024);
    assertThatThrownBy(() -> Require.partitionKey("é".repeat(1025), "customerId"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("customerId must be at most 2048 UTF-8 bytes but was 2050.")
        .extracting(e -> ((InvalidInputException) e).argument()).isEqualTo("customerId");
  }

  @Test
  void sortKey_over1024Utf8Bytes_isRejected() {
    assertThat(Require.sortKey("x".repeat(1024), "orderId")).hasSize(1024);
    assertThatThrownBy(() -> Require.sortKey("é".repeat(513), "orderId"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("orderId must be at most 1024 UTF-8 bytes");
    assertThatThrownBy(() -> Require.sortKey(" ", "orderId")).hasMessage("orderId must not be blank.");
  }

  @Test
  void tableName_followsDynamoDbsRule() {
    assertThat(Require.tableName("orders-production.v2_x", "tableName")).isEqualTo("orders-production.v2_x");
    assertThat(Require.tableName("t".repeat(255), "tableName")).hasSize(255);
    for (String bad : new String[] {"ab", "t".repeat(256), "metrics production!", "ordérs"}) {
      assertThatThrownBy(() -> Require.tableName(bad, "tableName")).as(bad)
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("tableName '")
          .hasMessageEndingWith(".");
    }
    assertThatThrownBy(() -> Require.tableName(null, "ordersTable")).hasMessage("ordersTable must not be blank.");
  }
}
