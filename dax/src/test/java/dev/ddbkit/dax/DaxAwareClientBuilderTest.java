package dev.ddbkit.dax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.InvalidInputException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DaxAwareClientBuilderTest {

  /** Never called: the builder must not contact anything. */
  private static final DynamoDbClient UNUSED = new DynamoDbClient() {
    @Override
    public String serviceName() {
      return "unused";
    }

    @Override
    public void close() {}
  };

  @Test
  void build_withoutDynamoDb_isRejectedNamingIt() {
    assertThatThrownBy(() -> DaxAwareClient.builder().build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("dynamoDb");
  }

  @Test
  void daxEndpoint_withoutDaxScheme_isRejected() {
    assertThatThrownBy(() -> DaxAwareClient.builder().daxEndpoint("http://localhost:8111"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("dax://");
  }

  @Test
  void build_withEndpointAndDaxClient_isRejected() {
    assertThatThrownBy(() -> DaxAwareClient.builder().dynamoDb(UNUSED).daxEndpoint("dax://127.0.0.1:1")
        .daxClient(UNUSED).build())
        .hasMessageContaining("either daxEndpoint or daxClient");
  }

  @Test
  void connectTimeout_zero_isRejected() {
    assertThatThrownBy(() -> DaxAwareClient.builder().connectTimeout(Duration.ZERO))
        .hasMessageContaining("connectTimeout");
  }

  @Test
  void build_withoutEndpoint_isDisabledWithAReason() {
    try (DaxAwareClient client = DaxAwareClient.builder().dynamoDb(UNUSED).daxEndpointFrom(Map.<String, String>of()::get).build()) {
      assertThat(client.state()).isEqualTo(DaxState.DISABLED);
      assertThat(client.health().disabledReason()).hasValueSatisfying(r -> assertThat(r).contains("DAX_ENDPOINT"));
      assertThat(client.health().degraded()).isFalse();
    }
  }

  @Test
  void build_withEndpointFromEnvironmentMap_isClosedAndDoesNotConnectYet() {
    try (DaxAwareClient client = DaxAwareClient.builder().dynamoDb(UNUSED)
        .daxEndpointFrom(Map.of("DAX_ENDPOINT", "dax://127.0.0.1:1")::get).build()) {
      assertThat(client.state()).isEqualTo(DaxState.CLOSED);
      assertThat(client.health().endpoint()).contains("dax://127.0.0.1:1");
      assertThat(client.health().counts().daxAttempts()).isZero();
    }
  }

  @Test
  void daxRoute_tag_isLowerCase() {
    assertThat(DaxRoute.DYNAMODB_READ_FALLBACK.tag()).isEqualTo("dynamodb_read_fallback");
  }
}
