package dev.ddbkit.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.orders.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorCodecTest {
  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private final CursorCodec codec = new CursorCodec(SECRET);

  private static QuerySpec customer(String id) {
    return new QuerySpec(QuerySpec.Kind.CUSTOMER, "orders", null, "customer_id", id, "order_id", null, null, false,
        false, List.of("customer_id", "order_id"));
  }

  private static Map<String, AttributeValue> key(String customer, String order) {
    return Map.of("customer_id", AttributeValue.fromS(customer), "order_id", AttributeValue.fromS(order));
  }

  @Test
  void encode_thenDecode_returnsTheKey_inUrlSafeForm() {
    String cursor = codec.encode(customer("c/1+é"), key("c/1+é", "ORD_1_a"));
    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(codec.decode(customer("c/1+é"), cursor)).isEqualTo(key("c/1+é", "ORD_1_a"));
  }

  @Test
  void decode_forAnotherCustomer_isRejected() {
    String cursor = codec.encode(customer("c-1"), key("c-1", "ORD_1_a"));
    assertThatThrownBy(() -> codec.decode(customer("c-2"), cursor))
        .isInstanceOf(InvalidCursorException.class).hasMessageContaining("another query");
  }

  @Test
  void decode_forAnotherKindOrDirectionOrRange_isRejected() {
    QuerySpec base = customer("c-1");
    String cursor = codec.encode(base, key("c-1", "ORD_1_a"));
    QuerySpec ascending = new QuerySpec(base.kind(), "orders", null, "customer_id", "c-1", "order_id", null, null,
        true, false, base.keyAttributes());
    QuerySpec ranged = new QuerySpec(base.kind(), "orders", null, "customer_id", "c-1", "order_id", "ORD_0", null,
        false, false, base.keyAttributes());
    QuerySpec otherTable = new QuerySpec(base.kind(), "orders-2", null, "customer_id", "c-1", "order_id", null, null,
        false, false, base.keyAttributes());
    for (QuerySpec other : List.of(ascending, ranged, otherTable)) {
      assertThatThrownBy(() -> codec.decode(other, cursor)).isInstanceOf(InvalidCursorException.class);
    }
  }

  @Test
  void decode_ofEveryAlteredCharacter_isRejected() {
    String cursor = codec.encode(customer("c-1"), key("c-1", "ORD_1705314600123_0000abcd"));
    for (int i = 0; i < cursor.length(); i++) {
      char c = cursor.charAt(i);
      String altered = cursor.substring(0, i) + (c == 'A' ? 'B' : 'A') + cursor.substring(i + 1);
      assertThatThrownBy(() -> codec.decode(customer("c-1"), altered)).isInstanceOf(InvalidCursorException.class);
    }
  }

  @Test
  void decode_ofGarbage_isRejected() {
    for (String garbage : List.of("", "!!!", "abc", "a".repeat(20_000),
        Base64.getUrlEncoder().encodeToString(new byte[80]))) {
      assertThatThrownBy(() -> codec.decode(customer("c-1"), garbage)).isInstanceOf(InvalidCursorException.class);
    }
  }

  @Test
  void decode_signedWithAnotherKey_isRejected() {
    String cursor = new CursorCodec("another-secret-of-enough-bytes!!".getBytes(StandardCharsets.US_ASCII))
        .encode(customer("c-1"), key("c-1", "ORD_1_a"));
    assertThatThrownBy(() -> codec.decode(customer("c-1"), cursor))
        .isInstanceOf(InvalidCursorException.class).hasMessageContaining("altered");
  }

  @Test
  void decode_ofAnotherVersion_saysSo() {
    byte[] bytes = Base64.getUrlDecoder().decode(codec.encode(customer("c-1"), key("c-1", "ORD_1_a")));
    bytes[0] = 1;
    String older = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    assertThatThrownBy(() -> codec.decode(customer("c-1"), older))
        .isInstanceOf(InvalidCursorException.class).hasMessageContaining("version 1");
  }
}
