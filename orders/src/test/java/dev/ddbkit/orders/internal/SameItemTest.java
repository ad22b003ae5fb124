package dev.ddbkit.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SameItemTest {
  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(String v) {
    return AttributeValue.fromN(v);
  }

  private static Map<String, AttributeValue> written() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("customer_id", s("c-1"));
    item.put("order_id", s("ORD_1705314600123_1a2b3c4d"));
    item.put("total", n("19.90"));
    item.put("tags", AttributeValue.fromSs(List.of("gift", "express")));
    item.put("sizes", AttributeValue.fromNs(List.of("1.0", "2.50")));
    item.put("blobs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("a"), SdkBytes.fromUtf8String("b"))));
    item.put("items", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("sku", s("sku-1"), "qty", n("2.0"))))));
    item.put("gift", AttributeValue.fromBool(true));
    item.put("coupon", AttributeValue.fromNul(true));
    item.put("blob", AttributeValue.fromB(SdkBytes.fromUtf8String("raw")));
    item.put("note", s(""));
    return item;
  }

  /** The item as DynamoDB returns it: numbers canonical, sets in another order, maps in another order. */
  private static Map<String, AttributeValue> asStored() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("note", s(""));
    item.put("blob", AttributeValue.fromB(SdkBytes.fromUtf8String("raw")));
    item.put("coupon", AttributeValue.fromNul(true));
    item.put("gift", AttributeValue.fromBool(true));
    item.put("items", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("qty", n("2"), "sku", s("sku-1"))))));
    item.put("blobs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("b"), SdkBytes.fromUtf8String("a"))));
    item.put("sizes", AttributeValue.fromNs(List.of("2.5", "1")));
    item.put("tags", AttributeValue.fromSs(List.of("express", "gift")));
    item.put("total", n("19.9"));
    item.put("order_id", s("ORD_1705314600123_1a2b3c4d"));
    item.put("customer_id", s("c-1"));
    return item;
  }

  @Test
  void theWrittenItem_asDynamoDbReturnsIt_isTheSame() {
    assertThat(SameItem.same(written(), asStored())).isTrue();
    assertThat(SameItem.same(asStored(), written())).isTrue();
  }

  @Test
  void anyDifferentValue_isAnotherItem() {
    List<Map.Entry<String, AttributeValue>> changes = List.of(
        Map.entry("total", n("19.91")),
        Map.entry("total", s("19.9")),
        Map.entry("tags", AttributeValue.fromSs(List.of("gift"))),
        Map.entry("sizes", AttributeValue.fromNs(List.of("1", "2.51"))),
        Map.entry("blobs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("a")))),
        Map.entry("items", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("sku", s("sku-1"), "qty", n("3")))))),
        Map.entry("items", AttributeValue.fromL(List.of())),
        Map.entry("gift", AttributeValue.fromBool(false)),
        Map.entry("coupon", s("")),
        Map.entry("blob", AttributeValue.fromB(SdkBytes.fromUtf8String("raw2"))),
        Map.entry("note", s("x")),
        Map.entry("order_id", s("ORD_1705314600123_1a2b3c4e")));
    for (Map.Entry<String, AttributeValue> change : changes) {
      Map<String, AttributeValue> other = asStored();
      other.put(change.getKey(), change.getValue());
      assertThat(SameItem.same(written(), other)).as("changed %s", change).isFalse();
    }
  }

  @Test
  void aMissingOrExtraAttribute_isAnotherItem() {
    Map<String, AttributeValue> missing = asStored();
    missing.remove("note");
    Map<String, AttributeValue> extra = asStored();
    extra.put("extra", s("x"));
    assertThat(SameItem.same(written(), missing)).isFalse();
    assertThat(SameItem.same(written(), extra)).isFalse();
    assertThat(SameItem.same(written(), Map.of())).isFalse();
  }

  @Test
  void listOrder_matters() {
    AttributeValue ab = AttributeValue.fromL(List.of(s("a"), s("b")));
    AttributeValue ba = AttributeValue.fromL(List.of(s("b"), s("a")));
    assertThat(SameItem.same(ab, ba)).isFalse();
    assertThat(SameItem.same(ab, AttributeValue.fromL(List.of(s("a"), s("b"))))).isTrue();
  }
}
