package dev.ddbkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbLocalLifecycleTest {

  @Test
  void start_embedded_answersOverHttpOnLoopbackAndReportsStartupTime() {
    try (DynamoDbLocal local = DynamoDbLocal.start()) {
      assertThat(local.backend()).isEqualTo(Backend.EMBEDDED);
      assertThat(local.endpoint().getHost()).isEqualTo("127.0.0.1");
      assertThat(local.endpoint().getScheme()).isEqualTo("http");
      assertThat(local.startupTime()).isPositive().isLessThan(Duration.ofSeconds(60));
      DynamoDbClient client = local.clients().sync();
      assertThat(client.listTables().tableNames()).isEmpty();
    }
  }

  @Test
  void close_releasesPortAndThreads() throws IOException {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    int port;
    try (DynamoDbLocal local = DynamoDbLocal.start()) {
      port = local.endpoint().getPort();
      local.clients().sync().listTables();
      assertThat(portIsFree(port)).as("port %d is taken while the server runs", port).isFalse();
    }
    assertThat(portIsFree(port)).as("port %d is free after close", port).isTrue();
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(leaked(before)).isEmpty());
  }

  @Test
  void start_twoServers_areIndependent() {
    try (DynamoDbLocal a = DynamoDbLocal.start(); DynamoDbLocal b = DynamoDbLocal.start()) {
      assertThat(a.endpoint()).isNotEqualTo(b.endpoint());
      a.clients().sync().createTable(r -> r.tableName("only-in-a")
          .keySchema(k -> k.attributeName("id").keyType("HASH"))
          .attributeDefinitions(d -> d.attributeName("id").attributeType("S"))
          .billingMode("PAY_PER_REQUEST"));
      assertThat(a.clients().sync().listTables().tableNames()).containsExactly("only-in-a");
      assertThat(b.clients().sync().listTables().tableNames()).isEmpty();
    }
  }

  private static Set<String> leaked(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.isAlive())
        // threads owned by the JVM or the test engine, not by the server
        .filter(t -> !t.getName().startsWith("awaitility") && !t.getName().startsWith("Attach Listener") && !t.getName().startsWith("process reaper")
            && !t.getName().startsWith("Common-Cleaner") && !t.getName().startsWith("ForkJoinPool.commonPool"))
        .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : "") + " at " + java.util.Arrays.toString(t.getStackTrace()))
        .collect(Collectors.toSet());
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
