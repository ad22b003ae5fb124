package dev.ddbkit.emulator.internal.expr;

import dev.ddbkit.emulator.internal.expr.Ast.Action;
import dev.ddbkit.emulator.internal.expr.Ast.And;
import dev.ddbkit.emulator.internal.expr.Ast.Arithmetic;
import dev.ddbkit.emulator.internal.expr.Ast.Attr;
import dev.ddbkit.emulator.internal.expr.Ast.Between;
import dev.ddbkit.emulator.internal.expr.Ast.Call;
import dev.ddbkit.emulator.internal.expr.Ast.Compare;
import dev.ddbkit.emulator.internal.expr.Ast.Cond;
import dev.ddbkit.emulator.internal.expr.Ast.Const;
import dev.ddbkit.emulator.internal.expr.Ast.Function;
import dev.ddbkit.emulator.internal.expr.Ast.In;
import dev.ddbkit.emulator.internal.expr.Ast.IndexElement;
import dev.ddbkit.emulator.internal.expr.Ast.NameElement;
import dev.ddbkit.emulator.internal.expr.Ast.Not;
import dev.ddbkit.emulator.internal.expr.Ast.Operand;
import dev.ddbkit.emulator.internal.expr.Ast.Or;
import dev.ddbkit.emulator.internal.expr.Ast.RawElement;
import dev.ddbkit.emulator.internal.expr.Ast.RawPath;
import dev.ddbkit.emulator.internal.expr.Ast.ValueRef;
import dev.ddbkit.emulator.internal.value.Value;
import dev.ddbkit.emulator.internal.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The validation step: substitutes placeholders from the {@link ExpressionContext} (marking them used), and
 * checks what DynamoDB checks before touching an item: operand counts and types of functions, document-path
 * operands, BETWEEN bounds, type names of attribute_type.
 */
final class Resolver {
  private static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS");

  private final ExpressionContext context;
  private final ExpressionKind kind;

  Resolver(ExpressionContext context, ExpressionKind kind) {
    this.context = context;
    this.kind = kind;
  }

  Path path(RawPath raw) {
    List<Object> elements = new ArrayList<>();
    for (RawElement e : raw.elements()) {
      if (e instanceof NameElement n) {
        elements.add(n.placeholder() ? context.name(n.text(), kind) : n.text());
      } else {
        elements.add(((IndexElement) e).index());
      }
    }
    return new Path(elements);
  }

  Operand operand(Operand operand) {
    if (operand instanceof RawPath raw) {
      return new Attr(path(raw));
    }
    if (operand instanceof ValueRef ref) {
      return new Const(context.value(ref.placeholder(), kind));
    }
    if (operand instanceof Function f) {
      return function(f);
    }
    if (operand instanceof Arithmetic a) {
      String symbol = a.plus() ? "+" : "-";
      Operand left = operand(a.left());
      Operand right = operand(a.right());
      requireConstType(symbol, left, Set.of("N"));
      requireConstType(symbol, right, Set.of("N"));
      return new Arithmetic(left, a.plus(), right);
    }
    return operand;
  }

  private Function function(Function f) {
    List<Operand> args = f.args().stream().map(this::operand).toList();
    switch (f.name()) {
      case "size" -> requireCount(f.name(), args, 1);
      case "if_not_exists" -> {
        requireCount(f.name(), args, 2);
        requirePath(f.name(), args.get(0));
      }
      case "list_append" -> {
        requireCount(f.name(), args, 2);
        requireConstType(f.name(), args.get(0), Set.of("L"));
        requireConstType(f.name(), args.get(1), Set.of("L"));
      }
      default -> throw new IllegalStateException("unknown function " + f.name());
    }
    return new Function(f.name(), args);
  }

  Cond condition(Cond cond) {
    if (cond instanceof And a) {
      return new And(condition(a.left()), condition(a.right()));
    }
    if (cond instanceof Or o) {
      return new Or(condition(o.left()), condition(o.right()));
    }
    if (cond instanceof Not n) {
      return new Not(condition(n.operand()));
    }
    if (cond instanceof Compare c) {
      return new Compare(operand(c.left()), c.op(), operand(c.right()));
    }
    if (cond instanceof Between b) {
      Operand lower = operand(b.lower());
      Operand upper = operand(b.upper());
      Between resolved = new Between(operand(b.operand()), lower, upper);
      if (lower instanceof Const lo && upper instanceof Const hi) {
        Optional<Integer> order = Values.compare(lo.value(), hi.value());
        if (order.isPresent() && order.get() > 0) {
          throw Errors.invalid(kind, "The BETWEEN operator requires upper bound to be greater than or equal to"
              + " lower bound; lower bound operand: AttributeValue: " + describe(lo.value())
              + ", upper bound operand: AttributeValue: " + describe(hi.value()));
        }
      }
      return resolved;
    }
    if (cond instanceof In in) {
      return new In(operand(in.operand()), in.candidates().stream().map(this::operand).toList());
    }
    Call call = (Call) cond;
    List<Operand> args = call.args().stream().map(this::operand).toList();
    String name = call.name();
    switch (name) {
      case "attribute_exists", "attribute_not_exists" -> {
        requireCount(name, args, 1);
        requirePath(name, args.get(0));
      }
      case "attribute_type" -> {
        requireCount(name, args, 2);
        requirePath(name, args.get(0));
        requireConstType(name, args.get(1), Set.of("S"));
        if (args.get(1) instanceof Const c && !TYPES.contains(((Value.S) c.value()).value())) {
          throw Errors.invalid(kind, "Invalid attribute type name found; type: " + ((Value.S) c.value()).value()
              + ", valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }");
        }
      }
      case "begins_with" -> {
        requireCount(name, args, 2);
        requireConstType(name, args.get(0), Set.of("S", "B"));
        requireConstType(name, args.get(1), Set.of("S", "B"));
      }
      case "contains" -> requireCount(name, args, 2);
      default -> throw new IllegalStateException("unknown function " + name);
    }
    return new Call(name, args);
  }

  Action action(Action action) {
    Path target = path((RawPath) action.target());
    Optional<Operand> value = action.value().map(this::operand);
    switch (action.clause()) {
      case ADD -> requireConstType("ADD", value.orElseThrow(), Set.of("N", "SS", "NS", "BS"));
      case DELETE -> requireConstType("DELETE", value.orElseThrow(), Set.of("SS", "NS", "BS"));
      default -> { }
    }
    return new Action(action.clause(), new Attr(target), value);
  }

  private void requireCount(String function, List<Operand> args, int count) {
    if (args.size() != count) {
      throw Errors.operandCount(kind, function, args.size());
    }
  }

  private void requirePath(String function, Operand operand) {
    if (!(operand instanceof Attr)) {
      throw Errors.requiresPath(kind, function);
    }
  }

  /** A constant operand of another type than allowed is rejected now; paths are checked against the item later. */
  private void requireConstType(String function, Operand operand, Set<String> allowed) {
    if (operand instanceof Const c && !allowed.contains(c.value().type())) {
      throw Errors.operandType(kind, function, c.value().type());
    }
  }

  /** DynamoDB's short rendering of a scalar in messages, e.g. {@code {N:5}}. */
  static String describe(Value value) {
    String text;
    if (value instanceof Value.S s) {
      text = s.value();
    } else if (value instanceof Value.N n) {
      text = n.text();
    } else if (value instanceof Value.B b) {
      text = b.value().base64();
    } else {
      text = value.toString();
    }
    return "{" + value.type() + ":" + text + "}";
  }
}
