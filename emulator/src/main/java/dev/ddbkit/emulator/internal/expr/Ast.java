package dev.ddbkit.emulator.internal.expr;

import dev.ddbkit.emulator.internal.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * The syntax tree shared by all expression kinds. The parser produces operands with placeholders still in them
 * ({@link RawPath}, {@link ValueRef}); {@link Resolver} replaces them by {@link Attr} and {@link Const} before
 * anything is evaluated.
 */
final class Ast {
  private Ast() {}

  /** One element of a path as written: an attribute name or {@code #placeholder}, or a list index. */
  sealed interface RawElement permits NameElement, IndexElement {}

  record NameElement(String text, boolean placeholder) implements RawElement {}

  record IndexElement(int index) implements RawElement {}

  sealed interface Operand permits RawPath, ValueRef, Function, Arithmetic, Attr, Const {}

  /** A document path as written, e.g. {@code #a.b[2]}. */
  record RawPath(List<RawElement> elements) implements Operand {
    RawPath {
      elements = List.copyOf(elements);
    }
  }

  record ValueRef(String placeholder) implements Operand {}

  /** A function used as an operand: {@code size}, {@code if_not_exists}, {@code list_append}. */
  record Function(String name, List<Operand> args) implements Operand {
    Function {
      args = List.copyOf(args);
    }
  }

  /** {@code left + right} or {@code left - right} in a SET action. */
  record Arithmetic(Operand left, boolean plus, Operand right) implements Operand {}

  record Attr(Path path) implements Operand {}

  record Const(Value value) implements Operand {}

  sealed interface Cond permits Compare, Between, In, And, Or, Not, Call {}

  enum Comparator {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    final String symbol;

    Comparator(String symbol) {
      this.symbol = symbol;
    }
  }

  record Compare(Operand left, Comparator op, Operand right) implements Cond {}

  record Between(Operand operand, Operand lower, Operand upper) implements Cond {}

  record In(Operand operand, List<Operand> candidates) implements Cond {
    In {
      candidates = List.copyOf(candidates);
    }
  }

  record And(Cond left, Cond right) implements Cond {}

  record Or(Cond left, Cond right) implements Cond {}

  record Not(Cond operand) implements Cond {}

  /** A boolean function: attribute_exists, attribute_not_exists, attribute_type, begins_with, contains. */
  record Call(String name, List<Operand> args) implements Cond {
    Call {
      args = List.copyOf(args);
    }
  }

  enum Clause { SET, REMOVE, ADD, DELETE }

  /** One action of an UpdateExpression; {@code value} is empty for REMOVE. */
  record Action(Clause clause, Operand target, Optional<Operand> value) {}
}
