package dev.ddbkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.InvalidInputException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class ClientSettingsTest {

  @Test
  void defaults_areTheDocumentedOnes() {
    ClientSettings s = ClientSettings.defaults();

    assertThat(s.region()).isEmpty();
    assertThat(s.endpointOverride()).isEmpty();
    assertThat(s.credentialsProvider()).isEmpty();
    assertThat(s.maxConnections()).isEqualTo(ClientSettings.Defaults.MAX_CONNECTIONS);
    assertThat(s.connectionTimeout()).isEqualTo(ClientSettings.Defaults.CONNECTION_TIMEOUT);
    assertThat(s.socketTimeout()).isEqualTo(ClientSettings.Defaults.SOCKET_TIMEOUT);
    assertThat(s.connectionAcquisitionTimeout()).isEqualTo(ClientSettings.Defaults.CONNECTION_ACQUISITION_TIMEOUT);
    assertThat(s.apiCallTimeout()).isEqualTo(ClientSettings.Defaults.API_CALL_TIMEOUT);
    assertThat(s.apiCallAttemptTimeout()).isEqualTo(ClientSettings.Defaults.API_CALL_ATTEMPT_TIMEOUT);
    assertThat(s.retryMode()).isEqualTo(ClientSettings.RetryMode.ADAPTIVE_V2);
    assertThat(s.maxAttempts()).isEqualTo(3);
    assertThat(s.tcpKeepAlive()).isTrue();
    assertThat(s.sdkBackoff().base()).isEqualTo(Duration.ofMillis(25));
    assertThat(s.sdkBackoff().cap()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.sdkThrottlingBackoff().base()).isEqualTo(Duration.ofMillis(50));
    assertThat(s.sdkThrottlingBackoff().cap()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void sdkBackoffs_areSetAndSurviveToBuilder() {
    ClientSettings s = ClientSettings.builder()
        .sdkBackoff(Duration.ofMillis(10), Duration.ofSeconds(1))
        .sdkThrottlingBackoff(Duration.ofMillis(100), Duration.ofSeconds(3))
        .build()
        .toBuilder().build();

    assertThat(s.sdkBackoff().base()).isEqualTo(Duration.ofMillis(10));
    assertThat(s.sdkBackoff().cap()).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.sdkThrottlingBackoff().base()).isEqualTo(Duration.ofMillis(100));
    assertThat(s.sdkThrottlingBackoff().cap()).isEqualTo(Duration.ofSeconds(3));
    assertThat(s.toString()).contains("sdkBackoff=", "sdkThrottlingBackoff=");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sdkBackoff", "sdkThrottlingBackoff"})
  void badSdkBackoffs_areRejectedNamingTheSetting(String name) {
    java.util.function.BiFunction<Duration, Duration, ClientSettings.Builder> setter = (base, cap) ->
        name.equals("sdkBackoff") ? ClientSettings.builder().sdkBackoff(base, cap)
            : ClientSettings.builder().sdkThrottlingBackoff(base, cap);

    assertThatThrownBy(() -> setter.apply(Duration.ofNanos(500_000), Duration.ofSeconds(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(name + " base must be at least 1 ms but was PT0.0005S.");
    assertThatThrownBy(() -> setter.apply(Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessage(name + " base must be at least 1 ms but was PT0S.");
    assertThatThrownBy(() -> setter.apply(Duration.ofMillis(-5), Duration.ofSeconds(1)))
        .hasMessageStartingWith(name + " base must be at least 1 ms");
    assertThatThrownBy(() -> setter.apply(Duration.ofMillis(100), Duration.ofMillis(50)))
        .hasMessage(name + " cap must be at least the base (PT0.1S) but was PT0.05S.");
    assertThatThrownBy(() -> setter.apply(Duration.ofMillis(100), Duration.ofHours(2)))
        .hasMessage(name + " cap must be at most PT1H but was PT2H.");
    assertThatThrownBy(() -> setter.apply(null, Duration.ofSeconds(1))).hasMessage(name + " base must not be null.");
    assertThatThrownBy(() -> setter.apply(Duration.ofMillis(1), null)).hasMessage(name + " cap must not be null.");
    ClientSettings smallest = setter.apply(Duration.ofMillis(1), Duration.ofMillis(1)).build();
    dev.ddbkit.core.retry.Backoff applied = name.equals("sdkBackoff") ? smallest.sdkBackoff() : smallest.sdkThrottlingBackoff();
    assertThat(applied.base()).isEqualTo(Duration.ofMillis(1));
    assertThat(applied.cap()).isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void defaults_worstCaseFitsInsideTheCallTimeout() {
    Duration attempts = ClientSettings.Defaults.API_CALL_ATTEMPT_TIMEOUT.multipliedBy(ClientSettings.Defaults.MAX_ATTEMPTS);
    Duration worst = attempts.plus(ClientSettings.Defaults.SDK_WORST_CASE_BACKOFF);

    assertThat(ClientSettings.Defaults.SDK_WORST_CASE_BACKOFF).isEqualTo(Duration.ofMillis(150));
    assertThat(worst).isLessThanOrEqualTo(ClientSettings.Defaults.API_CALL_TIMEOUT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"connectionTimeout", "socketTimeout", "connectionAcquisitionTimeout", "apiCallTimeout",
      "apiCallAttemptTimeout"})
  void negativeOrZeroTimeouts_areRejectedNamingTheTimeout(String name) {
    Function<Duration, ClientSettings.Builder> setter = d -> switch (name) {
      case "connectionTimeout" -> ClientSettings.builder().connectionTimeout(d);
      case "socketTimeout" -> ClientSettings.builder().socketTimeout(d);
      case "connectionAcquisitionTimeout" -> ClientSettings.builder().connectionAcquisitionTimeout(d);
      case "apiCallTimeout" -> ClientSettings.builder().apiCallTimeout(d);
      default -> ClientSettings.builder().apiCallAttemptTimeout(d);
    };

    assertThatThrownBy(() -> setter.apply(Duration.ofMillis(-1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(name + " must be positive but was PT-0.001S.");
    assertThatThrownBy(() -> setter.apply(Duration.ZERO)).hasMessageStartingWith(name + " must be positive");
    assertThatThrownBy(() -> setter.apply(null)).hasMessage(name + " must not be null.");
  }

  @Test
  void zeroAttempts_isRejected() {
    assertThatThrownBy(() -> ClientSettings.builder().maxAttempts(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("maxAttempts must be at least 1 but was 0.");
  }

  @Test
  void zeroConnections_isRejected() {
    assertThatThrownBy(() -> ClientSettings.builder().maxConnections(0))
        .hasMessage("maxConnections must be at least 1 but was 0.");
  }

  @Test
  void attemptTimeoutAboveCallTimeout_isRejected() {
    assertThatThrownBy(() -> ClientSettings.builder().apiCallTimeout(Duration.ofSeconds(1))
        .apiCallAttemptTimeout(Duration.ofSeconds(2)).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("apiCallAttemptTimeout (PT2S) must not exceed apiCallTimeout (PT1S)");
  }

  @Test
  void relativeEndpoint_isRejected() {
    assertThatThrownBy(() -> ClientSettings.builder().endpointOverride(URI.create("localhost")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("endpointOverride must be an absolute URL");
  }

  @Test
  void nullRegionAndRetryMode_areRejected() {
    assertThatThrownBy(() -> ClientSettings.builder().region(null)).hasMessage("region must not be null.");
    assertThatThrownBy(() -> ClientSettings.builder().retryMode(null)).hasMessage("retryMode must not be null.");
  }

  @Test
  void toBuilder_keepsEveryValue_andToStringHidesCredentials() {
    ClientSettings s = ClientSettings.builder()
        .region(Region.EU_WEST_1)
        .endpointOverride(URI.create("http://localhost:8000"))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSECRET", "s3cr3t")))
        .maxConnections(7)
        .maxAttempts(5)
        .retryMode(ClientSettings.RetryMode.STANDARD)
        .tcpKeepAlive(false)
        .build();

    ClientSettings copy = s.toBuilder().build();

    assertThat(copy.region()).contains(Region.EU_WEST_1);
    assertThat(copy.endpointOverride()).contains(URI.create("http://localhost:8000"));
    assertThat(copy.credentialsProvider()).isEqualTo(s.credentialsProvider());
    assertThat(copy.maxConnections()).isEqualTo(7);
    assertThat(copy.maxAttempts()).isEqualTo(5);
    assertThat(copy.retryMode()).isEqualTo(ClientSettings.RetryMode.STANDARD);
    assertThat(copy.tcpKeepAlive()).isFalse();
    assertThat(s.toString()).doesNotContain("AKIDSECRET").doesNotContain("s3cr3t");
  }
}
