package dev.ddbkit.metrics.sharding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MergingCursorTest {
  @Test
  void compareCodePoints_ordersLikeUtf8Bytes() {
    String supplementary = new String(Character.toChars(0x1F600));
    assertThat(MergingCursor.compareCodePoints("a\uFFFF", "a" + supplementary)).isNegative();
    assertThat("a\uFFFF".compareTo("a" + supplementary)).isPositive();
    assertThat(MergingCursor.compareCodePoints("abc", "abc")).isZero();
    assertThat(MergingCursor.compareCodePoints("ab", "abc")).isNegative();
  }
}
