package dev.ddbkit.emulator.internal.expr;

import static dev.ddbkit.emulator.internal.expr.TestValues.assertValidation;
import static dev.ddbkit.emulator.internal.expr.TestValues.b;
import static dev.ddbkit.emulator.internal.expr.TestValues.n;
import static dev.ddbkit.emulator.internal.expr.TestValues.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.emulator.internal.expr.KeyCondition.SortCondition;
import dev.ddbkit.emulator.internal.expr.KeyCondition.SortCondition.Op;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyConditionTest {

  private static ExpressionContext context() {
    return TestValues.context(Map.of("#pk", "pk", "#sk", "sk", "#date", "date"),
        ":p", s("p1"), ":a", s("a"), ":c", s("c"), ":one", n("1"), ":two", n("2"), ":b", b(1));
  }

  private static KeyCondition parse(String expression) {
    return Expressions.keyCondition(expression, context(), "pk", Optional.of("sk"));
  }

  @Test
  void partitionKeyOnly() {
    assertThat(parse("pk = :p")).isEqualTo(new KeyCondition("pk", s("p1"), Optional.empty()));
    assertThat(parse("#pk = :p")).isEqualTo(new KeyCondition("pk", s("p1"), Optional.empty()));
    assertThat(parse(":p = pk")).isEqualTo(new KeyCondition("pk", s("p1"), Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      pk = :p AND sk = :a                 | EQ
      pk = :p AND sk < :a                 | LT
      pk = :p AND sk <= :a                | LE
      pk = :p AND sk > :a                 | GT
      pk = :p AND #sk >= :a               | GE
      pk = :p AND :a > sk                 | LT
      pk = :p AND :a <= sk                | GE
      pk = :p AND begins_with(sk, :a)     | BEGINS_WITH
      sk = :a AND pk = :p                 | EQ
      (pk = :p) AND (sk > :a)             | GT
      """)
  void sortConditions(String expression, Op op) {
    KeyCondition key = parse(expression);
    assertThat(key.partitionKey()).isEqualTo("pk");
    assertThat(key.partitionValue()).isEqualTo(s("p1"));
    assertThat(key.sort()).contains(new SortCondition("sk", op, s("a"), Optional.empty()));
  }

  @Test
  void between() {
    assertThat(parse("pk = :p AND sk BETWEEN :a AND :c").sort())
        .contains(new SortCondition("sk", Op.BETWEEN, s("a"), Optional.of(s("c"))));
  }

  @Test
  void twoArgumentParse_takesTheFirstEqualityAsPartitionKey() {
    KeyCondition key = Expressions.keyCondition("sk > :a AND pk = :p", context());
    assertThat(key.partitionKey()).isEqualTo("pk");
    key.validateAgainst("pk", Optional.of("sk"));
    assertValidation(() -> key.validateAgainst("extra", Optional.of("sk")),
        "Query condition missed key schema element: extra");
    assertValidation(() -> key.validateAgainst("pk", Optional.empty()), "Query key condition not supported");
    assertValidation(() -> key.validateAgainst("pk", Optional.of("extra")),
        "Query condition missed key schema element: extra");
  }

  @Test
  void matches() {
    assertThat(new SortCondition("sk", Op.EQ, s("b"), Optional.empty()).matches(s("b"))).isTrue();
    assertThat(new SortCondition("sk", Op.EQ, s("b"), Optional.empty()).matches(s("c"))).isFalse();
    assertThat(new SortCondition("sk", Op.LT, s("b"), Optional.empty()).matches(s("a"))).isTrue();
    assertThat(new SortCondition("sk", Op.LT, s("b"), Optional.empty()).matches(s("b"))).isFalse();
    assertThat(new SortCondition("sk", Op.LE, s("b"), Optional.empty()).matches(s("b"))).isTrue();
    assertThat(new SortCondition("sk", Op.GT, n("10"), Optional.empty()).matches(n("9"))).isFalse();
    assertThat(new SortCondition("sk", Op.GT, n("9"), Optional.empty()).matches(n("10"))).isTrue();
    assertThat(new SortCondition("sk", Op.GE, n("10"), Optional.empty()).matches(n("10.0"))).isTrue();
    assertThat(new SortCondition("sk", Op.BETWEEN, n("1"), Optional.of(n("3"))).matches(n("3"))).isTrue();
    assertThat(new SortCondition("sk", Op.BETWEEN, n("1"), Optional.of(n("3"))).matches(n("0"))).isFalse();
    assertThat(new SortCondition("sk", Op.BETWEEN, n("1"), Optional.of(n("3"))).matches(n("4"))).isFalse();
    assertThat(new SortCondition("sk", Op.BEGINS_WITH, s("ab"), Optional.empty()).matches(s("abc"))).isTrue();
    assertThat(new SortCondition("sk", Op.BEGINS_WITH, s("ab"), Optional.empty()).matches(s("b"))).isFalse();
    assertThat(new SortCondition("sk", Op.BEGINS_WITH, b(1), Optional.empty()).matches(b(1, 2))).isTrue();
    assertThat(new SortCondition("sk", Op.EQ, s("1"), Optional.empty()).matches(n("1"))).isFalse();
    assertThat(new SortCondition("sk", Op.LT, b(0x80), Optional.empty()).matches(b(0x7f))).isTrue();
    assertThat(new SortCondition("sk", Op.LT, s("\uFFFF"), Optional.empty()).matches(s("\uD83D\uDE00")))
        .isFalse();
  }

  @Test
  void schemaErrors() {
    assertValidation(() -> parse("sk = :a"), "Query condition missed key schema element: pk");
    assertValidation(() -> parse("extra = :a"), "Query condition missed key schema element: pk");
    assertValidation(() -> parse("pk > :a"), "Query key condition not supported");
    assertValidation(() -> parse("pk = :p AND extra > :a"), "Query condition missed key schema element: sk");
    assertValidation(() -> Expressions.keyCondition("pk = :p AND sk > :a", context(), "pk", Optional.empty()),
        "Query key condition not supported");
    assertValidation(() -> Expressions.keyCondition("sk > :a", context()), "Query key condition not supported");
  }

  @Test
  void grammarErrors() {
    assertValidation(() -> parse("pk = :p OR sk = :a"), "Invalid operator used in KeyConditionExpression: OR");
    assertValidation(() -> parse("pk = :p AND sk > :a OR sk < :c"),
        "Invalid operator used in KeyConditionExpression: OR");
    assertValidation(() -> parse("NOT pk = :p"), "Invalid operator used in KeyConditionExpression: NOT");
    assertValidation(() -> parse("pk IN (:p)"), "Invalid operator used in KeyConditionExpression: IN");
    assertValidation(() -> parse("pk <> :p"), "Invalid operator used in KeyConditionExpression: <>");
    assertValidation(() -> parse("pk = :p AND contains(sk, :a)"),
        "Invalid operator used in KeyConditionExpression: contains");
    assertValidation(() -> parse("pk = :p AND attribute_exists(sk)"),
        "Invalid operator used in KeyConditionExpression: attribute_exists");
    assertValidation(() -> parse("pk = :p AND size(sk) > :one"),
        "KeyConditionExpressions cannot contain nested operations");
    assertValidation(() -> parse("pk = :p AND sk BETWEEN size(sk) AND :c"),
        "KeyConditionExpressions cannot contain nested operations");
    assertValidation(() -> parse("pk = sk"),
        "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
    assertValidation(() -> parse("pk = :p AND sk BETWEEN :a AND pk"),
        "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
    assertValidation(() -> parse("pk = :p AND begins_with(sk, pk)"),
        "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
    assertValidation(() -> parse("pk = :p AND :a < :c"),
        "Invalid condition in KeyConditionExpression: No key attribute specified");
    assertValidation(() -> parse("pk = :p AND :a BETWEEN sk AND :c"),
        "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first"
            + " operand");
    assertValidation(() -> parse("pk = :p AND begins_with(:a, sk)"),
        "Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its"
            + " first operand");
    assertValidation(() -> parse("pk = :p AND sk = :a AND sk = :c"),
        "KeyConditionExpressions must only contain one condition per key");
    assertValidation(() -> parse("pk = :p AND pk = :p"),
        "KeyConditionExpressions must only contain one condition per key");
    assertValidation(() -> parse("pk = :p AND sk = :a AND extra = :c"), "Query key condition not supported");
    assertValidation(() -> parse("pk.a = :p"), "KeyConditionExpressions cannot have conditions on nested attributes");
    assertValidation(() -> parse("pk[0] = :p"), "KeyConditionExpressions cannot have conditions on nested attributes");
    assertValidation(() -> parse(":p = pk.a"), "KeyConditionExpressions cannot have conditions on nested attributes");
    assertValidation(() -> parse("pk = :p AND begins_with(sk, :one)"), "Invalid KeyConditionExpression:"
        + " Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
    assertValidation(() -> parse("pk = :p AND sk BETWEEN :c AND :a"), "Invalid KeyConditionExpression: The"
        + " BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound"
        + " operand: AttributeValue: {S:c}, upper bound operand: AttributeValue: {S:a}");
    assertValidation(() -> parse("pk = :p AND sk BETWEEN :one AND :a"), "Invalid KeyConditionExpression: The"
        + " BETWEEN operator requires same data type for lower and upper bounds; lower bound operand:"
        + " AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}");
    assertValidation(() -> parse("attribute_type(pk, :one)"), "Invalid KeyConditionExpression: Incorrect operand"
        + " type for operator or function; operator or function: attribute_type, operand type: N");
    assertValidation(() -> parse("attribute_type(pk, :a)"), "Invalid KeyConditionExpression: Invalid attribute"
        + " type name found; type: a, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
    assertValidation(() -> parse("date = :p"),
        "Invalid KeyConditionExpression: Attribute name is a reserved keyword; reserved keyword: date");
    assertValidation(() -> parse("pk = :ghost"), "Invalid KeyConditionExpression: An expression attribute value"
        + " used in expression is not defined; attribute value: :ghost");
    assertValidation(() -> parse("pk = :p AND"),
        "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"");
    assertValidation(() -> parse(""), "Invalid KeyConditionExpression: The expression can not be empty;");
  }
}
