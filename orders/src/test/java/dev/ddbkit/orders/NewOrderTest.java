package dev.ddbkit.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class NewOrderTest {

  @Test
  void reservedAttributeNames_areRejected() {
    for (String reserved : Order.reservedAttributeNames()) {
      assertThatThrownBy(() -> NewOrder.builder().attribute(reserved, "x"))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining(reserved);
    }
  }

  @Test
  void valuesDynamoDbRejects_areRejected() {
    NewOrder.Builder b = NewOrder.builder();
    assertThatThrownBy(() -> b.attribute("empty", AttributeValue.fromSs(List.of())))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> b.attribute("dup", AttributeValue.fromSs(List.of("a", "a"))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.attribute("n", AttributeValue.fromN("12abc"))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.attribute("n", AttributeValue.fromN("1".repeat(39))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.attribute("unset", AttributeValue.builder().build()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.attribute(" ", "x")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.attribute("nested", AttributeValue.fromL(List.of(AttributeValue.fromNs(List.of())))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("nested[0]");
  }

  @Test
  void build_withoutCustomer_isRejected() {
    assertThatThrownBy(() -> NewOrder.builder().build()).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("customerId");
    assertThatThrownBy(() -> NewOrder.builder().customerId("")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void typedSetters_storeDynamoDbValues() {
    NewOrder order = NewOrder.builder().customerId("c-1").attribute("total", new BigDecimal("19.90"))
        .attribute("count", 3L).attribute("gift", true).attribute("note", "hi").build();
    assertThat(order.attributes()).containsEntry("total", AttributeValue.fromN("19.90"))
        .containsEntry("count", AttributeValue.fromN("3")).containsEntry("gift", AttributeValue.fromBool(true))
        .containsEntry("note", AttributeValue.fromS("hi"));
    assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
  }

  @Test
  void status_fromUnknownWireValue_isATypedError() {
    assertThat(OrderStatus.fromWire("shipped")).isEqualTo(OrderStatus.SHIPPED);
    assertThatThrownBy(() -> OrderStatus.fromWire("PENDING")).isInstanceOf(UnknownOrderStatusException.class)
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("pending");
  }

  @Test
  void queries_rejectBadPageSizesAndReversedRanges() {
    assertThatThrownBy(() -> CustomerQuery.builder("c").pageSize(0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> DateQuery.builder(java.time.LocalDate.of(2024, 1, 1)).pageSize(1001))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> CustomerQuery.builder("c").createdBetween(java.time.Instant.ofEpochSecond(10),
        java.time.Instant.ofEpochSecond(9)).build()).isInstanceOf(InvalidInputException.class);
  }
}
