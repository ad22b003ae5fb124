package dev.ddbkit.emulator.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.emulator.internal.expr.Token.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  private static List<Type> types(String text) {
    return Tokenizer.tokenize(text).stream().map(Token::type).toList();
  }

  @Test
  void tokenize_pathsPlaceholdersAndOperators_inOrder() {
    assertThat(types("#a.b[12] <> :v1"))
        .containsExactly(Type.NAME_PLACEHOLDER, Type.DOT, Type.WORD, Type.LBRACKET, Type.WORD, Type.RBRACKET,
            Type.NE, Type.VALUE_PLACEHOLDER, Type.EOF);
    assertThat(types("a<b<=c>d>=e=f")).containsExactly(Type.WORD, Type.LT, Type.WORD, Type.LE, Type.WORD,
        Type.GT, Type.WORD, Type.GE, Type.WORD, Type.EQ, Type.WORD, Type.EOF);
    assertThat(types("f(a, b) + c - d")).containsExactly(Type.WORD, Type.LPAREN, Type.WORD, Type.COMMA, Type.WORD,
        Type.RPAREN, Type.PLUS, Type.WORD, Type.MINUS, Type.WORD, Type.EOF);
  }

  @Test
  void tokenize_keepsPositionsOfTheText() {
    List<Token> tokens = Tokenizer.tokenize("  ab  = :x");
    assertThat(tokens.get(0)).isEqualTo(new Token(Type.WORD, "ab", 2, 4));
    assertThat(tokens.get(1)).isEqualTo(new Token(Type.EQ, "=", 6, 7));
    assertThat(tokens.get(2)).isEqualTo(new Token(Type.VALUE_PLACEHOLDER, ":x", 8, 10));
    assertThat(tokens.get(3)).isEqualTo(new Token(Type.EOF, "<EOF>", 10, 10));
  }

  @Test
  void tokenize_unknownCharactersAndBarePrefixes_areInvalidTokens() {
    assertThat(types("a $ b")).containsExactly(Type.WORD, Type.INVALID, Type.WORD, Type.EOF);
    assertThat(types("# :")).containsExactly(Type.INVALID, Type.INVALID, Type.EOF);
    assertThat(Tokenizer.tokenize("\uD83D\uDE00").get(0).text()).isEqualTo("\uD83D\uDE00");
  }
}
