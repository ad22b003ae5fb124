package dev.ddbkit.emulator.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parse_readsEveryJsonType() {
    Object parsed = Json.parse(" {\"s\":\"a\\\"b\\u00e9\\n\",\"n\":-12.5e1,\"t\":true,\"f\":false,\"z\":null,\"l\":[1,{}]} ");
    assertThat(parsed).isInstanceOf(Map.class);
    Map<?, ?> m = (Map<?, ?>) parsed;
    assertThat(m.get("s")).isEqualTo("a\"b\u00e9\n");
    assertThat(m.get("n")).isEqualTo(new BigDecimal("-12.5e1"));
    assertThat(m.get("t")).isEqualTo(true);
    assertThat(m.get("f")).isEqualTo(false);
    assertThat(m.get("z")).isSameAs(Json.NULL);
    assertThat((List<?>) m.get("l")).hasSize(2);
  }

  @Test
  void write_thenParse_roundTrips_withEscapes() {
    Map<String, Object> value = Map.of("k", List.of("tab\there", "quote\"", "ctl\u0001", "emoji \uD83D\uDE00"));
    assertThat(Json.parse(Json.write(value))).isEqualTo(value);
    assertThat(Json.write(Map.of("x", "\u0001"))).isEqualTo("{\"x\":\"\\u0001\"}");
  }

  @Test
  void malformedInput_isRejected() {
    for (String bad : List.of("{", "{\"a\":}", "[1,]", "tru", "{\"a\":1} x", "\"open", "{a:1}")) {
      assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(Json.JsonException.class);
    }
  }
}
