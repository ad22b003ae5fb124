package dev.ddbkit.testkit.fault.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.testkit.fault.internal.CapacityUnits.ReadMode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapacityUnitsTest {

  @Test
  void itemSize_stringsCountNameAndUtf8Bytes() {
    // "id" (2) + "abc" (3) + "name" (4) + "é" (2 bytes)
    assertThat(CapacityUnits.itemSize(item("{\"id\":{\"S\":\"abc\"},\"name\":{\"S\":\"é\"}}"))).isEqualTo(11);
  }

  @ParameterizedTest
  @CsvSource({"0, 2", "7, 2", "12, 2", "123, 3", "-123.4500, 4", "1000000, 2", "1.5E+10, 2", "123456789012, 7"})
  void numberSize_isOneBytePlusOnePerTwoSignificantDigits(String number, long expected) {
    assertThat(CapacityUnits.numberSize(number)).isEqualTo(expected);
  }

  @Test
  void itemSize_otherTypes() {
    assertThat(CapacityUnits.valueSize(Json.parse("{\"B\":\"AAECAw==\"}"))).isEqualTo(4);
    assertThat(CapacityUnits.valueSize(Json.parse("{\"BOOL\":true}"))).isEqualTo(1);
    assertThat(CapacityUnits.valueSize(Json.parse("{\"NULL\":true}"))).isEqualTo(1);
    assertThat(CapacityUnits.valueSize(Json.parse("{\"SS\":[\"ab\",\"c\"]}"))).isEqualTo(3);
    assertThat(CapacityUnits.valueSize(Json.parse("{\"NS\":[\"1\",\"22\"]}"))).isEqualTo(4);
    // list: 3 + (1 + 2) + (1 + 1)
    assertThat(CapacityUnits.valueSize(Json.parse("{\"L\":[{\"S\":\"ab\"},{\"BOOL\":false}]}"))).isEqualTo(8);
    // map: 3 + (1 + "k" 1 + "v" 1)
    assertThat(CapacityUnits.valueSize(Json.parse("{\"M\":{\"k\":{\"S\":\"v\"}}}"))).isEqualTo(6);
  }

  @ParameterizedTest
  @CsvSource({"0, 1", "1, 1", "1024, 1", "1025, 2", "2048, 2", "409600, 400"})
  void writeUnits_arePerStartedKilobyteAndAtLeastOne(long size, double expected) {
    assertThat(CapacityUnits.writeUnits(size, false)).isEqualTo(expected);
    assertThat(CapacityUnits.writeUnits(size, true)).isEqualTo(2 * expected);
  }

  @ParameterizedTest
  @CsvSource({"0, 1", "4096, 1", "4097, 2", "8192, 2", "10000, 3"})
  void readUnits_arePerStarted4KbHalvedWhenEventualDoubledInTransactions(long size, double strong) {
    assertThat(CapacityUnits.readUnits(size, ReadMode.STRONGLY_CONSISTENT)).isEqualTo(strong);
    assertThat(CapacityUnits.readUnits(size, ReadMode.EVENTUALLY_CONSISTENT)).isEqualTo(strong / 2);
    assertThat(CapacityUnits.readUnits(size, ReadMode.TRANSACTIONAL)).isEqualTo(strong * 2);
  }

  @Test
  void writeUnits_ofOneKilobyteItemIncludingNames_crossesTheBoundary() {
    String value = "x".repeat(1024 - 2); // "pk" + value = 1024 bytes
    Map<String, Object> exact = item("{\"pk\":{\"S\":\"" + value + "\"}}");
    Map<String, Object> over = item("{\"pk\":{\"S\":\"" + value + "y\"}}");
    assertThat(CapacityUnits.writeUnits(CapacityUnits.itemSize(exact), false)).isEqualTo(1);
    assertThat(CapacityUnits.writeUnits(CapacityUnits.itemSize(over), false)).isEqualTo(2);
  }

  private static Map<String, Object> item(String json) {
    return Json.parseObject(json);
  }
}
