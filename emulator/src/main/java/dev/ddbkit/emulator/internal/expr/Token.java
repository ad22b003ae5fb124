package dev.ddbkit.emulator.internal.expr;

/** One lexical token of an expression; {@code start}/{@code end} index the expression text. */
record Token(Type type, String text, int start, int end) {
  enum Type {
    WORD, NAME_PLACEHOLDER, VALUE_PLACEHOLDER, DOT, LBRACKET, RBRACKET, LPAREN, RPAREN, COMMA,
    EQ, NE, LT, LE, GT, GE, PLUS, MINUS, INVALID, EOF
  }

  boolean is(Type t) {
    return type == t;
  }

  /** Whether this is the keyword {@code keyword}, compared case-insensitively. */
  boolean isKeyword(String keyword) {
    return type == Type.WORD && text.equalsIgnoreCase(keyword);
  }
}
