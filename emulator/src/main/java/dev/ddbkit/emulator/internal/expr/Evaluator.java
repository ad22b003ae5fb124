package dev.ddbkit.emulator.internal.expr;

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
import dev.ddbkit.emulator.internal.value.Value;
import dev.ddbkit.emulator.internal.value.Values;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates resolved conditions against an item. Never throws for data: comparing values of different types,
 * ordering non-scalars or reading a missing attribute makes the comparison false ({@code <>} true).
 */
final class Evaluator {
  private Evaluator() {}

  static boolean test(Cond cond, Map<String, Value> item) {
    if (cond instanceof And a) {
      return test(a.left(), item) && test(a.right(), item);
    }
    if (cond instanceof Or o) {
      return test(o.left(), item) || test(o.right(), item);
    }
    if (cond instanceof Not n) {
      return !test(n.operand(), item);
    }
    if (cond instanceof Compare c) {
      Optional<Value> left = value(c.left(), item);
      Optional<Value> right = value(c.right(), item);
      return switch (c.op()) {
        case EQ -> equal(left, right);
        case NE -> !equal(left, right);
        case LT -> order(left, right).map(o -> o < 0).orElse(false);
        case LE -> order(left, right).map(o -> o <= 0).orElse(false);
        case GT -> order(left, right).map(o -> o > 0).orElse(false);
        case GE -> order(left, right).map(o -> o >= 0).orElse(false);
      };
    }
    if (cond instanceof Between b) {
      Optional<Value> v = value(b.operand(), item);
      return order(value(b.lower(), item), v).map(o -> o <= 0).orElse(false)
          && order(v, value(b.upper(), item)).map(o -> o <= 0).orElse(false);
    }
    if (cond instanceof In in) {
      Optional<Value> v = value(in.operand(), item);
      return in.candidates().stream().anyMatch(candidate -> equal(v, value(candidate, item)));
    }
    return call((Call) cond, item);
  }

  private static boolean call(Call call, Map<String, Value> item) {
    Optional<Value> first = value(call.args().get(0), item);
    return switch (call.name()) {
      case "attribute_exists" -> first.isPresent();
      case "attribute_not_exists" -> first.isEmpty();
      case "attribute_type" -> first.isPresent()
          && value(call.args().get(1), item).filter(t -> t instanceof Value.S s
              && s.value().equals(first.get().type())).isPresent();
      case "begins_with" -> first.isPresent() && value(call.args().get(1), item)
          .map(prefix -> beginsWith(first.get(), prefix)).orElse(false);
      case "contains" -> first.isPresent() && value(call.args().get(1), item)
          .map(part -> contains(first.get(), part)).orElse(false);
      default -> throw new IllegalStateException("unknown function " + call.name());
    };
  }

  static boolean beginsWith(Value value, Value prefix) {
    if (value instanceof Value.S s && prefix instanceof Value.S p) {
      return s.value().startsWith(p.value());
    }
    if (value instanceof Value.B b && prefix instanceof Value.B p) {
      return b.value().startsWith(p.value());
    }
    return false;
  }

  private static boolean contains(Value container, Value part) {
    if (container instanceof Value.S s) {
      return part instanceof Value.S p && s.value().contains(p.value());
    }
    if (container instanceof Value.B b) {
      return part instanceof Value.B p && b.value().contains(p.value());
    }
    if (container instanceof Value.SS ss) {
      return part instanceof Value.S p && ss.values().contains(p.value());
    }
    if (container instanceof Value.NS ns) {
      return part instanceof Value.N p && ns.values().contains(p.value());
    }
    if (container instanceof Value.BS bs) {
      return part instanceof Value.B p && bs.values().contains(p.value());
    }
    if (container instanceof Value.L l) {
      return l.values().contains(part);
    }
    return false;
  }

  private static boolean equal(Optional<Value> a, Optional<Value> b) {
    return a.isPresent() && a.equals(b);
  }

  private static Optional<Integer> order(Optional<Value> a, Optional<Value> b) {
    return a.isPresent() && b.isPresent() ? Values.compare(a.get(), b.get()) : Optional.empty();
  }

  /** The value of a condition operand; empty when a path is missing or size() does not apply to its type. */
  static Optional<Value> value(Operand operand, Map<String, Value> item) {
    if (operand instanceof Const c) {
      return Optional.of(c.value());
    }
    if (operand instanceof Attr a) {
      return Documents.get(item, a.path());
    }
    if (operand instanceof Function f && f.name().equals("size")) {
      return value(f.args().get(0), item).flatMap(Evaluator::size).map(Value::n);
    }
    throw new IllegalStateException("unresolved or unsupported operand " + operand);
  }

  /** size(): bytes of a string (UTF-8) or binary, elements of a set, list or map. */
  private static Optional<Long> size(Value v) {
    long size;
    if (v instanceof Value.S s) {
      size = s.value().getBytes(StandardCharsets.UTF_8).length;
    } else if (v instanceof Value.B b) {
      size = b.value().length();
    } else if (v instanceof Value.SS ss) {
      size = ss.values().size();
    } else if (v instanceof Value.NS ns) {
      size = ns.values().size();
    } else if (v instanceof Value.BS bs) {
      size = bs.values().size();
    } else if (v instanceof Value.L l) {
      size = l.values().size();
    } else if (v instanceof Value.M m) {
      size = m.values().size();
    } else {
      return Optional.empty();
    }
    return Optional.of(size);
  }
}
