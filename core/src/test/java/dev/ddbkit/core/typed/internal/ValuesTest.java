package dev.ddbkit.core.typed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ValuesTest {

  @Test
  void same_comparesNumbersByValue_andSetsWithoutOrder() {
    Map<String, AttributeValue> sent = Map.of("n", AttributeValue.fromN("2.0"), "ss", AttributeValue.fromSs(List.of("a", "b")),
        "m", AttributeValue.fromM(Map.of("x", AttributeValue.fromN("1"))));
    Map<String, AttributeValue> stored = Map.of("n", AttributeValue.fromN("2"), "ss", AttributeValue.fromSs(List.of("b", "a")),
        "m", AttributeValue.fromM(Map.of("x", AttributeValue.fromN("1.00"))));

    assertThat(Values.same(sent, stored)).isTrue();
    assertThat(Values.same(sent, Map.of("n", AttributeValue.fromN("2")))).isFalse();
    assertThat(Values.same(AttributeValue.fromS("1"), AttributeValue.fromN("1"))).isFalse();
  }

  @Test
  void canonical_isTheSameForEqualContent_inAnyMapOrder() {
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    Values.canonical(new java.util.LinkedHashMap<>(Map.of("a", AttributeValue.fromS("x"), "b", AttributeValue.fromN("1.0"))), a);
    java.util.LinkedHashMap<String, AttributeValue> reversed = new java.util.LinkedHashMap<>();
    reversed.put("b", AttributeValue.fromN("1"));
    reversed.put("a", AttributeValue.fromS("x"));
    Values.canonical(reversed, b);
    StringBuilder c = new StringBuilder();
    Values.canonical(Map.of("a", AttributeValue.fromS("x:"), "b", AttributeValue.fromN("1")), c);

    assertThat(a.toString()).isEqualTo(b.toString()).isNotEqualTo(c.toString());
  }

  @Test
  void compareKeys_ordersAsDynamoDb_numbersByValue_stringsByUtf8Bytes() {
    assertThat(Values.compareKeys(AttributeValue.fromN("9"), AttributeValue.fromN("10"))).isNegative();
    assertThat(Values.compareKeys(AttributeValue.fromS("Z"), AttributeValue.fromS("a"))).isNegative();
    // U+FF61 sorts after U+10000 in UTF-16 but before it in UTF-8 bytes
    assertThat(Values.compareKeys(AttributeValue.fromS("\uFF61"), AttributeValue.fromS("\uD800\uDC00"))).isNegative();
    assertThat(Values.compareKeys(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1})),
        AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) 0x80})))).isNegative();
  }
}
