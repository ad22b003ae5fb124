package dev.ddbkit.integration.dax;

import dev.ddbkit.testkit.TestClock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.dax.DaxAwareClient;
import dev.ddbkit.dax.DaxCounts;
import dev.ddbkit.dax.DaxState;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

/** The real DAX client pointed at a closed loopback port: everything must still work through DynamoDB. */
@DynamoDbLocalTest
class UnreachableDaxIT {
  private static final Logger LOG = LoggerFactory.getLogger(UnreachableDaxIT.class);

  private static Map<String, AttributeValue> order(String customer, String orderId, String status) {
    return Map.of(
        "customer_id", AttributeValue.fromS(customer),
        "order_id", AttributeValue.fromS(orderId),
        "order_date", AttributeValue.fromS("2026-01-0" + orderId.charAt(orderId.length() - 1)),
        "status", AttributeValue.fromS(status));
  }

  private static Map<String, AttributeValue> key(String customer, String orderId) {
    return Map.of("customer_id", AttributeValue.fromS(customer), "order_id", AttributeValue.fromS(orderId));
  }

  @Test
  void everyReadAndWrite_throughUnreachableDax_succeedsByFallbackToDynamoDb(DynamoDbClient ddb, TestTables tables) {
    String table = tables.ensure(SeedTables.orders()).name();
    try (DaxAwareClient client = DaxAwareClient.builder()
        .dynamoDb(ddb)
        .daxEndpoint(Loopback.closedDaxEndpoint())
        // never open, so that every single request has to go through the fallback path
        .circuitBreaker(b -> b.slidingWindowSize(100).minimumCalls(100))
        .build()) {

      client.putItem(p -> p.tableName(table).item(order("c1", "o1", "PENDING")));
      client.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
          WriteRequest.builder().putRequest(PutRequest.builder().item(order("c1", "o2", "PENDING")).build()).build(),
          WriteRequest.builder().putRequest(PutRequest.builder().item(order("c1", "o3", "PENDING")).build()).build()))));
      client.transactWriteItems(t -> t.transactItems(TransactWriteItem.builder()
          .put(Put.builder().tableName(table).item(order("c2", "o4", "PENDING")).build()).build()));
      client.updateItem(u -> u.tableName(table).key(key("c1", "o1"))
          .updateExpression("SET #s = :s")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("SHIPPED"))));
      client.deleteItem(d -> d.tableName(table).key(key("c1", "o3")));

      assertThat(client.getItem(g -> g.tableName(table).key(key("c1", "o1"))).item().get("status").s())
          .isEqualTo("SHIPPED");
      assertThat(client.query(q -> q.tableName(table).keyConditionExpression("customer_id = :c")
          .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("c1")))).items())
          .extracting(i -> i.get("order_id").s()).containsExactly("o1", "o2");
      assertThat(client.scan(s -> s.tableName(table)).count()).isEqualTo(3);
      assertThat(client.batchGetItem(b -> b.requestItems(Map.of(table,
          KeysAndAttributes.builder().keys(List.of(key("c1", "o2"), key("c2", "o4"))).build()))).responses().get(table))
          .hasSize(2);
      assertThat(client.getItem(g -> g.tableName(table).key(key("c1", "o3")).consistentRead(true)).hasItem())
          .isFalse();
      assertThat(client.transactGetItems(t -> t.transactItems(i -> i.get(g -> g.tableName(table)
          .key(key("c2", "o4"))))).responses().get(0).item()).containsEntry("status", AttributeValue.fromS("PENDING"));

      DaxCounts counts = client.health().counts();
      assertThat(counts.writeFallbacks()).isEqualTo(5);
      assertThat(counts.readFallbacks()).isEqualTo(4);
      assertThat(counts.directRequests()).isEqualTo(2);
      assertThat(counts.writesNotResent()).isZero();
      assertThat(counts.daxFailures()).isEqualTo(9);
      assertThat(counts.daxAnswers()).isZero();
      assertThat(client.health().lastError()).isPresent();
    }
  }

  @Test
  void enhancedClient_overUnreachableDax_putsAndGetsThroughDynamoDb(DynamoDbClient ddb, TestTables tables) {
    String table = tables.ensure(SeedTables.orders()).name();
    try (DaxAwareClient client = DaxAwareClient.builder()
        .dynamoDb(ddb).daxEndpoint(Loopback.closedDaxEndpoint()).build()) {
      DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
      var orders = enhanced.table(table, TableSchema.documentSchemaBuilder()
          .addIndexPartitionKey(TableMetadata.primaryIndexName(), "customer_id", AttributeValueType.S)
          .addIndexSortKey(TableMetadata.primaryIndexName(), "order_id", AttributeValueType.S)
          .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
          .build());
      orders.putItem(EnhancedDocument.builder()
          .putString("customer_id", "c9").putString("order_id", "o9").putString("status", "PENDING").build());

      EnhancedDocument read = orders.getItem(Key.builder().partitionValue("c9").sortValue("o9").build());

      assertThat(read.getString("status")).isEqualTo("PENDING");
      assertThat(client.health().counts().writeFallbacks() + client.health().counts().circuitOpenRequests())
          .isEqualTo(1);
    }
  }

  @Test
  void firstCall_throughUnreachableDax_addsAtMostTheConnectTimeout(DynamoDbClient ddb, TestTables tables) {
    String table = tables.ensure(SeedTables.orders()).name();
    ddb.putItem(p -> p.tableName(table).item(order("c1", "o1", "PENDING")));
    // load the DAX client's and Netty's classes first: the bound is about DAX being down, not about class loading
    try (DaxAwareClient warmUp = DaxAwareClient.builder().dynamoDb(ddb).daxEndpoint(Loopback.closedDaxEndpoint())
        .build()) {
      warmUp.getItem(g -> g.tableName(table).key(key("c1", "o1")));
    }
    long baselineStart = System.nanoTime();
    ddb.getItem(g -> g.tableName(table).key(key("c1", "o1")));
    Duration baseline = Duration.ofNanos(System.nanoTime() - baselineStart);
    Duration connectTimeout = Duration.ofSeconds(2);
    try (DaxAwareClient client = DaxAwareClient.builder()
        .dynamoDb(ddb).daxEndpoint(Loopback.closedDaxEndpoint()).connectTimeout(connectTimeout).build()) {

      long start = System.nanoTime();
      var item = client.getItem(g -> g.tableName(table).key(key("c1", "o1"))).item();
      Duration extra = Duration.ofNanos(System.nanoTime() - start).minus(baseline);
      LOG.info("First call through an unreachable DAX took {} more than a direct call", extra);

      assertThat(item).containsKey("status");
      assertThat(client.health().counts().readFallbacks()).isEqualTo(1);
      // bound demanded by the issue, with a generous margin for a busy machine; still far below the DAX
      // client's own defaults (6 s endpoint discovery, 60 s request timeout) that an unbounded wait would hit
      assertThat(extra).isLessThan(connectTimeout.plusSeconds(2));
    }
  }

  @Test
  void firstCall_throughSilentDax_addsAtMostTheConnectTimeout(DynamoDbClient ddb, TestTables tables) throws Exception {
    String table = tables.ensure(SeedTables.orders()).name();
    ddb.putItem(p -> p.tableName(table).item(order("c1", "o1", "PENDING")));
    Duration connectTimeout = Duration.ofSeconds(1);
    // a loopback socket that completes TCP handshakes (kernel backlog) but never answers: a hung DAX node
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        DaxAwareClient client = DaxAwareClient.builder()
            .dynamoDb(ddb)
            .daxEndpoint("dax://127.0.0.1:" + silent.getLocalPort())
            .connectTimeout(connectTimeout)
            .build()) {
      ddb.getItem(g -> g.tableName(table).key(key("c1", "o1")));
      long baselineStart = System.nanoTime();
      ddb.getItem(g -> g.tableName(table).key(key("c1", "o1")));
      Duration baseline = Duration.ofNanos(System.nanoTime() - baselineStart);

      long start = System.nanoTime();
      var item = client.getItem(g -> g.tableName(table).key(key("c1", "o1"))).item();
      Duration extra = Duration.ofNanos(System.nanoTime() - start).minus(baseline);
      LOG.info("First call through a silent DAX took {} more than a direct call", extra);

      assertThat(item).containsKey("status");
      assertThat(client.health().counts().readFallbacks()).isEqualTo(1);
      assertThat(extra).isLessThan(connectTimeout.plusSeconds(2));
    }
  }

  @Test
  void openBreaker_overRealDaxClient_makesNoDaxAttemptUntilTheCoolDownElapsed(DynamoDbClient ddb, TestTables tables)
      throws Exception {
    String table = tables.ensure(SeedTables.orders()).name();
    ddb.putItem(p -> p.tableName(table).item(order("c1", "o1", "PENDING")));
    TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    try (DynamoDbClient realDax = ClusterDaxClient.builder().overrideConfiguration(Configuration.builder()
            .url(Loopback.closedDaxEndpoint())
            .region(ddb.serviceClientConfiguration().region())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
            .connectTimeoutMillis(1000)
            .writeRetries(0)
            .build()).build()) {
      CountingClient daxSide = new CountingClient(realDax);
      try (DaxAwareClient client = DaxAwareClient.builder()
          .dynamoDb(ddb)
          .daxClient(daxSide)
          .circuitBreaker(b -> b.slidingWindowSize(3).minimumCalls(3).coolDown(Duration.ofSeconds(30)).clock(clock))
          .build()) {
        for (int i = 0; i < 3; i++) {
          client.getItem(g -> g.tableName(table).key(key("c1", "o1")));
        }
        assertThat(client.state()).isEqualTo(DaxState.OPEN);
        assertThat(daxSide.calls()).isEqualTo(3);

        for (int i = 0; i < 10; i++) {
          assertThat(client.getItem(g -> g.tableName(table).key(key("c1", "o1"))).hasItem()).isTrue();
          client.putItem(p -> p.tableName(table).item(order("c1", "o2", "PENDING")));
        }
        clock.advance(Duration.ofSeconds(29));
        client.getItem(g -> g.tableName(table).key(key("c1", "o1")));

        assertThat(daxSide.calls()).isEqualTo(3);
        assertThat(client.health().counts().circuitOpenRequests()).isEqualTo(21);
        assertThat(client.health().counts().daxAttempts()).isEqualTo(3);

        clock.advance(Duration.ofSeconds(2));
        assertThat(client.getItem(g -> g.tableName(table).key(key("c1", "o1"))).hasItem()).isTrue();

        assertThat(daxSide.calls()).as("one probe after the cool-down").isEqualTo(4);
        assertThat(client.health().counts().probes()).isEqualTo(1);
        assertThat(client.health().counts().probeFailures()).isEqualTo(1);
        assertThat(client.state()).isEqualTo(DaxState.OPEN);
      }
    }
  }

  @Test
  void endpointFromEnvironment_whenUnset_sendsEverythingToDynamoDb(DynamoDbClient ddb, TestTables tables) {
    String table = tables.ensure(SeedTables.orders()).name();
    try (DaxAwareClient client = DaxAwareClient.builder().dynamoDb(ddb).daxEndpointFrom(name -> null).build()) {
      client.putItem(p -> p.tableName(table).item(order("c1", "o1", "PENDING")));

      assertThat(client.getItem(g -> g.tableName(table).key(key("c1", "o1"))).hasItem()).isTrue();
      assertThat(client.state()).isEqualTo(DaxState.DISABLED);
      assertThat(client.health().disabledReason()).isPresent();
      assertThat(client.health().counts().daxAttempts()).isZero();
    }
  }
}
