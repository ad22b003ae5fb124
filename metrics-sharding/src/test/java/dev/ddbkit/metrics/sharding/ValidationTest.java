package dev.ddbkit.metrics.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {
  private static final Instant T = Instant.parse("2024-01-15T10:30:00Z");

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "page#views"})
  void metricName_emptyOrWithHash_isRejected(String name) {
    assertThatThrownBy(() -> MetricPoint.of(name, T, 1))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).argument()).isEqualTo("metricName"));
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e200, 1e-200})
  void value_nanInfiniteOrOutOfDynamoDbRange_isRejected(double value) {
    assertThatThrownBy(() -> MetricPoint.of("m", T, value))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("value");
  }

  @Test
  void nulls_areRejectedWithTheArgumentName() {
    assertThatThrownBy(() -> MetricPoint.of(null, T, 1)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> MetricPoint.of("m", null, 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("timestamp");
    assertThatThrownBy(() -> MetricPoint.of("m", T, 1).withId(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void shardCount_belowOne_isRejected() {
    assertThatThrownBy(() -> ShardingConfig.builder().shardCount(0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("shardCount");
    assertThatThrownBy(() -> ShardingConfig.builder().shardCount("m", -1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("shardCount");
  }

  @Test
  void query_endBeforeStart_isRejected() {
    assertThatThrownBy(() -> MetricQuery.builder("m", T, T.minusMillis(1)).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("must not be before");
    assertThat(MetricQuery.builder("m", T, T).build().to()).isEqualTo(T);
  }

  @Test
  void config_perMetricOverrides_applyOnlyToThatMetric() {
    ShardingConfig c = ShardingConfig.builder().shardCount(16).shardCount("hot", 32).build();
    assertThat(c.shardCount("hot")).isEqualTo(32);
    assertThat(c.shardCount("cold")).isEqualTo(16);
    assertThat(ShardingConfig.defaults().shardCount()).isEqualTo(10);
    assertThat(c.toBuilder().build().shardCount("hot")).isEqualTo(32);
  }

  @Test
  void randomIds_areSixteenHexDigits() {
    assertThat(MetricPoint.of("m", T, 1).id()).matches("[0-9a-f]{16}");
  }
}
