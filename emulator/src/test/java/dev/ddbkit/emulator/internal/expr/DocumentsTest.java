package dev.ddbkit.emulator.internal.expr;

import static dev.ddbkit.emulator.internal.expr.TestValues.assertValidation;
import static dev.ddbkit.emulator.internal.expr.TestValues.item;
import static dev.ddbkit.emulator.internal.expr.TestValues.l;
import static dev.ddbkit.emulator.internal.expr.TestValues.m;
import static dev.ddbkit.emulator.internal.expr.TestValues.n;
import static dev.ddbkit.emulator.internal.expr.TestValues.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.emulator.internal.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentsTest {
  private static final Map<String, Value> ITEM = item("a", m("b", l(n("1"), m("c", s("x")))), "s", s("y"));

  private static Path path(Object... elements) {
    return new Path(List.of(elements));
  }

  @Test
  void get_followsMapKeysAndListIndexes() {
    assertThat(Documents.get(ITEM, path("a", "b", 1, "c"))).contains(s("x"));
    assertThat(Documents.get(ITEM, path("a", "b", 0))).contains(n("1"));
    assertThat(Documents.get(ITEM, path("s"))).contains(s("y"));
  }

  @Test
  void get_missingOrMistypedSteps_areEmpty() {
    assertThat(Documents.get(ITEM, path("ghost"))).isEmpty();
    assertThat(Documents.get(ITEM, path("a", "b", 2))).isEmpty();
    assertThat(Documents.get(ITEM, path("a", 0))).isEmpty();
    assertThat(Documents.get(ITEM, path("s", "x"))).isEmpty();
    assertThat(Documents.get(ITEM, path("a", "b", "c"))).isEmpty();
  }

  @Test
  void modify_rebuildsOnlyThePathAndLeavesTheOriginalValuesAlone() {
    Map<String, Value> copy = new java.util.LinkedHashMap<>(ITEM);
    Documents.modify(copy, path("a", "b", 1, "d"), old -> Optional.of(n("2")));
    assertThat(copy).isEqualTo(item("a", m("b", l(n("1"), m("c", s("x"), "d", n("2")))), "s", s("y")));
    assertThat(ITEM.get("a")).isEqualTo(m("b", l(n("1"), m("c", s("x")))));
  }

  @Test
  void modify_emptyResultRemoves_andListRemovalShifts() {
    Map<String, Value> copy = new java.util.LinkedHashMap<>(ITEM);
    Documents.modify(copy, path("a", "b", 0), old -> Optional.empty());
    assertThat(copy.get("a")).isEqualTo(m("b", l(m("c", s("x")))));
    Documents.modify(copy, path("s"), old -> Optional.empty());
    assertThat(copy).containsOnlyKeys("a");
  }

  @Test
  void modify_indexPastTheEnd_appends_andRemovingItIsANoOp() {
    Map<String, Value> copy = new java.util.LinkedHashMap<>(ITEM);
    Documents.modify(copy, path("a", "b", 7), old -> {
      assertThat(old).isEmpty();
      return Optional.of(s("z"));
    });
    assertThat(Documents.get(copy, path("a", "b", 2))).contains(s("z"));
    Documents.modify(copy, path("a", "b", 9), old -> Optional.empty());
    assertThat(Documents.get(copy, path("a", "b"))).contains(l(n("1"), m("c", s("x")), s("z")));
  }

  @Test
  void modify_missingOrMistypedParent_isInvalidForUpdate() {
    String invalid = "The document path provided in the update expression is invalid for update";
    Map<String, Value> copy = new java.util.LinkedHashMap<>(ITEM);
    assertValidation(() -> Documents.modify(copy, path("ghost", "x"), old -> Optional.of(n("1"))), invalid);
    assertValidation(() -> Documents.modify(copy, path("s", "x"), old -> Optional.of(n("1"))), invalid);
    assertValidation(() -> Documents.modify(copy, path("a", 0), old -> Optional.of(n("1"))), invalid);
    assertValidation(() -> Documents.modify(copy, path("a", "b", "c"), old -> Optional.of(n("1"))), invalid);
    assertThat(copy).isEqualTo(ITEM);
  }
}
