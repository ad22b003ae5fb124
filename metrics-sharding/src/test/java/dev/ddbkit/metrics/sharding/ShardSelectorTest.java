package dev.ddbkit.metrics.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardSelectorTest {
  private static final Instant T = Instant.parse("2024-01-15T10:30:00Z");

  @Test
  void calculated_sameKey_alwaysSameShard() {
    ShardSelector s = ShardSelector.calculated(MetricPoint::id);
    MetricPoint p = MetricPoint.of("orders", T, 1).withId("order-123");
    int shard = s.select(p, 10);
    assertThat(IntStream.range(0, 20).map(i -> s.select(MetricPoint.of("orders", T.plusSeconds(i), i)
        .withId("order-123"), 10))).containsOnly(shard);
    assertThat(ShardSelector.calculatedShard("order-123", 10)).isEqualTo(shard);
  }

  @Test
  void roundRobin_cyclesPerMetric() {
    ShardSelector s = ShardSelector.roundRobin();
    int[] a = IntStream.range(0, 8).map(i -> s.select(MetricPoint.of("a", T, i), 4)).toArray();
    assertThat(a).containsExactly(0, 1, 2, 3, 0, 1, 2, 3);
    assertThat(s.select(MetricPoint.of("b", T, 1), 4)).isZero();
  }

  @Test
  void random_staysInRange() {
    ShardSelector s = ShardSelector.random();
    assertThat(IntStream.range(0, 1000).map(i -> s.select(MetricPoint.of("a", T, i), 7)))
        .allMatch(x -> x >= 0 && x < 7);
  }
}
