package dev.ddbkit.core.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemSizeTest {

  @Test
  void string_countsNameAndValueUtf8Bytes() {
    assertThat(ItemSize.of(Map.of("name", AttributeValue.fromS("héllo")))).isEqualTo(4 + 6);
    assertThat(ItemSize.of(Map.of("e", AttributeValue.fromS("\uD83D\uDE00")))).isEqualTo(1 + 4);
  }

  @Test
  void number_countsOneBytePerTwoSignificantDigitsPlusOne() {
    assertThat(ItemSize.numberSize("0")).isEqualTo(2);
    assertThat(ItemSize.numberSize("7")).isEqualTo(2);
    assertThat(ItemSize.numberSize("12")).isEqualTo(2);
    assertThat(ItemSize.numberSize("123")).isEqualTo(3);
    assertThat(ItemSize.numberSize("-0012300")).isEqualTo(3);
    assertThat(ItemSize.numberSize("1.5E+10")).isEqualTo(2);
    assertThat(ItemSize.numberSize("12345678901234567890123456789012345678")).isEqualTo(20);
  }

  @Test
  void scalarsSetsAndDocuments_followDynamoDbsRules() {
    assertThat(ItemSize.valueSize(AttributeValue.fromBool(true))).isEqualTo(1);
    assertThat(ItemSize.valueSize(AttributeValue.fromNul(true))).isEqualTo(1);
    assertThat(ItemSize.valueSize(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[10])))).isEqualTo(10);
    assertThat(ItemSize.valueSize(AttributeValue.fromSs(List.of("ab", "cde")))).isEqualTo(5);
    assertThat(ItemSize.valueSize(AttributeValue.fromL(List.of()))).isEqualTo(3);
    assertThat(ItemSize.valueSize(AttributeValue.fromL(List.of(AttributeValue.fromS("ab"))))).isEqualTo(3 + 1 + 2);
    assertThat(ItemSize.valueSize(AttributeValue.fromM(Map.of("k", AttributeValue.fromS("ab")))))
        .isEqualTo(3 + 1 + 1 + 2);
  }
}
