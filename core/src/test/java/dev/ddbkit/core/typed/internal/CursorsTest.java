package dev.ddbkit.core.typed.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.typed.CursorRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorsTest {
  private static final byte[] KEY = "0123456789abcdef0123".getBytes(StandardCharsets.UTF_8);
  private static final byte[] QUERY = Values.sha256("query-a".getBytes(StandardCharsets.UTF_8));
  private static final List<String> NAMES = List.of("pk", "sk", "n");
  private static final Map<String, AttributeValue> LAST = Map.of("pk", AttributeValue.fromS("acme ü"),
      "sk", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1, 7})), "n", AttributeValue.fromN("-12.5"));

  @Test
  void decode_ofAnEncodedCursor_returnsTheKeyWithItsTypes() {
    Cursors cursors = new Cursors(KEY);

    Map<String, AttributeValue> start = cursors.decode(QUERY, NAMES, cursors.encode(QUERY, NAMES, LAST));

    assertThat(start).isEqualTo(LAST);
  }

  @Test
  void decode_forAnotherQuery_isRejectedAsAnotherQuery() {
    Cursors cursors = new Cursors(KEY);
    String cursor = cursors.encode(QUERY, NAMES, LAST);

    assertThatThrownBy(() -> cursors.decode(Values.sha256(new byte[] {1}), NAMES, cursor))
        .isInstanceOf(CursorRejectedException.class).hasMessageContaining("another query");
  }

  @Test
  void decode_ofAnyAlteredByte_orAnotherSigningKey_isRejected() {
    Cursors cursors = new Cursors(KEY);
    byte[] bytes = Base64.getUrlDecoder().decode(cursors.encode(QUERY, NAMES, LAST));
    for (int i = 0; i < bytes.length; i++) {
      byte[] altered = bytes.clone();
      altered[i] ^= 0x01;
      String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
      assertThatThrownBy(() -> cursors.decode(QUERY, NAMES, tampered)).as("byte %d", i)
          .isInstanceOf(CursorRejectedException.class);
    }
    Cursors other = new Cursors("another-key-of-16+bytes".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> other.decode(QUERY, NAMES, cursors.encode(QUERY, NAMES, LAST)))
        .isInstanceOf(CursorRejectedException.class).hasMessageContaining("altered");
  }

  @Test
  void decode_ofGarbage_emptyOrTruncatedText_isRejected() {
    Cursors cursors = new Cursors(KEY);
    String cursor = cursors.encode(QUERY, NAMES, LAST);

    for (String bad : List.of("", "!!!", "abc", cursor.substring(0, cursor.length() / 2), "x".repeat(20_000))) {
      assertThatThrownBy(() -> cursors.decode(QUERY, NAMES, bad)).isInstanceOf(CursorRejectedException.class);
    }
  }

  @Test
  void decode_withOtherKeyNames_isRejected() {
    Cursors cursors = new Cursors(KEY);
    String cursor = cursors.encode(QUERY, NAMES, LAST);

    assertThatThrownBy(() -> cursors.decode(QUERY, List.of("pk", "sk"), cursor))
        .isInstanceOf(CursorRejectedException.class);
  }
}
