package dev.ddbkit.emulator.internal.expr;

import dev.ddbkit.emulator.internal.expr.Ast.Action;
import dev.ddbkit.emulator.internal.expr.Ast.And;
import dev.ddbkit.emulator.internal.expr.Ast.Arithmetic;
import dev.ddbkit.emulator.internal.expr.Ast.Between;
import dev.ddbkit.emulator.internal.expr.Ast.Call;
import dev.ddbkit.emulator.internal.expr.Ast.Clause;
import dev.ddbkit.emulator.internal.expr.Ast.Comparator;
import dev.ddbkit.emulator.internal.expr.Ast.Compare;
import dev.ddbkit.emulator.internal.expr.Ast.Cond;
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
import dev.ddbkit.emulator.internal.expr.Token.Type;
import dev.ddbkit.emulator.internal.error.DynamoException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive-descent parser for the four expression grammars. Produces an {@link Ast} with placeholders still
 * unresolved; reports syntax errors and reserved words with DynamoDB's messages. Precedence in conditions:
 * comparisons and functions, then NOT, then AND, then OR.
 */
final class Parser {
  static final int MAX_EXPRESSION_BYTES = 4096;
  static final int MAX_PATH_DEPTH = 32;
  static final int MAX_IN_OPERANDS = 100;

  /** Words that are grammar, never attribute names, in condition expressions. */
  private static final Set<String> CONDITION_KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");
  static final Set<String> CONDITION_FUNCTIONS =
      Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
  static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");

  private final String text;
  private final ExpressionKind kind;
  private final List<Token> tokens;
  private int pos;

  private Parser(String text, ExpressionKind kind) {
    this.text = text;
    this.kind = kind;
    this.tokens = Tokenizer.tokenize(text);
  }

  static Cond parseCondition(String text, ExpressionKind kind) {
    Parser p = start(text, kind);
    Cond c = p.or();
    p.expect(Type.EOF);
    return c;
  }

  static List<RawPath> parseProjection(String text) {
    Parser p = start(text, ExpressionKind.PROJECTION);
    List<RawPath> paths = new ArrayList<>();
    paths.add(p.path());
    while (p.accept(Type.COMMA)) {
      paths.add(p.path());
    }
    p.expect(Type.EOF);
    return paths;
  }

  static List<Action> parseUpdate(String text) {
    Parser p = start(text, ExpressionKind.UPDATE);
    List<Action> actions = new ArrayList<>();
    Set<Clause> seen = EnumSet.noneOf(Clause.class);
    do {
      Clause clause = p.clauseKeyword().orElseThrow(p::unexpected);
      p.pos++;
      if (!seen.add(clause)) {
        throw Errors.invalid(ExpressionKind.UPDATE,
            "The \"" + clause + "\" section can only be used once in an update expression;");
      }
      do {
        actions.add(p.action(clause));
      } while (p.accept(Type.COMMA));
    } while (!p.peek().is(Type.EOF));
    return actions;
  }

  private static Parser start(String text, ExpressionKind kind) {
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_EXPRESSION_BYTES) {
      throw Errors.invalid(kind,
          "Expression size has exceeded the maximum allowed size; expression size: " + bytes);
    }
    if (text.isBlank()) {
      throw Errors.invalid(kind, "The expression can not be empty;");
    }
    return new Parser(text, kind);
  }

  // ---- conditions ----

  private Cond or() {
    Cond left = and();
    while (peek().isKeyword("OR")) {
      pos++;
      left = new Or(left, and());
    }
    return left;
  }

  private Cond and() {
    Cond left = not();
    while (peek().isKeyword("AND")) {
      pos++;
      left = new And(left, not());
    }
    return left;
  }

  private Cond not() {
    if (peek().isKeyword("NOT")) {
      pos++;
      return new Not(not());
    }
    return primary();
  }

  private Cond primary() {
    if (accept(Type.LPAREN)) {
      Cond inner = or();
      expect(Type.RPAREN);
      return inner;
    }
    Token t = peek();
    if (t.is(Type.WORD) && peek(1).is(Type.LPAREN) && !t.text().equals("size")) {
      String name = t.text();
      if (!CONDITION_FUNCTIONS.contains(name)) {
        throw unknownOrMisplacedFunction(name);
      }
      pos += 2;
      List<Operand> args = arguments();
      if (isComparator(peek())) {
        throw Errors.invalid(kind,
            "The function is not allowed to be used this way in an expression; function: " + name);
      }
      return new Call(name, args);
    }
    Operand left = conditionOperand();
    Token op = peek();
    if (isComparator(op)) {
      pos++;
      return new Compare(left, comparator(op), conditionOperand());
    }
    if (op.isKeyword("BETWEEN")) {
      pos++;
      Operand lower = conditionOperand();
      if (!peek().isKeyword("AND")) {
        throw unexpected();
      }
      pos++;
      return new Between(left, lower, conditionOperand());
    }
    if (op.isKeyword("IN")) {
      pos++;
      expect(Type.LPAREN);
      List<Operand> candidates = new ArrayList<>();
      do {
        candidates.add(conditionOperand());
      } while (accept(Type.COMMA));
      expect(Type.RPAREN);
      if (candidates.size() > MAX_IN_OPERANDS) {
        throw Errors.invalid(kind,
            "The IN operator is provided with too many operands; number of operands: " + candidates.size());
      }
      return new In(left, candidates);
    }
    if (left instanceof Function f) {
      throw Errors.invalid(kind,
          "The function is not allowed to be used this way in an expression; function: " + f.name());
    }
    throw unexpected();
  }

  /** A path, a :value or size(path). */
  private Operand conditionOperand() {
    Token t = peek();
    if (t.is(Type.WORD) && peek(1).is(Type.LPAREN)) {
      String name = t.text();
      if (!name.equals("size")) {
        if (CONDITION_FUNCTIONS.contains(name)) {
          throw Errors.invalid(kind,
              "The function is not allowed to be used this way in an expression; function: " + name);
        }
        throw unknownOrMisplacedFunction(name);
      }
      pos += 2;
      return new Function(name, arguments());
    }
    if (t.is(Type.VALUE_PLACEHOLDER)) {
      pos++;
      return new ValueRef(t.text());
    }
    return path();
  }

  private List<Operand> arguments() {
    List<Operand> args = new ArrayList<>();
    if (!peek().is(Type.RPAREN)) {
      do {
        args.add(kind == ExpressionKind.UPDATE ? updateOperand() : conditionOperand());
      } while (accept(Type.COMMA));
    }
    expect(Type.RPAREN);
    return args;
  }

  private DynamoException unknownOrMisplacedFunction(String name) {
    if (kind == ExpressionKind.UPDATE && (CONDITION_FUNCTIONS.contains(name) || name.equals("size"))) {
      return Errors.invalid(kind, "The function is not allowed in an update expression; function: " + name);
    }
    if (kind != ExpressionKind.UPDATE && UPDATE_FUNCTIONS.contains(name)) {
      return Errors.invalid(kind, "The function is not allowed in a condition expression; function: " + name);
    }
    return Errors.invalid(kind, "Invalid function name; function: " + name);
  }

  private static boolean isComparator(Token t) {
    return switch (t.type()) {
      case EQ, NE, LT, LE, GT, GE -> true;
      default -> false;
    };
  }

  private static Comparator comparator(Token t) {
    return switch (t.type()) {
      case EQ -> Comparator.EQ;
      case NE -> Comparator.NE;
      case LT -> Comparator.LT;
      case LE -> Comparator.LE;
      case GT -> Comparator.GT;
      case GE -> Comparator.GE;
      default -> throw new IllegalStateException(t.toString());
    };
  }

  // ---- update ----

  private Optional<Clause> clauseKeyword() {
    Token t = peek();
    if (t.is(Type.WORD)) {
      for (Clause c : Clause.values()) {
        if (t.text().equalsIgnoreCase(c.name())) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }

  private Action action(Clause clause) {
    RawPath target = path();
    return switch (clause) {
      case SET -> {
        expect(Type.EQ);
        Operand left = updateOperand();
        if (peek().is(Type.PLUS) || peek().is(Type.MINUS)) {
          boolean plus = peek().is(Type.PLUS);
          pos++;
          left = new Arithmetic(left, plus, updateOperand());
        }
        yield new Action(clause, target, Optional.of(left));
      }
      case REMOVE -> new Action(clause, target, Optional.empty());
      case ADD, DELETE -> {
        Token t = peek();
        if (!t.is(Type.VALUE_PLACEHOLDER)) {
          throw unexpected();
        }
        pos++;
        yield new Action(clause, target, Optional.of(new ValueRef(t.text())));
      }
    };
  }

  /** A path, a :value or a function call (if_not_exists, list_append), as SET and function arguments allow. */
  private Operand updateOperand() {
    Token t = peek();
    if (t.is(Type.WORD) && peek(1).is(Type.LPAREN)) {
      String name = t.text();
      if (!UPDATE_FUNCTIONS.contains(name)) {
        throw unknownOrMisplacedFunction(name);
      }
      pos += 2;
      return new Function(name, arguments());
    }
    if (t.is(Type.VALUE_PLACEHOLDER)) {
      pos++;
      return new ValueRef(t.text());
    }
    return path();
  }

  // ---- paths ----

  private RawPath path() {
    List<RawElement> elements = new ArrayList<>();
    elements.add(name());
    while (true) {
      if (accept(Type.DOT)) {
        elements.add(name());
      } else if (peek().is(Type.LBRACKET)) {
        pos++;
        Token index = peek();
        if (!index.is(Type.WORD) || !index.text().chars().allMatch(Character::isDigit)) {
          throw unexpected();
        }
        int value;
        try {
          value = Integer.parseInt(index.text());
        } catch (NumberFormatException e) {
          throw unexpected();
        }
        pos++;
        expect(Type.RBRACKET);
        elements.add(new IndexElement(value));
      } else {
        break;
      }
    }
    if (elements.size() > MAX_PATH_DEPTH) {
      throw Errors.invalid(kind,
          "The document path has too many nesting levels; nesting levels: " + elements.size());
    }
    return new RawPath(elements);
  }

  private NameElement name() {
    Token t = peek();
    if (t.is(Type.NAME_PLACEHOLDER)) {
      pos++;
      return new NameElement(t.text(), true);
    }
    if (!t.is(Type.WORD) || isGrammarKeyword(t)) {
      throw unexpected();
    }
    if (ReservedWords.isReserved(t.text())) {
      throw Errors.reserved(kind, t.text());
    }
    pos++;
    return new NameElement(t.text(), false);
  }

  private boolean isGrammarKeyword(Token t) {
    if (kind == ExpressionKind.UPDATE) {
      return clauseKeyword().isPresent();
    }
    return kind != ExpressionKind.PROJECTION
        && CONDITION_KEYWORDS.contains(t.text().toUpperCase(java.util.Locale.ROOT));
  }

  // ---- token helpers ----

  private Token peek() {
    return tokens.get(pos);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private boolean accept(Type type) {
    if (peek().is(type)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(Type type) {
    if (!accept(type)) {
      throw unexpected();
    }
  }

  /** DynamoDB's syntax error: the offending token and the text from the token before it to the token after. */
  private DynamoException unexpected() {
    Token t = peek();
    int from = pos > 0 ? tokens.get(pos - 1).start() : t.start();
    int to = t.is(Type.EOF) ? text.length() : peek(1).is(Type.EOF) ? t.end() : peek(1).end();
    return Errors.syntax(kind, t.text(), text.substring(from, to));
  }
}
