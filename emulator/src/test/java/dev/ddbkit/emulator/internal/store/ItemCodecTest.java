package dev.ddbkit.emulator.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.emulator.internal.value.Bytes;
import dev.ddbkit.emulator.internal.value.Value;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemCodecTest {

  @Test
  void encodeDecode_roundTripsEveryType() {
    Map<String, Value> item = new LinkedHashMap<>();
    item.put("s", Value.s("h\u00e9llo \uD83D\uDE00"));
    item.put("n", Value.n("-123.4500"));
    item.put("tiny", Value.n("1E-129"));
    item.put("b", new Value.B(Bytes.of(new byte[] {0, -1, 7})));
    item.put("t", Value.TRUE);
    item.put("f", Value.FALSE);
    item.put("null", Value.NULL);
    item.put("l", new Value.L(List.of(Value.s("x"), Value.n(2))));
    item.put("m", new Value.M(Map.of("inner", new Value.M(Map.of("deep", Value.s("y"))))));
    item.put("ss", new Value.SS(Set.of("a", "b")));
    item.put("ns", new Value.NS(Set.of(new BigDecimal("1.50"), BigDecimal.TEN)));
    item.put("bs", new Value.BS(Set.of(Bytes.of(new byte[] {1}))));

    Map<String, Value> decoded = ItemCodec.decode(ItemCodec.encode(item));

    assertThat(decoded).isEqualTo(item);
    assertThat(decoded.keySet()).containsExactlyElementsOf(item.keySet());
    assertThat(((Value.N) decoded.get("n")).text()).isEqualTo("-123.45");
  }

  @Test
  void encodedItem_isCompact() {
    Map<String, Value> item = Map.of("pk", Value.s("user#000001"), "sk", Value.n(42), "name", Value.s("Ada Lovelace"));
    assertThat(ItemCodec.encode(item).length).isLessThan(50);
  }
}
