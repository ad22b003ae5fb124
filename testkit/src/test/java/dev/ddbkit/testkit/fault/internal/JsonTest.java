package dev.ddbkit.testkit.fault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parseThenWrite_keepsNumbersEscapesAndOrder() {
    String text = "{\"b\":1.50,\"a\":[true,false,null,{\"s\":\"q\\\"\\\\\\n\\u00e9\"}],\"n\":-2E+3}";
    Object parsed = Json.parse(text);
    assertThat(Json.write(parsed)).isEqualTo("{\"b\":1.50,\"a\":[true,false,null,{\"s\":\"q\\\"\\\\\\né\"}],\"n\":-2E+3}");
    assertThat(Json.parseObject(text).keySet()).containsExactly("b", "a", "n");
  }

  @Test
  void parse_whitespaceAndEmptyContainers_areAccepted() {
    Map<String, Object> m = Json.parseObject(" { \"a\" : { } , \"b\" : [ ] } ");
    assertThat(Json.object(m, "a")).isEmpty();
    assertThat(Json.array(m, "b")).isEmpty();
  }

  @Test
  void parse_malformed_isRejectedWithOffset() {
    assertThatThrownBy(() -> Json.parse("{\"a\":}")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset 5");
    assertThatThrownBy(() -> Json.parse("{\"a\":1} x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.parseObject("[1]")).hasMessageContaining("an array");
  }

  @Test
  void copy_isDeep() {
    Map<String, Object> m = Json.parseObject("{\"l\":[{\"x\":\"1\"}]}");
    @SuppressWarnings("unchecked")
    Map<String, Object> c = (Map<String, Object>) Json.copy(m);
    ((List<Object>) c.get("l")).clear();
    assertThat(Json.array(m, "l")).hasSize(1);
  }
}
