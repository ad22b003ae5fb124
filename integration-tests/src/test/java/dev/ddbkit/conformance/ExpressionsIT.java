package dev.ddbkit.conformance;

import static dev.ddbkit.conformance.Conformance.assertValidation;
import static dev.ddbkit.conformance.Conformance.b;
import static dev.ddbkit.conformance.Conformance.item;
import static dev.ddbkit.conformance.Conformance.n;
import static dev.ddbkit.conformance.Conformance.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.conformance.Conformance.Tables;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Condition and update expressions: operators, functions, document paths, and the errors they are rejected with. */
@DynamoDbLocalTest
class ExpressionsIT {
  private static final AtomicInteger IDS = new AtomicInteger();
  private static DynamoDbClient client;
  private static Tables tables;
  private static String table;

  /** The item every condition is evaluated against. */
  private static final Map<String, AttributeValue> SAMPLE = item(
      "n", n(5),
      "s", s("apple"),
      "l", AttributeValue.fromL(List.of(n(1), s("two"), AttributeValue.fromM(item("c", "x")))),
      "m", AttributeValue.fromM(item("b", AttributeValue.fromL(List.of(
          AttributeValue.fromM(item("c", n(1))), AttributeValue.fromM(item("c", n(2))))))),
      "ss", AttributeValue.fromSs(List.of("a", "b")),
      "ns", AttributeValue.fromNs(List.of("1", "2")),
      "bool", AttributeValue.fromBool(true),
      "nul", AttributeValue.fromNul(true),
      "bin", b(1, 2));

  /** Values the conditions refer to. */
  private static final Map<String, AttributeValue> VALUES = item(
      ":0", n(0), ":1", n(1), ":2", n(2), ":3", n(3), ":4", n(4), ":5", n(5), ":6", n(6),
      ":five", s("5"), ":apple", s("apple"), ":app", s("app"), ":ppl", s("ppl"), ":pear", s("pear"), ":b", s("b"),
      ":a", s("a"), ":two", s("two"), ":x", s("x"), ":N", s("N"), ":S", s("S"), ":SS", s("SS"), ":NULL", s("NULL"),
      ":BOOL", s("BOOL"), ":L", s("L"), ":M", s("M"), ":B", s("B"), ":NS", s("NS"), ":true", AttributeValue.fromBool(true));

  @BeforeAll
  static void createTable(DynamoDbLocal local) {
    client = Conformance.client(local);
    tables = new Tables(client);
    table = tables.create("expressions", false);
  }

  @AfterAll
  static void deleteTables() {
    tables.close();
  }

  private static String newItem(Map<String, AttributeValue> attributes) {
    String id = "e-" + IDS.incrementAndGet();
    Map<String, AttributeValue> item = new HashMap<>(attributes);
    item.put("pk", s(id));
    client.putItem(r -> r.tableName(table).item(item));
    return id;
  }

  private static Map<String, AttributeValue> read(String id) {
    Map<String, AttributeValue> item = new HashMap<>(client.getItem(r -> r.tableName(table).key(item("pk", id))
        .consistentRead(true)).item());
    item.remove("pk");
    return item;
  }

  /** Whether {@code condition} holds for {@link #SAMPLE}, as the ConditionExpression of a PutItem that rewrites it. */
  private static boolean holds(String condition) {
    String id = newItem(SAMPLE);
    Map<String, AttributeValue> values = new HashMap<>();
    VALUES.forEach((name, value) -> {
      if (condition.matches(".*" + name + "(?![A-Za-z0-9_]).*")) {
        values.put(name, value);
      }
    });
    Map<String, AttributeValue> item = new HashMap<>(SAMPLE);
    item.put("pk", s(id));
    try {
      client.putItem(r -> r.tableName(table).item(item).conditionExpression(condition)
          .expressionAttributeValues(values.isEmpty() ? null : values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static void update(String id, String expression, Map<String, AttributeValue> values) {
    client.updateItem(r -> r.tableName(table).key(item("pk", id)).updateExpression(expression)
        .expressionAttributeValues(values.isEmpty() ? null : values));
  }

  @Nested
  class Conditions {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "n = :5 | true", "n <> :5 | false", "n < :6 | true", "n < :5 | false", "n <= :5 | true", "n > :4 | true",
        "n > :5 | false", "n >= :5 | true", "s < :b | true", "s > :b | false", "s = :apple | true",
        "n = :five | false", "n <> :five | true", "nope = :5 | false", "nope <> :5 | true",
        "n BETWEEN :4 AND :6 | true", "n BETWEEN :5 AND :5 | true", "n BETWEEN :0 AND :4 | false",
        "n IN (:1, :5) | true", "n IN (:1, :2) | false", "bool = :true | true"})
    void comparators(String condition, boolean expected) {
      assertThat(holds(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        // OR binds looser than AND: read left to right this would be false
        "n = :5 OR n = :1 AND s = :pear | true",
        "(n = :5 OR n = :1) AND s = :pear | false",
        // NOT binds tighter than AND: NOT (n = :1 AND n = :1) would be true
        "NOT n = :1 AND n = :1 | false",
        "NOT (n = :1 AND n = :1) | true",
        "NOT n = :5 OR s = :apple | true"})
    void logicalOperators_followDocumentedPrecedence(String condition, boolean expected) {
      assertThat(holds(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "attribute_exists(s) | true", "attribute_exists(nope) | false", "attribute_not_exists(nope) | true",
        "attribute_not_exists(s) | false", "attribute_exists(m.b[1].c) | true", "attribute_exists(m.b[2]) | false",
        "attribute_type(n, :N) | true", "attribute_type(n, :S) | false", "attribute_type(s, :S) | true",
        "attribute_type(ss, :SS) | true", "attribute_type(ns, :NS) | true", "attribute_type(nul, :NULL) | true",
        "attribute_type(bool, :BOOL) | true", "attribute_type(l, :L) | true", "attribute_type(m, :M) | true",
        "attribute_type(bin, :B) | true",
        "begins_with(s, :app) | true", "begins_with(s, :ppl) | false",
        "contains(s, :ppl) | true", "contains(s, :pear) | false", "contains(ss, :a) | true", "contains(ss, :x) | false",
        "contains(ns, :2) | true", "contains(ns, :3) | false", "contains(l, :two) | true", "contains(l, :1) | true",
        "contains(l, :x) | false",
        "size(s) = :5 | true", "size(l) = :3 | true", "size(m) = :1 | true", "size(ss) = :2 | true",
        "size(bin) = :2 | true", "size(m.b) > :1 | true",
        "m.b[1].c = :2 | true", "m.b[0].c = :2 | false", "l[2].c = :x | true", "l[1] = :two | true"})
    void functionsAndDocumentPaths(String condition, boolean expected) {
      assertThat(holds(condition)).isEqualTo(expected);
    }

    // Not documented: DynamoDB rejects a second pair of parentheses around the same expression ("redundant
    // parentheses"), as ScyllaDB's tests, which pass against DynamoDB, record; one pair at each level is fine.
    @Test
    void redundantParentheses_areRejected_butOnePairAtEachLevelIsFine() {
      assertThat(holds("(n = :5)")).isTrue();
      assertThat(holds("((n = :5) AND s = :apple)")).isTrue();
      assertValidation(() -> holds("((n = :5))"));
    }

    @Test
    void attributeNamePlaceholders_standForReservedWordsAndDottedNames() {
      String id = newItem(item("name", "n1", "a.b", "dotted"));
      client.putItem(r -> r.tableName(table).item(item("pk", id, "name", "n2"))
          .conditionExpression("#name = :n1 AND #dotted = :dotted")
          .expressionAttributeNames(Map.of("#name", "name", "#dotted", "a.b"))
          .expressionAttributeValues(item(":n1", "n1", ":dotted", "dotted")));

      assertThat(read(id)).isEqualTo(item("name", "n2"));
    }

    @Test
    void attributeType_withAnUnknownType_isRejected() {
      assertValidation(() -> holds("attribute_type(n, :x)"));
    }
  }

  @Nested
  class Updates {
    @Test
    void set_withPlusAndMinus_computesFromTheCurrentValues() {
      String id = newItem(item("a", n(10), "b", n("2.5")));
      update(id, "SET a = a + :v, b = b - :v, c = a - b", item(":v", n(1)));
      assertThat(read(id)).isEqualTo(item("a", n(11), "b", n("1.5"), "c", n("7.5")));
    }

    @Test
    void set_ifNotExists_keepsAnExistingValue_andSeedsAMissingOne() {
      String id = newItem(item("a", n(7)));
      update(id, "SET a = if_not_exists(a, :zero), tally = if_not_exists(tally, :zero) + :one",
          item(":zero", n(0), ":one", n(1)));
      update(id, "SET tally = if_not_exists(tally, :zero) + :one", item(":zero", n(0), ":one", n(1)));
      assertThat(read(id)).isEqualTo(item("a", n(7), "tally", n(2)));
    }

    @Test
    void set_listAppend_appendsAndPrepends() {
      String id = newItem(item("l", AttributeValue.fromL(List.of(s("b")))));
      update(id, "SET l = list_append(l, :after)", item(":after", AttributeValue.fromL(List.of(s("c")))));
      update(id, "SET l = list_append(:before, l)", item(":before", AttributeValue.fromL(List.of(s("a")))));
      assertThat(read(id).get("l").l()).containsExactly(s("a"), s("b"), s("c"));
    }

    @Test
    void set_nestedPath_changesOnlyThatElement() {
      String id = newItem(SAMPLE);
      update(id, "SET m.b[1].c = :v, l[0] = :v", item(":v", n(42)));
      Map<String, AttributeValue> item = read(id);
      assertThat(item.get("m").m().get("b").l().get(1).m()).isEqualTo(item("c", n(42)));
      assertThat(item.get("m").m().get("b").l().get(0).m()).isEqualTo(item("c", n(1)));
      assertThat(item.get("l").l()).hasSize(3).first().isEqualTo(n(42));
    }

    @Test
    void set_listIndexPastTheEnd_appendsTheElement() {
      String id = newItem(item("l", AttributeValue.fromL(List.of(s("a")))));
      update(id, "SET l[10] = :v", item(":v", s("b")));
      assertThat(read(id).get("l").l()).containsExactly(s("a"), s("b"));
    }

    @Test
    void set_underAMissingParent_isRejected() {
      String id = newItem(item("a", n(1)));
      assertValidation(() -> update(id, "SET missing.child = :v", item(":v", n(1))));
    }

    @Test
    void remove_dropsAttributesAndListElements() {
      String id = newItem(item("a", n(1), "b", n(2), "l", AttributeValue.fromL(List.of(s("x"), s("y"), s("z")))));
      update(id, "REMOVE a, l[0], nope", Map.of());
      assertThat(read(id)).isEqualTo(item("b", n(2), "l", AttributeValue.fromL(List.of(s("y"), s("z")))));
    }

    @Test
    void add_toNumbers_addsAndCreatesFromZero() {
      String id = newItem(item("a", n(5)));
      update(id, "ADD a :v, fresh :v", item(":v", n(3)));
      assertThat(read(id)).isEqualTo(item("a", n(8), "fresh", n(3)));
    }

    @Test
    void add_toSets_unitesThem_andDelete_removesMembers() {
      String id = newItem(item("ss", AttributeValue.fromSs(List.of("a", "b"))));
      update(id, "ADD ss :more, fresh :more", item(":more", AttributeValue.fromSs(List.of("b", "c"))));
      assertThat(read(id).get("ss").ss()).containsExactlyInAnyOrder("a", "b", "c");
      assertThat(read(id).get("fresh").ss()).containsExactlyInAnyOrder("b", "c");

      update(id, "DELETE ss :gone", item(":gone", AttributeValue.fromSs(List.of("a", "x"))));
      assertThat(read(id).get("ss").ss()).containsExactlyInAnyOrder("b", "c");

      update(id, "DELETE fresh :all", item(":all", AttributeValue.fromSs(List.of("b", "c"))));
      assertThat(read(id)).doesNotContainKey("fresh");
    }

    @Test
    void add_toAString_isRejected() {
      String id = newItem(item("s", "text"));
      assertValidation(() -> update(id, "ADD s :v", item(":v", n(1))));
      assertThat(read(id)).isEqualTo(item("s", "text"));
    }

    @Test
    void arithmetic_onANonNumber_isRejected() {
      String id = newItem(item("s", "text"));
      assertValidation(() -> update(id, "SET s = s + :v", item(":v", n(1))));
    }

    @Test
    void allFourClauses_inOneExpression_applyTogether() {
      String id = newItem(item("a", n(1), "b", n(2), "ss", AttributeValue.fromSs(List.of("x", "y"))));
      update(id, "SET c = :c REMOVE b ADD a :one DELETE ss :x",
          item(":c", "new", ":one", n(1), ":x", AttributeValue.fromSs(List.of("x"))));
      assertThat(read(id)).isEqualTo(item("a", n(2), "c", "new", "ss", AttributeValue.fromSs(List.of("y"))));
    }
  }

  @Nested
  class Errors {
    @ParameterizedTest
    @ValueSource(strings = {"SET name = :v", "SET a = :v, status = :v", "SET a = size + :v"})
    void reservedWordWithoutPlaceholder_isRejected(String expression) {
      String id = newItem(item("a", n(1)));
      assertValidation(() -> update(id, expression, item(":v", n(1))));
      assertValidation(() -> client.getItem(r -> r.tableName(table).key(item("pk", id)).projectionExpression("name")));
    }

    @Test
    void undefinedValuePlaceholder_isRejected() {
      String id = newItem(item("a", n(1)));
      assertValidation(() -> update(id, "SET a = :missing", Map.of()));
      assertValidation(() -> update(id, "SET a = :v + :missing", item(":v", n(1))));
    }

    @Test
    void undefinedNamePlaceholder_isRejected() {
      String id = newItem(item("a", n(1)));
      assertValidation(() -> client.updateItem(r -> r.tableName(table).key(item("pk", id))
          .updateExpression("SET #missing = :v").expressionAttributeValues(item(":v", n(1)))));
    }

    @Test
    void unusedPlaceholders_areRejected() {
      String id = newItem(item("a", n(1)));
      assertValidation(() -> update(id, "SET a = :v", item(":v", n(1), ":unused", n(2))));
      assertValidation(() -> client.updateItem(r -> r.tableName(table).key(item("pk", id))
          .updateExpression("SET a = :v").expressionAttributeValues(item(":v", n(1)))
          .expressionAttributeNames(Map.of("#unused", "b"))));
      assertThat(read(id)).isEqualTo(item("a", n(1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET a = :v REMOVE a", "SET m.x = :v, m = :v", "SET a = :v, a = :v",
        "REMOVE l[0], l[0]", "SET l[0] = :v REMOVE l"})
    void overlappingPaths_areRejected(String expression) {
      String id = newItem(item("a", n(1), "m", AttributeValue.fromM(item("x", n(1))),
          "l", AttributeValue.fromL(List.of(n(1)))));
      Map<String, AttributeValue> values = expression.contains(":v") ? item(":v", n(2)) : Map.of();
      assertValidation(() -> update(id, expression, values));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET a = ", "SET a :v", "SET a = :v SET b = :v", "ADD a", "SET a = :v,", "UPSERT a = :v",
        "SET a = attribute_exists(b)", "SET a = :v + :v + "})
    void updateSyntaxErrors_areRejected(String expression) {
      String id = newItem(item("a", n(1)));
      Map<String, AttributeValue> values = expression.contains(":v") ? item(":v", n(1)) : Map.of();
      assertValidation(() -> update(id, expression, values));
    }

    @ParameterizedTest
    @ValueSource(strings = {"n = = :5", "n BETWEEN :5", "(n = :5", "n = :5)", "n IN ()", "n = :5 AND",
        "no_such_function(n)", "begins_with(n)", "n", ":5"})
    void conditionSyntaxErrors_areRejected(String condition) {
      assertValidation(() -> holds(condition));
    }
  }
}
