package dev.ddbkit.emulator.internal.expr;

import static dev.ddbkit.emulator.internal.expr.TestValues.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathChecksTest {

  private static Path path(Object... elements) {
    return new Path(List.of(elements));
  }

  @Test
  void render_namesPlainAndIndexesBracketed() {
    assertThat(PathChecks.render(path("a", "b.c", 3, "d"))).isEqualTo("[a, b.c, [3], d]");
  }

  @Test
  void checkDisjoint_siblingsAndDifferentIndexes_pass() {
    assertThatCode(() -> PathChecks.checkDisjoint(
        List.of(path("a", "b"), path("a", "c"), path("l", 0), path("l", 1), path("ab"), path("a", "bc")),
        ExpressionKind.UPDATE)).doesNotThrowAnyException();
  }

  @Test
  void checkDisjoint_prefixOverlaps_evenAcrossOtherPaths() {
    assertValidation(() -> PathChecks.checkDisjoint(List.of(path("x"), path("l", 0, "a"), path("l", 0)),
        ExpressionKind.PROJECTION), "Invalid ProjectionExpression: Two document paths overlap with each other;"
        + " must remove or rewrite one of these paths; path one: [l, [0], a], path two: [l, [0]]");
  }

  @Test
  void checkDisjoint_keyAgainstIndexAtTheSamePlace_conflicts() {
    assertValidation(() -> PathChecks.checkDisjoint(List.of(path("l", 0), path("l", "k", "z")),
        ExpressionKind.UPDATE), "Invalid UpdateExpression: Two document paths conflict with each other; must"
        + " remove or rewrite one of these paths; path one: [l, [0]], path two: [l, k, z]");
  }
}
