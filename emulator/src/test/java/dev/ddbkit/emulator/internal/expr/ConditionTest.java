package dev.ddbkit.emulator.internal.expr;

import static dev.ddbkit.emulator.internal.expr.TestValues.assertValidation;
import static dev.ddbkit.emulator.internal.expr.TestValues.b;
import static dev.ddbkit.emulator.internal.expr.TestValues.bool;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionTest {
  private static final Map<String, Value> ITEM = item(
      "pk", s("p1"),
      "n", n("5"),
      "s", s("hello"),
      "bin", b(1, 2, 3),
      "flag", bool(true),
      "nul", Value.NULL,
      "tags", ss("red", "blue"),
      "nums", ns("1", "2"),
      "bins", bs(b(1), b(2)),
      "lst", l(s("a"), n("1"), m("x", n("1"))),
      "doc", m("a", m("b", n("7")), "s", s("x")),
      "odd name", s("spaces"));

  private static final Map<String, String> NAMES = Map.of("#n", "n", "#doc", "doc", "#odd", "odd name",
      "#status", "status", "#dotted", "doc.a");

  private static ExpressionContext context() {
    return TestValues.context(NAMES,
        ":four", n("4"), ":five", n("5"), ":six", n("6"), ":five0", n("5.00"), ":seven", n("7"),
        ":one", n("1"), ":three", n("3"), ":str5", s("5"), ":hello", s("hello"), ":he", s("he"),
        ":ell", s("ell"), ":a", s("a"), ":x", s("x"), ":red", s("red"), ":green", s("green"), ":b1", b(1),
        ":b12", b(1, 2), ":b23", b(2, 3), ":true", bool(true), ":false", bool(false), ":null", Value.NULL,
        ":S", s("S"), ":N", s("N"), ":SS", s("SS"), ":NULL", s("NULL"), ":BOOL", s("BOOL"), ":M", s("M"),
        ":L", s("L"), ":B", s("B"), ":NS", s("NS"), ":BS", s("BS"), ":tags", ss("blue", "red"),
        ":list", l(s("a"), n("1"), m("x", n("1"))), ":x1", m("x", n("1")), ":spaces", s("spaces"),
        ":abc", s("abc"), ":z", s("z"));
  }

  private static boolean eval(String expression) {
    return Expressions.condition(expression, context()).test(ITEM);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      n = :five                         | true
      n = :five0                        | true
      n = :six                          | false
      n <> :six                         | true
      n <> :five                        | false
      n < :six                          | true
      n <= :five                        | true
      n > :four                         | true
      n >= :six                         | false
      :six > n                          | true
      n = :str5                         | false
      n <> :str5                        | true
      n < :str5                         | false
      n > :str5                         | false
      ghost = :five                   | false
      ghost <> :five                  | true
      ghost < :five                   | false
      s = :hello                        | true
      s > :he                           | true
      s < :abc                          | false
      bin > :b12                        | true
      bin < :b23                        | true
      flag = :true                      | true
      flag <> :false                    | true
      flag < :true                      | false
      nul = :null                       | true
      tags = :tags                      | true
      tags > :tags                      | false
      lst = :list                      | true
      lst[2] = :x1                     | true
      lst[2].x = :one                  | true
      lst[9] = :one                    | false
      doc.a.b = :seven                  | true
      #doc.a.b >= :seven                | true
      doc.s = :x                        | true
      doc.a.b.c = :seven                | false
      doc[0] = :seven                   | false
      lst.a = :a                        | false
      #dotted = :x1                     | false
      #odd = :spaces                    | true
      (n) = :five                       | true
      size(s) = (:five)                 | true
      n IN ((:one), :five)              | true
      (n) BETWEEN (:four) AND :six      | true
      NOT (n = :five)                   | false
      n BETWEEN :four AND :six          | true
      n between :five AND :five         | true
      n BETWEEN :six AND :seven         | false
      s BETWEEN :he AND :z              | true
      n IN (:one, :five)                | true
      n in (:one, :three)               | false
      s IN (:str5, :hello)              | true
      ghost IN (:one)                 | false
      attribute_exists(n)               | true
      attribute_exists(doc.a.b)         | true
      attribute_exists(lst[1])         | true
      attribute_exists(lst[3])         | false
      attribute_exists(#status)         | false
      attribute_not_exists(ghost)     | true
      attribute_not_exists(pk)          | false
      attribute_type(n, :N)             | true
      attribute_type(s, :S)             | true
      attribute_type(tags, :SS)         | true
      attribute_type(nul, :NULL)        | true
      attribute_type(flag, :BOOL)       | true
      attribute_type(doc, :M)           | true
      attribute_type(lst, :L)          | true
      attribute_type(bin, :B)           | true
      attribute_type(nums, :NS)         | true
      attribute_type(bins, :BS)         | true
      attribute_type(n, :S)             | false
      attribute_type(ghost, :S)       | false
      begins_with(s, :he)               | true
      begins_with(s, :ell)              | false
      begins_with(bin, :b12)            | true
      begins_with(bin, :b23)            | false
      begins_with(s, :b12)              | false
      begins_with(n, :he)               | false
      begins_with(ghost, :he)         | false
      contains(s, :ell)                 | true
      contains(s, :x)                   | false
      contains(bin, :b23)               | true
      contains(tags, :red)              | true
      contains(tags, :green)            | false
      contains(nums, :one)              | true
      contains(nums, :five)             | false
      contains(bins, :b1)               | true
      contains(lst, :a)                | true
      contains(lst, :one)              | true
      contains(lst, :x1)               | true
      contains(lst, :hello)            | false
      contains(n, :five)                | false
      contains(ghost, :a)             | false
      contains(s, doc.s)                | false
      size(s) = :five                   | true
      size(bin) = :three                | true
      size(tags) < :three               | true
      size(lst) = :three               | true
      size(doc) > :one                  | true
      size(doc.a) = :one                | true
      size(n) = :one                    | false
      size(ghost) = :one              | false
      size(s) = size(lst)               | false
      size(s) BETWEEN :four AND :six    | true
      size(tags) IN (:one, :five)       | false
      NOT n = :five                     | false
      not attribute_exists(ghost)     | true
      n = :five AND s = :hello          | true
      n = :five and s = :he             | false
      n = :six OR s = :hello            | true
      n = :six or s = :he               | false
      (n = :five)                       | true
      ((n = :five) AND (s = :hello))    | true
      """)
  void test_expressionAgainstItem(String expression, boolean expected) {
    assertThat(eval(expression)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      n = :five OR s = :he AND s = :x          | true
      (n = :five OR s = :he) AND s = :x        | false
      s = :x AND s = :he OR n = :five          | true
      s = :x AND (s = :he OR n = :five)        | false
      NOT n = :six AND n = :six                | false
      NOT (n = :six AND n = :six)              | true
      NOT n = :five OR n = :five               | true
      NOT (n = :five OR n = :five)             | false
      n = :six OR n = :six OR n = :five        | true
      n = :five AND n = :five AND n = :six     | false
      """)
  void test_precedence_notBindsTighterThanAnd_andTighterThanOr(String expression, boolean expected) {
    assertThat(eval(expression)).isEqualTo(expected);
  }

  @Test
  void test_absentItem_isTheEmptyMap() {
    assertThat(Expressions.condition("attribute_not_exists(pk)", context()).test(Map.of())).isTrue();
    assertThat(Expressions.condition("pk <> :a", context()).test(Map.of())).isTrue();
    assertThat(Expressions.condition("pk = :a", context()).test(Map.of())).isFalse();
  }

  @Test
  void condition_reservedWordWithoutPlaceholder_isRejected() {
    assertValidation(() -> Expressions.condition("status = :a", context()),
        "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status");
    assertValidation(() -> Expressions.condition("doc.Name = :a", context()),
        "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Name");
    assertValidation(() -> Expressions.condition("attribute_exists(ttl)", context()),
        "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: ttl");
    assertValidation(() -> Expressions.condition("size = :a", context()),
        "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: size");
  }

  @Test
  void condition_reservedWordsInTheTestItem_wouldBeRejected() {
    assertValidation(() -> Expressions.condition("attribute_exists(map)", context()),
        "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: map");
  }

  @Test
  void condition_kindNamesTheParameterInMessages() {
    assertValidation(() -> Expressions.condition("count > :a", context(), ExpressionKind.FILTER),
        "Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: count");
  }

  @Test
  void condition_undefinedPlaceholders_areRejected() {
    assertValidation(() -> Expressions.condition("#x = :a", context()),
        "Invalid ConditionExpression: An expression attribute name used in the document path is not defined;"
            + " attribute name: #x");
    assertValidation(() -> Expressions.condition("a.#x = :a", context()),
        "Invalid ConditionExpression: An expression attribute name used in the document path is not defined;"
            + " attribute name: #x");
    assertValidation(() -> Expressions.condition("a = :undefined", context()),
        "Invalid ConditionExpression: An expression attribute value used in expression is not defined;"
            + " attribute value: :undefined");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      a = = :a             | =       | = = :a
      a =                  | <EOF>   | =
      a = :a AND           | <EOF>   | AND
      a :a                 | :a      | a :a
      (a = :a              | <EOF>   | :a
      a = :a)              | )       | :a)
      a = :a b = :a        | b       | :a b =
      a BETWEEN :a         | <EOF>   | :a
      a BETWEEN :a OR :b   | OR      | :a OR :b
      a IN :a              | :a      | IN :a
      a IN ()              | )       | ()
      a $ :a               | $       | a $ :a
      a = #                | #       | = #
      a.[0] = :a           | [       | .[0
      a[x] = :a            | x       | [x]
      a[-1] = :a           | -       | [-1
      a = :a AND AND b     | AND     | AND AND b
      and = :a             | and     | and =
      NOT NOT a = :a       | NOT     | NOT NOT a
      1a = :a              | 1a      | 1a =
      a = f()              | )       | ()
      a = in               | in      | = in
      """)
  void condition_syntaxErrors_nameTheTokenAndItsSurroundings(String expression, String token, String near) {
    assertValidation(() -> Expressions.condition(expression, context()),
        "Invalid ConditionExpression: Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
  }

  @Test
  void condition_functionErrors() {
    assertValidation(() -> Expressions.condition("foo(a)", context()),
        "Invalid ConditionExpression: Invalid function name; function: foo");
    assertValidation(() -> Expressions.condition("Attribute_Exists(a)", context()),
        "Invalid ConditionExpression: Invalid function name; function: Attribute_Exists");
    assertValidation(() -> Expressions.condition("if_not_exists(a, :a) = :a", context()),
        "Invalid ConditionExpression: Invalid function name; function: if_not_exists");
    assertValidation(() -> Expressions.condition("attribute_exists(a, b)", context()),
        "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or"
            + " function: attribute_exists, number of operands: 2");
    assertValidation(() -> Expressions.condition("attribute_exists(:a)", context()),
        "Invalid ConditionExpression: Operator or function requires a document path; operator or function:"
            + " attribute_exists");
    assertValidation(() -> Expressions.condition("begins_with(a, :one)", context()),
        "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function:"
            + " begins_with, operand type: N");
    assertValidation(() -> Expressions.condition("attribute_type(a, :one)", context()),
        "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function:"
            + " attribute_type, operand type: N");
    assertValidation(() -> Expressions.condition("attribute_type(a, :x)", context()),
        "Invalid ConditionExpression: Invalid attribute type name found; type: x, valid types:"
            + " {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
    assertValidation(() -> Expressions.condition("size(a)", context()),
        "Invalid ConditionExpression: The function is not allowed to be used this way in an expression;"
            + " function: size");
    assertValidation(() -> Expressions.condition("attribute_exists(a) = :true", context()),
        "Invalid ConditionExpression: The function is not allowed to be used this way in an expression;"
            + " function: attribute_exists");
    assertValidation(() -> Expressions.condition("a = contains(b, :a)", context()),
        "Invalid ConditionExpression: The function is not allowed to be used this way in an expression;"
            + " function: contains");
  }

  @Test
  void condition_sameDocumentPathOnBothSides_isRejected() {
    assertValidation(() -> Expressions.condition("n = n", context()),
        "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this"
            + " operator or function; operator: =, first operand: [n]");
    assertValidation(() -> Expressions.condition("contains(#doc.a, doc.a)", context()),
        "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this"
            + " operator or function; operator: contains, first operand: [doc, a]");
    assertThat(Expressions.condition("doc.a <> doc.s", context()).test(ITEM)).isTrue();
  }

  @Test
  void condition_redundantParentheses_areRejected() {
    String redundant = "Invalid ConditionExpression: The expression has redundant parentheses;";
    assertValidation(() -> Expressions.condition("((n = :five))", context()), redundant);
    assertValidation(() -> Expressions.condition("s = :he OR ((n = :five))", context()), redundant);
    assertValidation(() -> Expressions.condition("((n)) = :five", context()), redundant);
    assertValidation(() -> Expressions.condition("((n = :five)) AND status = :a", context()), redundant);
    assertThat(eval("((n = :five) OR (s = :he)) AND (s = :hello)")).isTrue();
  }

  @Test
  void condition_errorPrecedence_followsDynamoDb() {
    assertValidation(() -> Expressions.condition("status = :a AND foo(n)", context()),
        "Invalid ConditionExpression: Invalid function name; function: foo");
    assertValidation(() -> Expressions.condition("status = :a AND attribute_exists(n) = :true", context()),
        "Invalid ConditionExpression: The function is not allowed to be used this way in an expression;"
            + " function: attribute_exists");
    assertValidation(() -> Expressions.condition("begins_with(n, :one) AND status = :a", context()),
        "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status");
    assertValidation(() -> Expressions.condition("begins_with(n, :one) AND #ghost = :a", context()),
        "Invalid ConditionExpression: An expression attribute name used in the document path is not defined;"
            + " attribute name: #ghost");
    assertValidation(() -> Expressions.condition("begins_with(n, :one) AND n = n", context()),
        "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this"
            + " operator or function; operator: =, first operand: [n]");
  }

  @Test
  void condition_sizeOfAConstantOfTheWrongType_isRejected() {
    assertValidation(() -> Expressions.condition("size(:one) > :one", context()),
        "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function:"
            + " size, operand type: N");
    assertThat(eval("size(:hello) = :five")).isTrue();
  }

  @Test
  void condition_betweenBoundsOfDifferentTypes_areRejected() {
    assertValidation(() -> Expressions.condition("n BETWEEN :one AND :str5", context()),
        "Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds;"
            + " lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:5}");
  }

  @Test
  void condition_betweenWithLowerAboveUpper_isRejected() {
    assertValidation(() -> Expressions.condition("n BETWEEN :six AND :five", context()),
        "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to"
            + " lower bound; lower bound operand: AttributeValue: {N:6}, upper bound operand: AttributeValue:"
            + " {N:5}");
  }

  @Test
  void condition_limits() {
    assertValidation(() -> Expressions.condition("", context()),
        "Invalid ConditionExpression: The expression can not be empty;");
    assertValidation(() -> Expressions.condition("  ", context()),
        "Invalid ConditionExpression: The expression can not be empty;");
    String big = "a = :a OR ".repeat(410) + "a = :a";
    assertValidation(() -> Expressions.condition(big, context()),
        "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: "
            + big.length());
    String operands = ":one, ".repeat(100) + ":one";
    assertValidation(() -> Expressions.condition("n IN (" + operands + ")", context()),
        "Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101");
    assertThat(Expressions.condition("n IN (" + ":one, ".repeat(99) + ":five)", context()).test(ITEM)).isTrue();
    String deep = "a" + ".b".repeat(32);
    assertValidation(() -> Expressions.condition("attribute_exists(" + deep + ")", context()),
        "Invalid ConditionExpression: The document path has too many nesting levels; nesting levels: 33");
    assertThat(Expressions.condition("attribute_exists(a" + ".b".repeat(31) + ")", context()).test(ITEM))
        .isFalse();
  }

  @Test
  void condition_marksOnlyUsedPlaceholders() {
    ExpressionContext ctx = TestValues.context(Map.of("#a", "a", "#b", "b"), ":a", s("x"), ":b", s("y"));
    Expressions.condition("#a = :a", ctx);
    assertValidation(ctx::checkAllUsed,
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}");
  }
}
