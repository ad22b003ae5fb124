package dev.ddbkit.emulator.internal.expr;

import static dev.ddbkit.emulator.internal.expr.TestValues.assertValidation;
import static dev.ddbkit.emulator.internal.expr.TestValues.item;
import static dev.ddbkit.emulator.internal.expr.TestValues.l;
import static dev.ddbkit.emulator.internal.expr.TestValues.m;
import static dev.ddbkit.emulator.internal.expr.TestValues.n;
import static dev.ddbkit.emulator.internal.expr.TestValues.s;
import static dev.ddbkit.emulator.internal.expr.TestValues.ss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.emulator.internal.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectionTest {
  private static final Map<String, Value> ITEM = item(
      "pk", s("p1"),
      "n", n("5"),
      "tags", ss("red"),
      "lst", l(s("a"), m("x", n("1"), "y", n("2")), s("c")),
      "doc", m("a", m("b", n("7"), "c", n("8")), "s", s("x")),
      "name", s("reserved"));

  private static Projection projection(String expression) {
    return Expressions.projection(expression, TestValues.context(Map.of("#name", "name", "#d", "doc")));
  }

  @Test
  void apply_topLevelAttributes_missingOnesLeftOut() {
    assertThat(projection("pk, n, ghost, #name").apply(ITEM))
        .isEqualTo(item("pk", s("p1"), "n", n("5"), "name", s("reserved")));
  }

  @Test
  void apply_nestedMapPaths_keepTheStructure() {
    assertThat(projection("doc.a.b").apply(ITEM)).isEqualTo(item("doc", m("a", m("b", n("7")))));
    assertThat(projection("#d.a.b, doc.s").apply(ITEM)).isEqualTo(item("doc", m("a", m("b", n("7")), "s", s("x"))));
    assertThat(projection("doc.a.ghost, doc.ghost.x, doc.s.x").apply(ITEM)).isEmpty();
  }

  @Test
  void apply_listIndexes_selectElementsInIndexOrder() {
    assertThat(projection("lst[2], lst[0]").apply(ITEM)).isEqualTo(item("lst", l(s("a"), s("c"))));
    assertThat(projection("lst[1].y").apply(ITEM)).isEqualTo(item("lst", l(m("y", n("2")))));
    assertThat(projection("lst[7], doc[0], pk[0]").apply(ITEM)).isEmpty();
    assertThat(projection("doc.a.b[0]").apply(ITEM)).isEmpty();
  }

  @Test
  void paths_resolvedInExpressionOrder() {
    assertThat(projection("#d.a, lst[1], pk").paths())
        .containsExactly(new Path(List.of("doc", "a")), new Path(List.of("lst", 1)), Path.of("pk"));
  }

  @Test
  void of_projectsTheGivenPaths() {
    Projection p = Projection.of(List.of(Path.of("pk"), new Path(List.of("doc", "s"))));
    assertThat(p.apply(ITEM)).isEqualTo(item("pk", s("p1"), "doc", m("s", s("x"))));
    assertThat(p.paths()).hasSize(2);
  }

  @Test
  void projection_overlappingPaths_areRejected() {
    assertValidation(() -> projection("doc, doc.a"), "Invalid ProjectionExpression: Two document paths overlap"
        + " with each other; must remove or rewrite one of these paths; path one: [doc], path two: [doc, a]");
    assertValidation(() -> projection("pk, pk"), "Invalid ProjectionExpression: Two document paths overlap"
        + " with each other; must remove or rewrite one of these paths; path one: [pk], path two: [pk]");
    assertValidation(() -> projection("#d.a, doc"), "Invalid ProjectionExpression: Two document paths overlap"
        + " with each other; must remove or rewrite one of these paths; path one: [doc, a], path two: [doc]");
    assertValidation(() -> projection("lst[0].a, lst.a"), "Invalid ProjectionExpression: Two document paths"
        + " conflict with each other; must remove or rewrite one of these paths; path one: [lst, [0], a], path"
        + " two: [lst, a]");
  }

  @Test
  void projection_errors() {
    assertValidation(() -> projection("pk, name"),
        "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name");
    assertValidation(() -> projection("#ghost"), "Invalid ProjectionExpression: An expression attribute name used"
        + " in the document path is not defined; attribute name: #ghost");
    assertValidation(() -> projection("pk,"),
        "Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"");
    assertValidation(() -> projection("pk n"),
        "Invalid ProjectionExpression: Syntax error; token: \"n\", near: \"pk n\"");
    assertValidation(() -> projection(":v"),
        "Invalid ProjectionExpression: Syntax error; token: \":v\", near: \":v\"");
    assertValidation(() -> projection(""), "Invalid ProjectionExpression: The expression can not be empty;");
  }

  @Test
  void projection_andOrNotAreOrdinaryNamesExceptWhenReserved() {
    assertValidation(() -> projection("and"),
        "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: and");
  }
}
