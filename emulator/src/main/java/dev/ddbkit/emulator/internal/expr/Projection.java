package dev.ddbkit.emulator.internal.expr;

import dev.ddbkit.emulator.internal.value.Value;
import java.util.List;
import java.util.Map;

/** A parsed ProjectionExpression (or a list of paths, e.g. the attributes an update touched). */
public interface Projection {
  /** The projected copy of an item: only the paths given, nested structure kept, missing paths left out. */
  Map<String, Value> apply(Map<String, Value> item);

  /** The projected paths, in expression order. */
  List<Path> paths();

  /** A projection of the given paths as they are (no overlap check), e.g. the attributes an update touched. */
  static Projection of(List<Path> paths) {
    return new Projector(paths);
  }
}
