package dev.ddbkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormattingTest {

  @Test
  void percentiles_useTheNearestRank() {
    long[] values = new long[100];
    for (int i = 0; i < 100; i++) {
      values[i] = 100 - i;
    }
    assertThat(Percentiles.of(values, 50)).isEqualTo(Duration.ofNanos(50));
    assertThat(Percentiles.of(values, 99)).isEqualTo(Duration.ofNanos(99));
    assertThat(Percentiles.of(values, 100)).isEqualTo(Duration.ofNanos(100));
    assertThat(Percentiles.of(new long[] {7}, 99)).isEqualTo(Duration.ofNanos(7));
    assertThat(Percentiles.of(new long[0], 50)).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> Percentiles.of(values, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void money_isWholeCentsAsAPlainDecimal() {
    assertThat(TransactionsSteps.money(7_500)).isEqualTo("75.00");
    assertThat(TransactionsSteps.money(5)).isEqualTo("0.05");
    assertThat(TransactionsSteps.money(-1_234)).isEqualTo("-12.34");
    assertThat(TransactionsSteps.money(Long.MAX_VALUE)).isEqualTo("92233720368547758.07");
  }

  @Test
  void durations_areFormattedForReading() {
    assertThat(Percentiles.format(Duration.ofNanos(850_000))).isEqualTo("850µs");
    assertThat(Percentiles.format(Duration.ofNanos(12_345_000))).isEqualTo("12.3ms");
    assertThat(Percentiles.format(Duration.ofMillis(1420))).isEqualTo("1.42s");
  }

  @Test
  void json_escapesStrings_andNestsMapsAndLists() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "a \"quoted\"\nline");
    m.put("n", 3);
    m.put("list", List.of(true, 1.5));
    m.put("empty", List.of());
    assertThat(Json.write(m)).isEqualTo("""
        {
          "name": "a \\"quoted\\"\\nline",
          "n": 3,
          "list": [
            true,
            1.5
          ],
          "empty": []
        }""");
  }

  @Test
  void textTable_alignsColumns_andRightAlignsNumbers() {
    String t = TextTable.of("op", "calls").row("GetItem", 5).row("Query", 120).render("");
    assertThat(t.lines()).containsExactly("op       calls", "-------  -----", "GetItem      5", "Query      120");
  }
}
