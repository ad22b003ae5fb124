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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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

  /** Errors DynamoDB reports only for a syntactically valid expression, in its order of precedence. */
  private enum Deferred { PARENS, UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED, SECTION }

  private final String text;
  private final ExpressionKind kind;
  private final List<Token> tokens;
  private final int[] matching;
  private final Map<Deferred, DynamoException> deferred = new EnumMap<>(Deferred.class);
  private int pos;

  private Parser(String text, ExpressionKind kind) {
    this.text = text;
    this.kind = kind;
    this.tokens = Tokenizer.tokenize(text);
    this.matching = matchParentheses(tokens);
  }

  static Cond parseCondition(String text, ExpressionKind kind) {
    Parser p = start(text, kind);
    Cond c = p.or();
    p.expect(Type.EOF);
    p.finish(Deferred.PARENS, Deferred.UNKNOWN_FUNCTION, Deferred.MISUSED_FUNCTION, Deferred.RESERVED);
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
    p.finish(Deferred.RESERVED);
    return paths;
  }

  static List<Action> parseUpdate(String text) {
    Parser p = start(text, ExpressionKind.UPDATE);
    List<Action> actions = new ArrayList<>();
    Set<Clause> seen = EnumSet.noneOf(Clause.class);
    do {
      Clause clause = clauseKeyword(p.peek()).orElseThrow(p::unexpected);
      p.pos++;
      if (!seen.add(clause)) {
        p.defer(Deferred.SECTION,
            "The \"" + clause + "\" section can only be used once in an update expression;");
      }
      do {
        actions.add(p.action(clause));
      } while (p.accept(Type.COMMA));
    } while (!p.peek().is(Type.EOF));
    p.finish(Deferred.RESERVED, Deferred.UNKNOWN_FUNCTION, Deferred.SECTION);
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

  private void defer(Deferred category, String detail) {
    deferred.putIfAbsent(category, Errors.invalid(kind, detail));
  }

  private void finish(Deferred... order) {
    for (Deferred category : order) {
      DynamoException e = deferred.get(category);
      if (e != null) {
        throw e;
      }
    }
  }

  /** For each opening parenthesis the index of its closing one (and the reverse); -1 when unbalanced. */
  private static int[] matchParentheses(List<Token> tokens) {
    int[] match = new int[tokens.size()];
    java.util.Arrays.fill(match, -1);
    java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).is(Type.LPAREN)) {
        open.push(i);
      } else if (tokens.get(i).is(Type.RPAREN) && !open.isEmpty()) {
        int o = open.pop();
        match[o] = i;
        match[i] = o;
      }
    }
    return match;
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

  /** NOT applies to one comparison, function or parenthesised condition; {@code NOT NOT x} is a syntax error. */
  private Cond not() {
    if (peek().isKeyword("NOT")) {
      pos++;
      return new Not(primary());
    }
    return primary();
  }

  private Cond primary() {
    if (peek().is(Type.LPAREN) && !parenthesisedOperand()) {
      int open = pos++;
      if (peek().is(Type.LPAREN) && matching[pos] >= 0 && matching[pos] == matching[open] - 1) {
        defer(Deferred.PARENS, "The expression has redundant parentheses;");
      }
      Cond inner = or();
      expect(Type.RPAREN);
      return inner;
    }
    Token t = peek();
    if (t.is(Type.WORD) && peek(1).is(Type.LPAREN) && !t.text().equals("size")) {
      String name = t.text();
      pos += 2;
      List<Operand> args = arguments();
      if (!continuesComparison(peek())) {
        if (!CONDITION_FUNCTIONS.contains(name)) {
          defer(Deferred.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
        }
        return new Call(name, args);
      }
      misusedFunction(name);
      return comparison(new Function(name, args));
    }
    return comparison(conditionOperand());
  }

  /** Whether the parenthesis at the current position encloses an operand, as in {@code (a) = :v}. */
  private boolean parenthesisedOperand() {
    int close = matching[pos];
    return close >= 0 && continuesComparison(tokens.get(close + 1));
  }

  private static boolean continuesComparison(Token t) {
    return isComparator(t) || t.isKeyword("BETWEEN") || t.isKeyword("IN");
  }

  private void misusedFunction(String name) {
    if (CONDITION_FUNCTIONS.contains(name) || name.equals("size")) {
      defer(Deferred.MISUSED_FUNCTION,
          "The function is not allowed to be used this way in an expression; function: " + name);
    } else {
      defer(Deferred.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
    }
  }

  private Cond comparison(Operand left) {
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
      misusedFunction(f.name());
      return new Call(f.name(), f.args());
    }
    throw unexpected();
  }

  /** A path, a :value or a function (only size is allowed here), optionally in parentheses. */
  private Operand conditionOperand() {
    Token t = peek();
    if (t.is(Type.LPAREN)) {
      int open = pos++;
      if (peek().is(Type.LPAREN) && matching[pos] >= 0 && matching[pos] == matching[open] - 1) {
        defer(Deferred.PARENS, "The expression has redundant parentheses;");
      }
      Operand inner = conditionOperand();
      expect(Type.RPAREN);
      return inner;
    }
    if (t.is(Type.WORD) && peek(1).is(Type.LPAREN)) {
      String name = t.text();
      pos += 2;
      List<Operand> args = arguments();
      if (!name.equals("size")) {
        misusedFunction(name);
      }
      return new Function(name, args);
    }
    if (t.is(Type.VALUE_PLACEHOLDER)) {
      pos++;
      return new ValueRef(t.text());
    }
    return path();
  }

  private List<Operand> arguments() {
    List<Operand> args = new ArrayList<>();
    do {
      args.add(kind == ExpressionKind.UPDATE ? updateOperandInParentheses() : conditionOperand());
    } while (accept(Type.COMMA));
    expect(Type.RPAREN);
    return args;
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

  private static Optional<Clause> clauseKeyword(Token t) {
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
        Operand value;
        if (peek().is(Type.LPAREN) && endsAction(matching[pos])) {
          pos++;
          value = setValue();
          expect(Type.RPAREN);
        } else {
          value = setValue();
        }
        yield new Action(clause, target, Optional.of(value));
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

  /** Whether the token after {@code index} ends a SET action: a comma, the next clause or the end. */
  private boolean endsAction(int index) {
    if (index < 0) {
      return false;
    }
    Token after = tokens.get(index + 1);
    return after.is(Type.EOF) || after.is(Type.COMMA) || clauseKeyword(after).isPresent();
  }

  /** {@code operand}, {@code operand + operand} or {@code operand - operand}. */
  private Operand setValue() {
    Operand left = updateOperandInParentheses();
    if (peek().is(Type.PLUS) || peek().is(Type.MINUS)) {
      boolean plus = peek().is(Type.PLUS);
      pos++;
      left = new Arithmetic(left, plus, updateOperandInParentheses());
    }
    return left;
  }

  private Operand updateOperandInParentheses() {
    if (accept(Type.LPAREN)) {
      Operand inner = updateOperand();
      expect(Type.RPAREN);
      return inner;
    }
    return updateOperand();
  }

  /** A path, a :value or a function call (if_not_exists, list_append). */
  private Operand updateOperand() {
    Token t = peek();
    if (t.is(Type.WORD) && peek(1).is(Type.LPAREN)) {
      String name = t.text();
      if (!UPDATE_FUNCTIONS.contains(name)) {
        defer(Deferred.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
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
    if (!t.is(Type.WORD) || isGrammarKeyword(t) || Character.isDigit(t.text().charAt(0))) {
      throw unexpected();
    }
    if (ReservedWords.isReserved(t.text())) {
      defer(Deferred.RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + t.text());
    }
    pos++;
    return new NameElement(t.text(), false);
  }

  private boolean isGrammarKeyword(Token t) {
    if (kind == ExpressionKind.UPDATE) {
      return clauseKeyword(t).isPresent();
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
