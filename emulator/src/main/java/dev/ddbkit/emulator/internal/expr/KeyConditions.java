package dev.ddbkit.emulator.internal.expr;

import dev.ddbkit.emulator.internal.error.DynamoException;
import dev.ddbkit.emulator.internal.expr.Ast.And;
import dev.ddbkit.emulator.internal.expr.Ast.Attr;
import dev.ddbkit.emulator.internal.expr.Ast.Between;
import dev.ddbkit.emulator.internal.expr.Ast.Call;
import dev.ddbkit.emulator.internal.expr.Ast.Compare;
import dev.ddbkit.emulator.internal.expr.Ast.Cond;
import dev.ddbkit.emulator.internal.expr.Ast.Const;
import dev.ddbkit.emulator.internal.expr.Ast.Function;
import dev.ddbkit.emulator.internal.expr.Ast.In;
import dev.ddbkit.emulator.internal.expr.Ast.Not;
import dev.ddbkit.emulator.internal.expr.Ast.Operand;
import dev.ddbkit.emulator.internal.expr.Ast.Or;
import dev.ddbkit.emulator.internal.expr.KeyCondition.SortCondition;
import dev.ddbkit.emulator.internal.expr.KeyCondition.SortCondition.Op;
import dev.ddbkit.emulator.internal.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a resolved condition tree into a {@link KeyCondition}, enforcing the KeyConditionExpression subset. */
final class KeyConditions {
  private KeyConditions() {}

  static KeyCondition build(Cond cond, Optional<String> hashKey, Optional<String> rangeKey) {
    List<Cond> conditions = new ArrayList<>();
    checkOperators(cond, conditions);
    List<SortCondition> leaves = new ArrayList<>();
    for (Cond c : conditions) {
      SortCondition leaf = leaf(c);
      if (leaves.stream().anyMatch(l -> l.attribute().equals(leaf.attribute()))) {
        throw DynamoException.validation("KeyConditionExpressions must only contain one condition per key");
      }
      leaves.add(leaf);
    }
    SortCondition partition;
    if (hashKey.isPresent()) {
      partition = leaves.stream().filter(l -> l.attribute().equals(hashKey.get())).findFirst()
          .orElseThrow(() -> DynamoException.validation(
              "Query condition missed key schema element: " + hashKey.get()));
    } else {
      partition = leaves.stream().filter(l -> l.op() == Op.EQ).findFirst()
          .orElseThrow(() -> DynamoException.validation("Query key condition not supported"));
    }
    if (partition.op() != Op.EQ || leaves.size() > 2) {
      throw DynamoException.validation("Query key condition not supported");
    }
    Optional<SortCondition> sort = leaves.stream().filter(l -> l != partition).findFirst();
    KeyCondition result = new KeyCondition(partition.attribute(), partition.first(), sort);
    hashKey.ifPresent(h -> result.validateAgainst(h, rangeKey));
    return result;
  }

  /** Only AND may combine conditions, and only comparisons (not {@code <>}), BETWEEN and begins_with appear. */
  private static void checkOperators(Cond cond, List<Cond> conditions) {
    if (cond instanceof And a) {
      checkOperators(a.left(), conditions);
      checkOperators(a.right(), conditions);
    } else if (cond instanceof Or) {
      throw invalidOperator("OR");
    } else if (cond instanceof Not) {
      throw invalidOperator("NOT");
    } else if (cond instanceof In) {
      throw invalidOperator("IN");
    } else if (cond instanceof Compare c && c.op() == Ast.Comparator.NE) {
      throw invalidOperator("<>");
    } else if (cond instanceof Call call && !call.name().equals("begins_with")) {
      throw invalidOperator(call.name());
    } else {
      conditions.add(cond);
    }
  }

  private static SortCondition leaf(Cond cond) {
    if (cond instanceof Compare c) {
      return compare(c);
    }
    if (cond instanceof Between b) {
      String attribute = firstOperandKey("BETWEEN", b.operand());
      return new SortCondition(attribute, Op.BETWEEN, value(b.lower()), Optional.of(value(b.upper())));
    }
    Call call = (Call) cond;
    String attribute = firstOperandKey(call.name(), call.args().get(0));
    return new SortCondition(attribute, Op.BEGINS_WITH, value(call.args().get(1)), Optional.empty());
  }

  private static SortCondition compare(Compare c) {
    if (c.left() instanceof Function || c.right() instanceof Function) {
      throw nestedOperations();
    }
    if (c.left() instanceof Attr a && a.path().elements().size() > 1) {
      throw nestedAttributes();
    }
    if (c.left() instanceof Attr && c.right() instanceof Attr) {
      throw multipleAttributes();
    }
    if (!(c.left() instanceof Attr) && !(c.right() instanceof Attr)) {
      throw invalidCondition("No key attribute specified");
    }
    boolean flipped = !(c.left() instanceof Attr);
    Attr attr = (Attr) (flipped ? c.right() : c.left());
    if (attr.path().elements().size() > 1) {
      throw nestedAttributes();
    }
    Op op = switch (c.op()) {
      case EQ -> Op.EQ;
      case LT -> flipped ? Op.GT : Op.LT;
      case LE -> flipped ? Op.GE : Op.LE;
      case GT -> flipped ? Op.LT : Op.GT;
      case GE -> flipped ? Op.LE : Op.GE;
      case NE -> throw new IllegalStateException();
    };
    return new SortCondition(attr.path().topLevel(), op, ((Const) (flipped ? c.left() : c.right())).value(),
        Optional.empty());
  }

  /** BETWEEN and begins_with need the key attribute, unnested, first. */
  private static String firstOperandKey(String operator, Operand operand) {
    if (!(operand instanceof Attr a)) {
      throw invalidCondition(operator + " operator must have the key attribute as its first operand");
    }
    if (a.path().elements().size() > 1) {
      throw nestedAttributes();
    }
    return a.path().topLevel();
  }

  private static Value value(Operand operand) {
    if (operand instanceof Function) {
      throw nestedOperations();
    }
    if (operand instanceof Attr) {
      throw multipleAttributes();
    }
    return ((Const) operand).value();
  }

  private static DynamoException invalidOperator(String operator) {
    return DynamoException.validation("Invalid operator used in KeyConditionExpression: " + operator);
  }

  private static DynamoException invalidCondition(String detail) {
    return DynamoException.validation("Invalid condition in KeyConditionExpression: " + detail);
  }

  private static DynamoException multipleAttributes() {
    return invalidCondition("Multiple attribute names used in one condition");
  }

  private static DynamoException nestedAttributes() {
    return DynamoException.validation("KeyConditionExpressions cannot have conditions on nested attributes");
  }

  private static DynamoException nestedOperations() {
    return DynamoException.validation("KeyConditionExpressions cannot contain nested operations");
  }
}
