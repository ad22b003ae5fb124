package dev.ddbkit.emulator.internal.expr;

import dev.ddbkit.emulator.internal.expr.Token.Type;
import java.util.ArrayList;
import java.util.List;

/** Splits expression text into tokens. Never fails: characters outside the language become INVALID tokens. */
final class Tokenizer {
  private Tokenizer() {}

  static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      if (isWordChar(c)) {
        while (i < n && isWordChar(text.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Type.WORD, text.substring(start, i), start, i));
        continue;
      }
      if (c == '#' || c == ':') {
        i++;
        while (i < n && isWordChar(text.charAt(i))) {
          i++;
        }
        Type type = i == start + 1 ? Type.INVALID : c == '#' ? Type.NAME_PLACEHOLDER : Type.VALUE_PLACEHOLDER;
        tokens.add(new Token(type, text.substring(start, i), start, i));
        continue;
      }
      Type type;
      int len = 1;
      char next = i + 1 < n ? text.charAt(i + 1) : 0;
      switch (c) {
        case '.' -> type = Type.DOT;
        case '[' -> type = Type.LBRACKET;
        case ']' -> type = Type.RBRACKET;
        case '(' -> type = Type.LPAREN;
        case ')' -> type = Type.RPAREN;
        case ',' -> type = Type.COMMA;
        case '=' -> type = Type.EQ;
        case '+' -> type = Type.PLUS;
        case '-' -> type = Type.MINUS;
        case '<' -> {
          if (next == '=') {
            type = Type.LE;
            len = 2;
          } else if (next == '>') {
            type = Type.NE;
            len = 2;
          } else {
            type = Type.LT;
          }
        }
        case '>' -> {
          if (next == '=') {
            type = Type.GE;
            len = 2;
          } else {
            type = Type.GT;
          }
        }
        default -> {
          type = Type.INVALID;
          len = Character.charCount(text.codePointAt(i));
        }
      }
      i += len;
      tokens.add(new Token(type, text.substring(start, i), start, i));
    }
    tokens.add(new Token(Type.EOF, "<EOF>", n, n));
    return tokens;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
