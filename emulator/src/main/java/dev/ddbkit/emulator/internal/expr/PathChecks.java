package dev.ddbkit.emulator.internal.expr;

import java.util.List;
import java.util.stream.Collectors;

/** DynamoDB's rule that the paths an update writes, or a projection reads, neither overlap nor conflict. */
final class PathChecks {
  private PathChecks() {}

  /**
   * Overlap: one path is the other or a prefix of it ({@code a} and {@code a.b}). Conflict: at the first
   * element where they differ, one is a map key and the other a list index ({@code a.b} and {@code a[1]}).
   */
  static void checkDisjoint(List<Path> paths, ExpressionKind kind) {
    for (int i = 0; i < paths.size(); i++) {
      for (int j = i + 1; j < paths.size(); j++) {
        check(paths.get(i), paths.get(j), kind);
      }
    }
  }

  private static void check(Path one, Path two, ExpressionKind kind) {
    List<Object> a = one.elements();
    List<Object> b = two.elements();
    int common = Math.min(a.size(), b.size());
    for (int k = 0; k < common; k++) {
      Object x = a.get(k);
      Object y = b.get(k);
      if (!x.equals(y)) {
        if (x.getClass() != y.getClass()) {
          throw Errors.invalid(kind, "Two document paths conflict with each other; must remove or rewrite one of"
              + " these paths; path one: " + render(one) + ", path two: " + render(two));
        }
        return;
      }
    }
    throw Errors.invalid(kind, "Two document paths overlap with each other; must remove or rewrite one of these"
        + " paths; path one: " + render(one) + ", path two: " + render(two));
  }

  /** {@code [a, b, [2]]}, as DynamoDB prints paths in these messages. */
  static String render(Path path) {
    return path.elements().stream()
        .map(e -> e instanceof Integer i ? "[" + i + "]" : (String) e)
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
