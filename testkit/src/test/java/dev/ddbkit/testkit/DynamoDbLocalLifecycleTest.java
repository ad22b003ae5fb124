package dev.ddbkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ddbkit.core.table.EnsureResult;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableManager;
import dev.ddbkit.testkit.internal.EmbeddedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;

class DynamoDbLocalLifecycleTest {
  private static final String DYNAMODB_LOCAL_JOBS = "com.amazonaws.services.dynamodbv2.local.shared.jobs.";

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
    // DynamoDB Local's job threads cannot be told apart by server: they end when the last embedded server
    // in this JVM closes, so they are only checked when no other one (such as the extension's) still runs.
    boolean lastServer = EmbeddedServer.liveServers() == 0;
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(leaked(before).stream()
        .filter(t -> lastServer || !t.contains(DYNAMODB_LOCAL_JOBS))).isEmpty());
  }

  @Test
  void close_oneOfTwoServers_leavesTheOthersBackgroundJobsWorking() {
    DynamoDbLocal first = DynamoDbLocal.start();
    try (DynamoDbLocal survivor = DynamoDbLocal.start()) {
      first.clients().sync().listTables();
      DynamoDbClient client = survivor.clients().sync();
      client.createTable(r -> r.tableName("survivor")
          .keySchema(k -> k.attributeName("id").keyType("HASH"))
          .attributeDefinitions(d -> d.attributeName("id").attributeType("S"))
          .billingMode("PAY_PER_REQUEST"));
      // the survivor's GSI creation job thread exists before the first server closes
      addIndexAndAwaitActive(client, "by-a", "a");

      first.close();

      addIndexAndAwaitActive(client, "by-b", "b");
      TableManager tables = TableManager.of(client, Duration.ofSeconds(60));
      EnsureResult orders = tables.ensure(SeedTables.orders());
      assertThat(orders.created()).isTrue();
      assertThat(tables.describe(SeedTables.orders().name()).orElseThrow().globalSecondaryIndexes())
          .hasSize(2).allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE);
    } finally {
      first.close();
    }
  }

  private static void addIndexAndAwaitActive(DynamoDbClient client, String index, String attribute) {
    client.updateTable(r -> r.tableName("survivor")
        .attributeDefinitions(d -> d.attributeName(attribute).attributeType("S"))
        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index)
            .keySchema(k -> k.attributeName(attribute).keyType("HASH"))
            .projection(p -> p.projectionType("KEYS_ONLY")))));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
        client.describeTable(r -> r.tableName("survivor")).table().globalSecondaryIndexes())
        .filteredOn(i -> i.indexName().equals(index))
        .singleElement()
        .matches(i -> i.indexStatus() == IndexStatus.ACTIVE, "index " + index + " is ACTIVE"));
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
