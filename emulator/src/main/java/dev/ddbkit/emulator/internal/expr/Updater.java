package dev.ddbkit.emulator.internal.expr;

import dev.ddbkit.emulator.internal.expr.Ast.Action;
import dev.ddbkit.emulator.internal.expr.Ast.Arithmetic;
import dev.ddbkit.emulator.internal.expr.Ast.Attr;
import dev.ddbkit.emulator.internal.expr.Ast.Clause;
import dev.ddbkit.emulator.internal.expr.Ast.Const;
import dev.ddbkit.emulator.internal.expr.Ast.Function;
import dev.ddbkit.emulator.internal.expr.Ast.Operand;
import dev.ddbkit.emulator.internal.value.Bytes;
import dev.ddbkit.emulator.internal.value.Numbers;
import dev.ddbkit.emulator.internal.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Executes a resolved UpdateExpression. Every operand is read from the item as it was before the update; SET
 * actions run first, then REMOVE (highest list index first, so indexes mean the original positions), ADD, DELETE.
 */
final class Updater implements Update {
  private final List<Action> actions;
  private final List<Path> paths;

  Updater(List<Action> actions) {
    this.actions = List.copyOf(actions);
    this.paths = actions.stream().map(a -> ((Attr) a.target()).path()).toList();
  }

  @Override
  public List<Path> paths() {
    return paths;
  }

  @Override
  public Map<String, Value> apply(Map<String, Value> item) {
    Map<String, Value> result = new LinkedHashMap<>(item);
    List<Value> setValues = new ArrayList<>();
    for (Action a : actions) {
      if (a.clause() == Clause.SET) {
        setValues.add(evaluate(a.value().orElseThrow(), item));
      }
    }
    int next = 0;
    for (Action a : actions) {
      if (a.clause() == Clause.SET) {
        Value v = setValues.get(next++);
        Documents.modify(result, target(a), old -> Optional.of(v));
      }
    }
    actions.stream().filter(a -> a.clause() == Clause.REMOVE).map(Updater::target)
        .sorted(Comparator.comparing(Path::elements, Updater::compareElements).reversed())
        .forEach(p -> Documents.modify(result, p, old -> Optional.empty()));
    for (Action a : actions) {
      if (a.clause() == Clause.ADD) {
        Value v = ((Const) a.value().orElseThrow()).value();
        Documents.modify(result, target(a), old -> Optional.of(add(old, v)));
      }
    }
    for (Action a : actions) {
      if (a.clause() == Clause.DELETE) {
        Value v = ((Const) a.value().orElseThrow()).value();
        Documents.modify(result, target(a), old -> old.flatMap(o -> delete(o, v)));
      }
    }
    return result;
  }

  private static Path target(Action a) {
    return ((Attr) a.target()).path();
  }

  private static int compareElements(List<Object> a, List<Object> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      Object x = a.get(i);
      Object y = b.get(i);
      int c;
      if (x instanceof Integer xi && y instanceof Integer yi) {
        c = Integer.compare(xi, yi);
      } else {
        c = x.toString().compareTo(y.toString());
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static Value evaluate(Operand operand, Map<String, Value> item) {
    if (operand instanceof Const c) {
      return c.value();
    }
    if (operand instanceof Attr a) {
      return Documents.get(item, a.path()).orElseThrow(() -> Errors.runtime(Errors.MISSING_ATTRIBUTE));
    }
    if (operand instanceof Arithmetic arithmetic) {
      Value left = evaluate(arithmetic.left(), item);
      Value right = evaluate(arithmetic.right(), item);
      if (!(left instanceof Value.N l) || !(right instanceof Value.N r)) {
        throw Errors.runtime(Errors.INCORRECT_DATA_TYPE);
      }
      BigDecimal sum = arithmetic.plus() ? l.value().add(r.value()) : l.value().subtract(r.value());
      return new Value.N(Numbers.check(sum));
    }
    Function f = (Function) operand;
    if (f.name().equals("if_not_exists")) {
      Optional<Value> existing = Documents.get(item, ((Attr) f.args().get(0)).path());
      return existing.isPresent() ? existing.get() : evaluate(f.args().get(1), item);
    }
    Value first = evaluate(f.args().get(0), item);
    Value second = evaluate(f.args().get(1), item);
    if (!(first instanceof Value.L a) || !(second instanceof Value.L b)) {
      throw Errors.runtime(Errors.INCORRECT_DATA_TYPE);
    }
    List<Value> joined = new ArrayList<>(a.values());
    joined.addAll(b.values());
    return new Value.L(joined);
  }

  /** ADD: number addition (a missing attribute counts as 0) or set union (a missing attribute as the empty set). */
  private static Value add(Optional<Value> old, Value v) {
    if (old.isEmpty()) {
      return v;
    }
    Value o = old.get();
    if (o instanceof Value.N a && v instanceof Value.N b) {
      return new Value.N(Numbers.check(a.value().add(b.value())));
    }
    if (o instanceof Value.SS a && v instanceof Value.SS b) {
      return new Value.SS(union(a.values(), b.values()));
    }
    if (o instanceof Value.NS a && v instanceof Value.NS b) {
      return new Value.NS(union(a.values(), b.values()));
    }
    if (o instanceof Value.BS a && v instanceof Value.BS b) {
      return new Value.BS(union(a.values(), b.values()));
    }
    throw Errors.runtime(Errors.INCORRECT_DATA_TYPE);
  }

  /** DELETE: set difference; an empty result removes the attribute, since DynamoDB stores no empty sets. */
  private static Optional<Value> delete(Value o, Value v) {
    Value result;
    boolean empty;
    if (o instanceof Value.SS a && v instanceof Value.SS b) {
      Set<String> left = minus(a.values(), b.values());
      empty = left.isEmpty();
      result = new Value.SS(left);
    } else if (o instanceof Value.NS a && v instanceof Value.NS b) {
      Set<BigDecimal> left = minus(a.values(), b.values());
      empty = left.isEmpty();
      result = new Value.NS(left);
    } else if (o instanceof Value.BS a && v instanceof Value.BS b) {
      Set<Bytes> left = minus(a.values(), b.values());
      empty = left.isEmpty();
      result = new Value.BS(left);
    } else {
      throw Errors.runtime(Errors.INCORRECT_DATA_TYPE);
    }
    return empty ? Optional.empty() : Optional.of(result);
  }

  private static <T> Set<T> union(Set<T> a, Set<T> b) {
    Set<T> s = new LinkedHashSet<>(a);
    s.addAll(b);
    return s;
  }

  private static <T> Set<T> minus(Set<T> a, Set<T> b) {
    Set<T> s = new LinkedHashSet<>(a);
    s.removeAll(b);
    return s;
  }
}
