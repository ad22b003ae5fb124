package dev.ddbkit.emulator.internal.expr;

import dev.ddbkit.emulator.internal.error.DynamoException;
import dev.ddbkit.emulator.internal.expr.Ast.Action;
import dev.ddbkit.emulator.internal.expr.Ast.And;
import dev.ddbkit.emulator.internal.expr.Ast.Arithmetic;
import dev.ddbkit.emulator.internal.expr.Ast.Attr;
import dev.ddbkit.emulator.internal.expr.Ast.Between;
import dev.ddbkit.emulator.internal.expr.Ast.Call;
import dev.ddbkit.emulator.internal.expr.Ast.Clause;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The validation step: substitutes placeholders from the {@link ExpressionContext} (marking them used; an
 * undefined one fails at once), then checks what DynamoDB checks before touching an item: operand counts,
 * distinct operands, operand types of functions and operators, BETWEEN bounds. Those checks are collected and
 * reported by {@link #finish()} in DynamoDB's order of precedence, after the caller's own checks (path overlap).
 */
final class Resolver {
  private static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS");
  private static final Map<String, String> LONG_TYPE_NAMES = Map.of("S", "STRING", "N", "NUMBER", "B", "BINARY",
      "NULL", "NULL", "BOOL", "BOOLEAN", "L", "LIST", "M", "MAP");

  /** Kinds of deferred errors, in the order DynamoDB reports them. */
  private enum Check { COUNT, DISTINCT, OPERAND, FUNCTION }

  private final ExpressionContext context;
  private final ExpressionKind kind;
  private final Map<Check, DynamoException> errors = new EnumMap<>(Check.class);

  Resolver(ExpressionContext context, ExpressionKind kind) {
    this.context = context;
    this.kind = kind;
  }

  /** Throws the first collected error, if any. */
  void finish() {
    for (Check check : Check.values()) {
      DynamoException e = errors.get(check);
      if (e != null) {
        throw e;
      }
    }
  }

  private void fail(Check check, DynamoException e) {
    errors.putIfAbsent(check, e);
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
      case "size" -> {
        if (requireCount(f.name(), args, 1)) {
          requireConstType(f.name(), args.get(0), Set.of("S", "B", "SS", "NS", "BS", "L", "M"));
        }
      }
      case "if_not_exists" -> {
        if (requireCount(f.name(), args, 2)) {
          requirePath(f.name(), args.get(0));
        }
      }
      case "list_append" -> {
        if (requireCount(f.name(), args, 2)) {
          requireConstType(f.name(), args.get(0), Set.of("L"));
          requireConstType(f.name(), args.get(1), Set.of("L"));
        }
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
      Operand left = operand(c.left());
      Operand right = operand(c.right());
      requireDistinct(c.op().symbol, left, right);
      return new Compare(left, c.op(), right);
    }
    if (cond instanceof Between b) {
      Operand lower = operand(b.lower());
      Operand upper = operand(b.upper());
      Between resolved = new Between(operand(b.operand()), lower, upper);
      if (lower instanceof Const lo && upper instanceof Const hi) {
        checkBounds(lo.value(), hi.value());
      }
      return resolved;
    }
    if (cond instanceof In in) {
      return new In(operand(in.operand()), in.candidates().stream().map(this::operand).toList());
    }
    Call call = (Call) cond;
    List<Operand> args = call.args().stream().map(this::operand).toList();
    String name = call.name();
    int expected = name.startsWith("attribute_") && !name.equals("attribute_type") ? 1 : 2;
    if (!requireCount(name, args, expected)) {
      return new Call(name, args);
    }
    if (expected == 2) {
      requireDistinct(name, args.get(0), args.get(1));
    }
    switch (name) {
      case "attribute_exists", "attribute_not_exists" -> requirePath(name, args.get(0));
      case "attribute_type" -> {
        requirePath(name, args.get(0));
        requireConstType(name, args.get(1), Set.of("S"));
        if (args.get(1) instanceof Const c && c.value() instanceof Value.S s && !TYPES.contains(s.value())) {
          fail(Check.FUNCTION, Errors.invalid(kind, "Invalid attribute type name found; type: " + s.value()
              + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}"));
        }
      }
      case "begins_with" -> {
        requireConstType(name, args.get(0), Set.of("S", "B"));
        requireConstType(name, args.get(1), Set.of("S", "B"));
      }
      case "contains" -> { }
      default -> throw new IllegalStateException("unknown function " + name);
    }
    return new Call(name, args);
  }

  private void checkBounds(Value lower, Value upper) {
    String bounds = "lower bound operand: AttributeValue: " + describe(lower)
        + ", upper bound operand: AttributeValue: " + describe(upper);
    if (!lower.type().equals(upper.type())) {
      fail(Check.FUNCTION, Errors.invalid(kind,
          "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds));
      return;
    }
    Optional<Integer> order = Values.compare(lower, upper);
    if (order.isPresent() && order.get() > 0) {
      fail(Check.FUNCTION, Errors.invalid(kind,
          "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + bounds));
    }
  }

  Action action(Action action) {
    Path target = path((RawPath) action.target());
    Optional<Operand> value = action.value().map(this::operand);
    if (action.clause() == Clause.ADD || action.clause() == Clause.DELETE) {
      Value v = ((Const) value.orElseThrow()).value();
      boolean allowed = v.type().endsWith("S") && v.type().length() == 2
          || action.clause() == Clause.ADD && v.type().equals("N");
      if (!allowed) {
        fail(Check.OPERAND, Errors.invalid(kind, "Incorrect operand type for operator or function; operator: "
            + action.clause() + ", operand type: " + LONG_TYPE_NAMES.get(v.type())));
      }
    }
    return new Action(action.clause(), new Attr(target), value);
  }

  /** Records an operand-count error; returns whether the count is right. */
  private boolean requireCount(String function, List<Operand> args, int count) {
    if (args.size() != count) {
      fail(kind == ExpressionKind.UPDATE ? Check.FUNCTION : Check.COUNT,
          Errors.operandCount(kind, function, args.size()));
      return false;
    }
    return true;
  }

  private void requireDistinct(String operator, Operand first, Operand second) {
    if (first instanceof Attr a && second instanceof Attr b && a.path().equals(b.path())) {
      fail(Check.DISTINCT, Errors.invalid(kind, "The first operand must be distinct from the remaining operands"
          + " for this operator or function; operator: " + operator + ", first operand: "
          + PathChecks.render(a.path())));
    }
  }

  private void requirePath(String function, Operand operand) {
    if (!(operand instanceof Attr)) {
      fail(Check.FUNCTION, Errors.requiresPath(kind, function));
    }
  }

  /** A constant operand of another type than allowed is rejected now; paths are checked against the item later. */
  private void requireConstType(String function, Operand operand, Set<String> allowed) {
    if (operand instanceof Const c && !allowed.contains(c.value().type())) {
      fail(Check.FUNCTION, Errors.operandType(kind, function, c.value().type()));
    }
  }

  /** DynamoDB's short rendering of a value in messages, e.g. {@code {N:5}}. */
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
