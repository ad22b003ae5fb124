package dev.ddbkit.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.ErrorContext;
import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.orders.MalformedOrderException;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrderKey;
import dev.ddbkit.orders.OrderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class OrderItemsTest {
  private static final Instant T = Instant.parse("2024-01-15T10:30:00.123Z");

  @Test
  void createdAt_isFormattedLikeJavaScriptToIsoString() {
    assertThat(OrderItems.formatCreatedAt(Instant.parse("2024-01-15T10:30:00Z"))).isEqualTo("2024-01-15T10:30:00.000Z");
    assertThat(OrderItems.formatCreatedAt(T)).isEqualTo("2024-01-15T10:30:00.123Z");
  }

  @Test
  void newOrderId_hasSeedFormat() {
    String id = OrderItems.newOrderId(T, new Random(1));
    assertThat(id).matches("ORD_1705314600123_[0-9a-f]{8}");
    assertThat(OrderItems.newOrderId(T, new FixedInt(0))).isEqualTo("ORD_1705314600123_00000000");
    assertThat(OrderItems.newOrderId(T, new FixedInt(-1))).isEqualTo("ORD_1705314600123_ffffffff");
  }

  @Property(tries = 300)
  void idBounds_includeExactlyTheOrdersCreatedInTheRange(
      @ForAll @LongRange(min = 1_000_000_000_000L, max = 9_999_999_999_000L) long created,
      @ForAll @LongRange(min = -3, max = 3) long fromOffset, @ForAll @LongRange(min = -3, max = 3) long untilOffset,
      @ForAll int suffix) {
    String id = OrderItems.newOrderId(Instant.ofEpochMilli(created), new FixedInt(suffix));
    Instant from = Instant.ofEpochMilli(created + fromOffset);
    Instant until = Instant.ofEpochMilli(created + untilOffset);
    boolean inside = fromOffset <= 0 && untilOffset >= 0;
    String lower = OrderItems.lowerIdBound(from);
    String upper = OrderItems.upperIdBound(until);
    boolean between = (lower == null || id.compareTo(lower) >= 0) && (upper == null || id.compareTo(upper) <= 0);
    assertThat(between).isEqualTo(inside);
  }

  @Test
  void idBounds_roundSubMillisecondInstantsInward() {
    Instant created = Instant.ofEpochMilli(1_705_314_600_123L);
    String id = OrderItems.newOrderId(created, new FixedInt(0x1234));
    assertThat(id.compareTo(OrderItems.lowerIdBound(created.plusNanos(500_000)))).isNegative();
    assertThat(id.compareTo(OrderItems.upperIdBound(created.plusNanos(500_000)))).isNegative();
    assertThat(id.compareTo(OrderItems.upperIdBound(created.minusNanos(1)))).isPositive();
  }

  @Test
  void idBounds_outsideThirteenDigitMillis_areOpenOrEmpty() {
    assertThat(OrderItems.lowerIdBound(Instant.EPOCH)).isNull();
    assertThat(OrderItems.upperIdBound(Instant.parse("2300-01-01T00:00:00Z"))).isNull();
    assertThat(OrderItems.upperIdBound(Instant.EPOCH)).isEqualTo("ORD_");
    assertThat(OrderItems.lowerIdBound(Instant.parse("2300-01-01T00:00:00Z"))).isEqualTo("ORD_~");
  }

  @Test
  void fromItem_readsWhatToItemWrote() {
    Order order = Order.of(OrderKey.of("c-1", "ORD_1705314600123_0000abcd"), LocalDate.of(2024, 1, 15), T,
        OrderStatus.CONFIRMED, Instant.ofEpochSecond(1_768_386_600L), Map.of("total", AttributeValue.fromN("19.90")));
    Map<String, AttributeValue> item = order.toItem();
    assertThat(item.get("order_date").s()).isEqualTo("2024-01-15");
    assertThat(item.get("status").s()).isEqualTo("confirmed");
    assertThat(item.get("expires_at").n()).isEqualTo("1768386600");
    assertThat(OrderItems.fromItem(item, ErrorContext.empty())).isEqualTo(order);
  }

  @Test
  void fromItem_withUnknownStatus_isMalformed() {
    Map<String, AttributeValue> item = new HashMap<>(Order.of(OrderKey.of("c-1", "ORD_1_a"), LocalDate.of(2024, 1, 15),
        T, OrderStatus.PENDING, null, Map.of()).toItem());
    item.put("status", AttributeValue.fromS("lost"));
    assertThatThrownBy(() -> OrderItems.fromItem(item, ErrorContext.empty()))
        .isInstanceOf(MalformedOrderException.class).hasMessageContaining("lost")
        .satisfies(e -> {
          MalformedOrderException malformed = (MalformedOrderException) e;
          assertThat(malformed.key()).contains(OrderKey.of("c-1", "ORD_1_a"));
          assertThat(malformed.nextCursor()).isEmpty();
          MalformedOrderException onPage = malformed.withNextCursor("next");
          assertThat(onPage.nextCursor()).contains("next");
          assertThat(onPage.key()).isEqualTo(malformed.key());
          assertThat(onPage).hasMessage(malformed.getMessage());
        });
  }

  @Test
  void fromItem_withoutAKeyOrManagedAttribute_isMalformed_withTheKeyWhenItHasOne() {
    Map<String, AttributeValue> noCreatedAt = Map.of("customer_id", AttributeValue.fromS("c-1"),
        "order_id", AttributeValue.fromS("ORD_1_a"), "status", AttributeValue.fromS("pending"));
    assertThatThrownBy(() -> OrderItems.fromItem(noCreatedAt, ErrorContext.empty()))
        .isInstanceOfSatisfying(MalformedOrderException.class,
            e -> assertThat(e.key()).contains(OrderKey.of("c-1", "ORD_1_a")));
    Map<String, AttributeValue> noOrderId = Map.of("customer_id", AttributeValue.fromS("c-1"));
    assertThatThrownBy(() -> OrderItems.fromItem(noOrderId, ErrorContext.empty()))
        .isInstanceOfSatisfying(MalformedOrderException.class, e -> assertThat(e.key()).isEmpty());
  }

  @Test
  void statusToken_isReserved_andNotAnOrderAttribute() {
    Map<String, AttributeValue> item = new HashMap<>(Order.of(OrderKey.of("c-1", "ORD_1_a"), LocalDate.of(2024, 1, 15),
        T, OrderStatus.PENDING, null, Map.of()).toItem());
    item.put(Order.STATUS_TOKEN, AttributeValue.fromS("0123456789abcdef"));
    assertThat(Order.reservedAttributeNames()).contains("ddbkit_status_token");
    assertThat(OrderItems.fromItem(item, ErrorContext.empty()).attributes()).isEmpty();
  }

  @Test
  void fromItem_withoutOrderDateOrTtl_derivesTheDay() {
    Map<String, AttributeValue> item = Map.of("customer_id", AttributeValue.fromS("c-1"),
        "order_id", AttributeValue.fromS("ORD_1705314600123_0000abcd"),
        "created_at", AttributeValue.fromS("2024-01-15T23:59:59.999Z"), "status", AttributeValue.fromS("confirmed"));
    Order order = OrderItems.fromItem(item, ErrorContext.empty());
    assertThat(order.orderDate()).isEqualTo(LocalDate.of(2024, 1, 15));
    assertThat(order.expiresAt()).isEmpty();
  }

  @Test
  void keyChecks_rejectBlankAndOversizedValues() {
    assertThatThrownBy(() -> OrderItems.checkCustomerId(" ")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("customerId");
    assertThatThrownBy(() -> OrderItems.checkOrderId("x".repeat(1025))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("1024");
    assertThatThrownBy(() -> OrderItems.checkCustomerId("é".repeat(1025))).isInstanceOf(InvalidInputException.class);
  }

  /** A generator whose nextInt is fixed, to pin the id suffix. */
  static final class FixedInt implements java.util.random.RandomGenerator {
    private final int value;

    FixedInt(int value) {
      this.value = value;
    }

    @Override
    public long nextLong() {
      return value;
    }

    @Override
    public int nextInt() {
      return value;
    }
  }
}
