package dev.ddbkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbLocalExtensionTest {

  @Test
  void testcontainersBackend_withoutDocker_skipsTheClassWithTheReason() {
    EngineExecutionResults results = runWithBackend("testcontainers");
    if (dockerAvailable()) {
      results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
      return;
    }
    results.testEvents().assertStatistics(s -> s.started(0).failed(0));
    Event skipped = results.containerEvents().skipped().list().stream().findFirst()
        .or(() -> results.containerEvents().aborted().list().stream().findFirst())
        .orElseThrow(() -> new AssertionError("the test class was neither skipped nor aborted"));
    String reason = skipped.getPayload(Object.class).map(Object::toString).orElse("");
    assertThat(reason).contains("TESTCONTAINERS backend unavailable").contains("Docker");
  }

  @Test
  void embeddedBackend_runsTheClassAgainstDynamoDbLocal() {
    runWithBackend("embedded").testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @Test
  void testTables_injectedInBeforeAll_isNotHandedToTheTestMethods() {
    ClassAndMethodTables.SUFFIXES.clear();

    runWithBackend("embedded", ClassAndMethodTables.class).testEvents()
        .assertStatistics(s -> s.succeeded(2).failed(0));

    List<String> suffixes = ClassAndMethodTables.SUFFIXES;
    assertThat(suffixes).hasSize(3);
    assertThat(suffixes.get(0)).startsWith("class:");
    assertThat(suffixes.stream().map(x -> x.substring(x.indexOf(':') + 1)).distinct()).hasSize(3);
  }

  private static EngineExecutionResults runWithBackend(String backend) {
    return runWithBackend(backend, ListsTables.class);
  }

  private static EngineExecutionResults runWithBackend(String backend, Class<?> testClass) {
    String previous = System.getProperty(DynamoDbLocal.BACKEND_PROPERTY);
    System.setProperty(DynamoDbLocal.BACKEND_PROPERTY, backend);
    try {
      return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
    } finally {
      if (previous == null) {
        System.clearProperty(DynamoDbLocal.BACKEND_PROPERTY);
      } else {
        System.setProperty(DynamoDbLocal.BACKEND_PROPERTY, previous);
      }
    }
  }

  private static boolean dockerAvailable() {
    try {
      return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Run only through the engine test kit above. */
  @DynamoDbLocalTest
  static class ListsTables {
    @Test
    void listTables_answers(DynamoDbClient client) {
      assertThat(client.listTables().tableNames()).isNotNull();
    }
  }

  /** Run only through the engine test kit above: records the class's and each method's table suffix. */
  @DynamoDbLocalTest
  static class ClassAndMethodTables {
    static final List<String> SUFFIXES = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void recordClassTables(TestTables tables) {
      SUFFIXES.add("class:" + tables.suffix());
    }

    @Test
    void first(TestTables tables) {
      SUFFIXES.add("method:" + tables.suffix());
    }

    @Test
    void second(TestTables tables) {
      SUFFIXES.add("method:" + tables.suffix());
    }
  }
}
