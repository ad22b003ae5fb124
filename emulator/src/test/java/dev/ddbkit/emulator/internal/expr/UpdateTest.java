package dev.ddbkit.emulator.internal.expr;

import static dev.ddbkit.emulator.internal.expr.TestValues.assertValidation;
import static dev.ddbkit.emulator.internal.expr.TestValues.b;
import static dev.ddbkit.emulator.internal.expr.TestValues.bs;
import static dev.ddbkit.emulator.internal.expr.TestValues.item;
import static dev.ddbkit.emulator.internal.expr.TestValues.l;
import static dev.ddbkit.emulator.internal.expr.TestValues.m;
import static dev.ddbkit.emulator.internal.expr.TestValues.n;
import static dev.ddbkit.emulator.internal.expr.TestValues.ns;
import static dev.ddbkit.emulator.internal.expr.TestValues.s;
import static dev.ddbkit.emulator.internal.expr.TestValues.ss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.emulator.internal.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpdateTest {
  private static final Map<String, Value> ITEM = item(
      "pk", s("p1"),
      "n", n("5"),
      "s", s("hello"),
      "tags", ss("red", "blue"),
      "nums", ns("1", "2"),
      "bins", bs(b(1), b(2)),
      "lst", l(s("a"), s("b"), s("c"), s("d")),
      "doc", m("a", m("b", n("7")), "s", s("x"), "l", l(n("1"), n("2"))));

  private static ExpressionContext context() {
    return TestValues.context(Map.of("#name", "name", "#n", "n", "#dot", "a.b"),
        ":one", n("1"), ":zero", n("0"), ":x", s("x"), ":y", s("y"), ":more", l(s("e"), s("f")),
        ":red", ss("red"), ":green", ss("green"), ":all", ss("red", "blue"), ":n1", ns("1"), ":n3", ns("3"),
        ":b1", bs(b(1)), ":b9", bs(b(9)), ":big", n("9E+125"),
        ":precise", n("0.00000000000000000000000000000000000001"), ":m", m("k", s("v")), ":lst", l(n("1")));
  }

  private static Map<String, Value> apply(String expression) {
    return Expressions.update(expression, context()).apply(ITEM);
  }

  private static Map<String, Value> with(Object... changes) {
    Map<String, Value> expected = new java.util.LinkedHashMap<>(ITEM);
    for (int i = 0; i < changes.length; i += 2) {
      if (changes[i + 1] == null) {
        expected.remove((String) changes[i]);
      } else {
        expected.put((String) changes[i], (Value) changes[i + 1]);
      }
    }
    return expected;
  }

  @Test
  void set_topLevelAttributes_createOrReplace() {
    assertThat(apply("SET s = :x, fresh = :y, #name = :one"))
        .isEqualTo(with("s", s("x"), "fresh", s("y"), "name", n("1")));
    assertThat(apply("set #dot = :x")).isEqualTo(with("a.b", s("x")));
  }

  @Test
  void set_onAbsentItem_createsTheAttributes() {
    assertThat(Expressions.update("SET a = :x, b = if_not_exists(b, :zero) + :one", context()).apply(Map.of()))
        .isEqualTo(item("a", s("x"), "b", n("1")));
  }

  @Test
  void set_arithmetic() {
    assertThat(apply("SET n = n + :one")).isEqualTo(with("n", n("6")));
    assertThat(apply("SET n = n - :one")).isEqualTo(with("n", n("4")));
    assertThat(apply("SET n = :one - n")).isEqualTo(with("n", n("-4")));
    assertThat(apply("SET c = if_not_exists(c, :zero) + :one")).isEqualTo(with("c", n("1")));
    assertThat(apply("SET n = if_not_exists(n, :zero) + :one")).isEqualTo(with("n", n("6")));
    assertThat(apply("SET doc.a.b = doc.a.b + doc.l[1]"))
        .isEqualTo(with("doc", m("a", m("b", n("9")), "s", s("x"), "l", l(n("1"), n("2")))));
  }

  @Test
  void set_parenthesisedValuesAndOperands() {
    assertThat(apply("SET n = (n + :one)")).isEqualTo(with("n", n("6")));
    assertThat(apply("SET n = (n) - (:one), s = (:x)")).isEqualTo(with("n", n("4"), "s", s("x")));
    assertThat(apply("SET lst = list_append((lst), :more) REMOVE s"))
        .isEqualTo(with("lst", l(s("a"), s("b"), s("c"), s("d"), s("e"), s("f")), "s", null));
  }

  @Test
  void errorPrecedence_followsDynamoDb() {
    assertValidation(() -> apply("SET a = foo(b) REMOVE name"),
        "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name");
    assertValidation(() -> apply("SET a = :x SET b = foo(c)"),
        "Invalid UpdateExpression: Invalid function name; function: foo");
    assertValidation(() -> apply("ADD n :x SET n = :x"), "Invalid UpdateExpression: Two document paths overlap"
        + " with each other; must remove or rewrite one of these paths; path one: [n], path two: [n]");
    assertValidation(() -> apply("ADD n :x SET a = :x + :one"), "Invalid UpdateExpression: Incorrect operand type"
        + " for operator or function; operator: ADD, operand type: STRING");
  }

  @Test
  void set_operandsAreReadFromTheItemBeforeTheUpdate() {
    assertThat(apply("SET s = n, n = s")).isEqualTo(with("s", n("5"), "n", s("hello")));
  }

  @Test
  void set_functions() {
    assertThat(apply("SET lst = list_append(lst, :more)"))
        .isEqualTo(with("lst", l(s("a"), s("b"), s("c"), s("d"), s("e"), s("f"))));
    assertThat(apply("SET lst = list_append(:more, lst)"))
        .isEqualTo(with("lst", l(s("e"), s("f"), s("a"), s("b"), s("c"), s("d"))));
    assertThat(apply("SET fresh = list_append(if_not_exists(fresh, :lst), :more)"))
        .isEqualTo(with("fresh", l(n("1"), s("e"), s("f"))));
    assertThat(apply("SET s = if_not_exists(s, :x), t = if_not_exists(t, s)"))
        .isEqualTo(with("t", s("hello")));
  }

  @Test
  void set_nestedPaths() {
    assertThat(apply("SET doc.a.c = :x, doc.s = :y"))
        .isEqualTo(with("doc", m("a", m("b", n("7"), "c", s("x")), "s", s("y"), "l", l(n("1"), n("2")))));
    assertThat(apply("SET lst[1] = :x")).isEqualTo(with("lst", l(s("a"), s("x"), s("c"), s("d"))));
    assertThat(apply("SET doc.l[0] = :m"))
        .isEqualTo(with("doc", m("a", m("b", n("7")), "s", s("x"), "l", l(m("k", s("v")), n("2")))));
  }

  @Test
  void set_listIndexPastTheEnd_appends() {
    assertThat(apply("SET lst[10] = :x")).isEqualTo(with("lst", l(s("a"), s("b"), s("c"), s("d"), s("x"))));
    assertThat(apply("SET lst[10] = :x, lst[20] = :y"))
        .isEqualTo(with("lst", l(s("a"), s("b"), s("c"), s("d"), s("x"), s("y"))));
  }

  @Test
  void remove_attributesMapKeysAndListElements() {
    assertThat(apply("REMOVE s, doc.a.b, ghost"))
        .isEqualTo(with("s", null, "doc", m("a", m(), "s", s("x"), "l", l(n("1"), n("2")))));
    assertThat(apply("REMOVE lst[1]")).isEqualTo(with("lst", l(s("a"), s("c"), s("d"))));
    assertThat(apply("REMOVE lst[0], lst[2]")).isEqualTo(with("lst", l(s("b"), s("d"))));
    assertThat(apply("REMOVE lst[2], lst[0], lst[3]")).isEqualTo(with("lst", l(s("b"))));
    assertThat(apply("REMOVE lst[9], doc.ghost")).isEqualTo(ITEM);
  }

  @Test
  void add_numbersAndSets() {
    assertThat(apply("ADD n :one")).isEqualTo(with("n", n("6")));
    assertThat(apply("ADD visits :one")).isEqualTo(with("visits", n("1")));
    assertThat(apply("ADD tags :green")).isEqualTo(with("tags", ss("red", "blue", "green")));
    assertThat(apply("ADD tags :red")).isEqualTo(ITEM);
    assertThat(apply("ADD nums :n3, bins :b9, fresh :green"))
        .isEqualTo(with("nums", ns("1", "2", "3"), "bins", bs(b(1), b(2), b(9)), "fresh", ss("green")));
    assertThat(apply("ADD doc.a.b :one"))
        .isEqualTo(with("doc", m("a", m("b", n("8")), "s", s("x"), "l", l(n("1"), n("2")))));
  }

  @Test
  void delete_setElements_andTheLastOneRemovesTheAttribute() {
    assertThat(apply("DELETE tags :red")).isEqualTo(with("tags", ss("blue")));
    assertThat(apply("DELETE tags :green")).isEqualTo(ITEM);
    assertThat(apply("DELETE tags :all")).isEqualTo(with("tags", null));
    assertThat(apply("DELETE nums :n1, bins :b1")).isEqualTo(with("nums", ns("2"), "bins", bs(b(2))));
    assertThat(apply("DELETE ghost :red")).isEqualTo(ITEM);
  }

  @Test
  void update_allClausesTogether_inAnyOrderAndCase() {
    assertThat(apply("delete tags :red add n :one remove s SET fresh = :x"))
        .isEqualTo(with("tags", ss("blue"), "n", n("6"), "s", null, "fresh", s("x")));
  }

  @Test
  void apply_leavesTheGivenItemUntouched() {
    Map<String, Value> original = new java.util.LinkedHashMap<>(ITEM);
    Expressions.update("SET doc.a.b = :one REMOVE lst[0]", context()).apply(original);
    assertThat(original).isEqualTo(ITEM);
  }

  @Test
  void paths_inExpressionOrder() {
    Update update = Expressions.update("REMOVE s SET doc.l[1] = :x, #n = :one ADD c :one", context());
    assertThat(update.paths()).containsExactly(Path.of("s"), new Path(List.of("doc", "l", 1)), Path.of("n"),
        Path.of("c"));
  }

  @Test
  void runtimeTypeErrors() {
    String incorrect = "An operand in the update expression has an incorrect data type";
    assertValidation(() -> apply("SET n = s + :one"), incorrect);
    assertValidation(() -> apply("SET n = :one - tags"), incorrect);
    assertValidation(() -> apply("SET lst = list_append(lst, s)"), incorrect);
    assertValidation(() -> apply("ADD s :one"), incorrect);
    assertValidation(() -> apply("ADD tags :n1"), incorrect);
    assertValidation(() -> apply("ADD n :red"), incorrect);
    assertValidation(() -> apply("DELETE nums :red"), incorrect);
    assertValidation(() -> apply("DELETE s :red"), incorrect);
  }

  @Test
  void missingAttributeRead() {
    String missing = "The provided expression refers to an attribute that does not exist in the item";
    assertValidation(() -> apply("SET a = ghost"), missing);
    assertValidation(() -> apply("SET n = ghost + :one"), missing);
    assertValidation(() -> apply("SET lst = list_append(ghost, :more)"), missing);
    assertValidation(() -> apply("SET a = doc.a.ghost"), missing);
  }

  @Test
  void invalidDocumentPaths() {
    String invalid = "The document path provided in the update expression is invalid for update";
    assertValidation(() -> apply("SET ghost.a = :x"), invalid);
    assertValidation(() -> apply("SET s.a = :x"), invalid);
    assertValidation(() -> apply("SET doc[0] = :x"), invalid);
    assertValidation(() -> apply("SET lst.a = :x"), invalid);
    assertValidation(() -> apply("SET lst[9].a = :x"), invalid);
    assertValidation(() -> apply("SET doc.ghost.a = :x"), invalid);
    assertValidation(() -> apply("REMOVE ghost.a"), invalid);
    assertValidation(() -> apply("ADD ghost.a :one"), invalid);
  }

  @Test
  void numberLimits() {
    assertValidation(() -> apply("SET n = :big + :big"),
        "Number overflow. Attempting to store a number with magnitude larger than supported range");
    assertValidation(() -> apply("ADD n :precise"),
        "Attempting to store more than 38 significant digits in a Number");
  }

  @Test
  void staticOperandTypeErrors() {
    assertValidation(() -> apply("SET n = :x + :one"), "Invalid UpdateExpression: Incorrect operand type for"
        + " operator or function; operator or function: +, operand type: S");
    assertValidation(() -> apply("SET n = n - :red"), "Invalid UpdateExpression: Incorrect operand type for"
        + " operator or function; operator or function: -, operand type: SS");
    assertValidation(() -> apply("SET lst = list_append(lst, :x)"), "Invalid UpdateExpression: Incorrect operand"
        + " type for operator or function; operator or function: list_append, operand type: S");
    assertValidation(() -> apply("ADD n :x"), "Invalid UpdateExpression: Incorrect operand type for operator or"
        + " function; operator: ADD, operand type: STRING");
    assertValidation(() -> apply("ADD n :lst"), "Invalid UpdateExpression: Incorrect operand type for operator or"
        + " function; operator: ADD, operand type: LIST");
    assertValidation(() -> apply("DELETE tags :one"), "Invalid UpdateExpression: Incorrect operand type for"
        + " operator or function; operator: DELETE, operand type: NUMBER");
    assertValidation(() -> apply("DELETE tags :m"), "Invalid UpdateExpression: Incorrect operand type for"
        + " operator or function; operator: DELETE, operand type: MAP");
    assertValidation(() -> apply("SET n = if_not_exists(:one, :one)"), "Invalid UpdateExpression: Operator or"
        + " function requires a document path; operator or function: if_not_exists");
    assertValidation(() -> apply("SET n = if_not_exists(n)"), "Invalid UpdateExpression: Incorrect number of"
        + " operands for operator or function; operator or function: if_not_exists, number of operands: 1");
  }

  @Test
  void functionNames() {
    assertValidation(() -> apply("SET n = size(s)"),
        "Invalid UpdateExpression: Invalid function name; function: size");
    assertValidation(() -> apply("SET n = attribute_exists(s)"),
        "Invalid UpdateExpression: Invalid function name; function: attribute_exists");
    assertValidation(() -> apply("SET n = foo(s)"), "Invalid UpdateExpression: Invalid function name; function:"
        + " foo");
  }

  @Test
  void clauseUsedTwice() {
    assertValidation(() -> apply("SET a = :x SET b = :y"),
        "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
    assertValidation(() -> apply("REMOVE a remove b"),
        "Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update expression;");
  }

  @Test
  void overlappingAndConflictingPaths() {
    assertValidation(() -> apply("SET a = :x REMOVE a"), "Invalid UpdateExpression: Two document paths overlap"
        + " with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]");
    assertValidation(() -> apply("SET a = :x, a.b = :y"), "Invalid UpdateExpression: Two document paths overlap"
        + " with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]");
    assertValidation(() -> apply("SET doc.l[1].x = :x ADD doc.l[1] :one"), "Invalid UpdateExpression: Two"
        + " document paths overlap with each other; must remove or rewrite one of these paths; path one:"
        + " [doc, l, [1], x], path two: [doc, l, [1]]");
    assertValidation(() -> apply("SET a.b = :x, a[1] = :y"), "Invalid UpdateExpression: Two document paths"
        + " conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two:"
        + " [a, [1]]");
    assertValidation(() -> apply("SET #n = :x REMOVE n"), "Invalid UpdateExpression: Two document paths overlap"
        + " with each other; must remove or rewrite one of these paths; path one: [n], path two: [n]");
    assertThat(apply("SET doc.a.x = :x, doc.s = :y REMOVE doc.l[0], lst[1]")).isNotEqualTo(ITEM);
  }

  @Test
  void reservedWordsAndPlaceholders() {
    assertValidation(() -> apply("SET name = :x"),
        "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name");
    assertValidation(() -> apply("REMOVE doc.data"),
        "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: data");
    assertValidation(() -> apply("SET #ghost = :x"), "Invalid UpdateExpression: An expression attribute name used"
        + " in the document path is not defined; attribute name: #ghost");
    assertValidation(() -> apply("SET a = :ghost"), "Invalid UpdateExpression: An expression attribute value used"
        + " in expression is not defined; attribute value: :ghost");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a = :x             | a        | a =
      SET a :x           | :x       | a :x
      SET                | <EOF>    | SET
      SET a = :x,        | <EOF>    | ,
      REMOVE a,          | <EOF>    | ,
      ADD a              | <EOF>    | a
      ADD a b            | b        | a b
      DELETE a = :x      | =        | a = :x
      SET a = :x + :y + :x | +      | :y + :x
      SET a = :x REMOVE  | <EOF>    | REMOVE
      SET a = (((:x)))   | (        | ((:x
      SET a = (:x        | <EOF>    | :x
      UPSERT a = :x      | UPSERT   | UPSERT a
      """)
  void syntaxErrors(String expression, String token, String near) {
    assertValidation(() -> apply(expression),
        "Invalid UpdateExpression: Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
  }

  @Test
  void emptyAndOversizedExpressions() {
    assertValidation(() -> apply(""), "Invalid UpdateExpression: The expression can not be empty;");
    String big = "SET " + "a = :x, ".repeat(600) + "a = :x";
    assertValidation(() -> apply(big), "Invalid UpdateExpression: Expression size has exceeded the maximum allowed"
        + " size; expression size: " + big.length());
  }
}
