package dev.ddbkit.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemAttributesTest {
  private static final Map<String, AttributeValue> ITEM = Map.of(
      "customer_id", AttributeValue.fromS("c-1"), "order_id", AttributeValue.fromS("ORD_1_a"),
      "order_date", AttributeValue.fromS("2024-01-15"), "created_at", AttributeValue.fromS("2024-01-15T10:30:00.000Z"),
      "status", AttributeValue.fromS("pending"), "expires_at", AttributeValue.fromN("1768386600"),
      "ddbkit_status_token", AttributeValue.fromS("0123456789abcdef"),
      "total", AttributeValue.fromN("19.90"), "note", AttributeValue.fromS("gift"));

  @Test
  void view_holdsExactlyTheCallersAttributes_andEqualsACopy() {
    ItemAttributes view = new ItemAttributes(ITEM);
    Map<String, AttributeValue> copy = new LinkedHashMap<>();
    copy.put("total", AttributeValue.fromN("19.90"));
    copy.put("note", AttributeValue.fromS("gift"));

    assertThat(view).hasSize(2).containsOnlyKeys("total", "note").isEqualTo(copy);
    assertThat(copy).isEqualTo(view);
    assertThat(view.hashCode()).isEqualTo(copy.hashCode());
    assertThat(view.entrySet()).hasSize(2);
    assertThat(view.keySet()).containsExactlyInAnyOrder("total", "note");
  }

  @Test
  void reservedNamesAndNull_areAbsent() {
    ItemAttributes view = new ItemAttributes(ITEM);
    assertThat(view.get("status")).isNull();
    assertThat(view.containsKey("customer_id")).isFalse();
    assertThat(view.containsKey("ddbkit_status_token")).isFalse();
    assertThat(view.get(null)).isNull();
    assertThat(view.containsKey(null)).isFalse();
    assertThat(view.get("total")).isEqualTo(AttributeValue.fromN("19.90"));
  }

  @Test
  void view_isReadOnly_andEmptyWhenOnlyReservedAttributesExist() {
    ItemAttributes view = new ItemAttributes(ITEM);
    assertThatThrownBy(() -> view.put("x", AttributeValue.fromS("y"))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.entrySet().iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
    ItemAttributes reservedOnly = new ItemAttributes(Map.of("status", AttributeValue.fromS("pending")));
    assertThat(reservedOnly).isEmpty();
    assertThat(reservedOnly.equals(Map.of())).isTrue();
  }
}
