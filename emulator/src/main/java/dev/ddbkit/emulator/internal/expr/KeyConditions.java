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
  private static final ExpressionKind KIND = ExpressionKind.KEY_CONDITION;

  private KeyConditions() {}

  static KeyCondition build(Cond cond, Optional<String> hashKey, Optional<String> rangeKey) {
    List<SortCondition> leaves = new ArrayList<>();
    collect(cond, leaves);
    if (leaves.size() > 2
        || leaves.size() == 2 && leaves.get(0).attribute().equals(leaves.get(1).attribute())) {
      throw Errors.invalid(KIND, "KeyConditionExpressions must only contain one condition per key");
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
    if (partition.op() != Op.EQ) {
      throw DynamoException.validation("Query key condition not supported");
    }
    Optional<SortCondition> sort = leaves.stream().filter(l -> l != partition).findFirst();
    KeyCondition result = new KeyCondition(partition.attribute(), partition.first(), sort);
    hashKey.ifPresent(h -> result.validateAgainst(h, rangeKey));
    return result;
  }

  private static void collect(Cond cond, List<SortCondition> leaves) {
    if (cond instanceof And a) {
      collect(a.left(), leaves);
      collect(a.right(), leaves);
    } else if (cond instanceof Or) {
      throw invalidOperator("OR");
    } else if (cond instanceof Not) {
      throw invalidOperator("NOT");
    } else if (cond instanceof In) {
      throw invalidOperator("IN");
    } else if (cond instanceof Compare c) {
      leaves.add(compare(c));
    } else if (cond instanceof Between b) {
      String attribute = attribute(b.operand());
      leaves.add(new SortCondition(attribute, Op.BETWEEN, constant(b.lower()), Optional.of(constant(b.upper()))));
    } else {
      Call call = (Call) cond;
      if (!call.name().equals("begins_with")) {
        throw invalidOperator(call.name());
      }
      leaves.add(new SortCondition(attribute(call.args().get(0)), Op.BEGINS_WITH, constant(call.args().get(1)),
          Optional.empty()));
    }
  }

  private static SortCondition compare(Compare c) {
    if (c.op() == Ast.Comparator.NE) {
      throw invalidOperator("<>");
    }
    if (c.left() instanceof Function f) {
      throw invalidOperator(f.name());
    }
    if (c.right() instanceof Function f) {
      throw invalidOperator(f.name());
    }
    if (c.left() instanceof Attr && c.right() instanceof Attr) {
      throw DynamoException.validation(
          "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
    }
    boolean flipped = !(c.left() instanceof Attr);
    Operand attr = flipped ? c.right() : c.left();
    Operand value = flipped ? c.left() : c.right();
    Op op = switch (c.op()) {
      case EQ -> Op.EQ;
      case LT -> flipped ? Op.GT : Op.LT;
      case LE -> flipped ? Op.GE : Op.LE;
      case GT -> flipped ? Op.LT : Op.GT;
      case GE -> flipped ? Op.LE : Op.GE;
      case NE -> throw new IllegalStateException();
    };
    return new SortCondition(attribute(attr), op, constant(value), Optional.empty());
  }

  private static String attribute(Operand operand) {
    if (operand instanceof Function f) {
      throw invalidOperator(f.name());
    }
    if (!(operand instanceof Attr a)) {
      throw DynamoException.validation(
          "Invalid condition in KeyConditionExpression: No key attribute specified");
    }
    if (a.path().elements().size() > 1) {
      throw Errors.invalid(KIND, "KeyConditionExpressions cannot have conditions on nested attributes");
    }
    return a.path().topLevel();
  }

  private static Value constant(Operand operand) {
    if (operand instanceof Function f) {
      throw invalidOperator(f.name());
    }
    if (!(operand instanceof Const c)) {
      throw DynamoException.validation(
          "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
    }
    return c.value();
  }

  private static DynamoException invalidOperator(String operator) {
    return DynamoException.validation("Invalid operator used in KeyConditionExpression: " + operator);
  }
}
