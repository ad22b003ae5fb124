package dev.ddbkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackendSelectionTest {

  @Test
  void configuredBackend_withoutConfiguration_isEmbedded() {
    String previous = System.getProperty(DynamoDbLocal.BACKEND_PROPERTY);
    try {
      System.clearProperty(DynamoDbLocal.BACKEND_PROPERTY);
      if (System.getenv(DynamoDbLocal.BACKEND_ENV) == null && System.getenv(DynamoDbLocal.ENDPOINT_ENV) == null) {
        assertThat(DynamoDbLocal.configuredBackend()).isEqualTo(Backend.EMBEDDED);
      }
      System.setProperty(DynamoDbLocal.BACKEND_PROPERTY, "Testcontainers");
      assertThat(DynamoDbLocal.configuredBackend()).isEqualTo(Backend.TESTCONTAINERS);
      System.setProperty(DynamoDbLocal.BACKEND_PROPERTY, "docker-please");
      assertThatThrownBy(DynamoDbLocal::configuredBackend)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("docker-please")
          .hasMessageContaining("embedded, testcontainers or external");
    } finally {
      if (previous == null) {
        System.clearProperty(DynamoDbLocal.BACKEND_PROPERTY);
      } else {
        System.setProperty(DynamoDbLocal.BACKEND_PROPERTY, previous);
      }
    }
  }

  @Test
  void start_testcontainers_startsWithDockerOrExplainsWhyNot() {
    boolean docker;
    try {
      docker = org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      docker = false;
    }
    if (docker) {
      try (DynamoDbLocal local = DynamoDbLocal.start(Backend.TESTCONTAINERS)) {
        assertThat(local.clients().sync().listTables().tableNames()).isEmpty();
      }
    } else {
      assertThatThrownBy(() -> DynamoDbLocal.start(Backend.TESTCONTAINERS))
          .isInstanceOf(BackendUnavailableException.class)
          .hasMessageContaining("TESTCONTAINERS backend unavailable")
          .hasMessageContaining("Docker");
    }
  }

  @Test
  void external_loopbackEndpoint_isReachedWithTestCredentials() {
    try (DynamoDbLocal embedded = DynamoDbLocal.start();
        DynamoDbLocal external = DynamoDbLocal.external(embedded.endpoint())) {
      assertThat(external.backend()).isEqualTo(Backend.EXTERNAL);
      embedded.clients().sync().createTable(r -> r.tableName("seen-by-both")
          .keySchema(k -> k.attributeName("id").keyType("HASH"))
          .attributeDefinitions(d -> d.attributeName("id").attributeType("S"))
          .billingMode("PAY_PER_REQUEST"));
      assertThat(external.clients().sync().listTables().tableNames()).containsExactly("seen-by-both");
    }
  }
}
