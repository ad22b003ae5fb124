package dev.ddbkit.metrics.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricKeysLocaleTest {

  @ParameterizedTest
  @ValueSource(strings = {"ar-SA", "fa-IR", "th-TH-u-nu-thai", "hi-IN-u-nu-deva"})
  void keysAndBounds_areAsciiAndOrdered_underANonLatinDigitLocale(String tag) {
    Locale saved = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag(tag));
    try {
      // Sanity: this locale really formats digits as non-ASCII, so the test could fail.
      if (tag.startsWith("ar") || tag.startsWith("fa")) {
        assertThat(String.format("%06d", 42)).isNotEqualTo("000042");
      }
      Instant a = Instant.parse("2024-01-15T10:30:00.123000042Z");
      Instant b = Instant.parse("2024-01-15T10:30:00.123456789Z");
      Instant c = Instant.parse("2025-12-31T23:59:59Z");
      List<String> keys = new ArrayList<>();
      keys.add(MetricKeys.lowerBound(a));
      keys.add(MetricKeys.sortKey(a, "x"));
      keys.add(MetricKeys.upperBound(a));
      keys.add(MetricKeys.sortKey(b, "x"));
      keys.add(MetricKeys.lowerBound(c));
      keys.add(MetricKeys.sortKey(c, "x"));
      keys.add(MetricKeys.upperBound(c));
      keys.add(MetricKeys.shardKey("m", 12));
      for (String k : keys) {
        assertThat(k.chars().allMatch(ch -> ch < 128)).as(k).isTrue();
      }
      assertThat(MetricKeys.sortKey(a, "x")).isEqualTo("2024-01-15T10:30:00.123Z#000042#x");
      assertThat(MetricKeys.shardKey("m", 12)).isEqualTo("m#12");
      assertThat(keys.subList(0, 7)).isSorted();
      assertThat(MetricKeys.parseTimestamp(MetricKeys.sortKey(b, "x"))).isEqualTo(b);
    } finally {
      Locale.setDefault(saved);
    }
  }
}
