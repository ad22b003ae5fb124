package dev.ddbkit.integration.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.metrics.MicrometerMetrics;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.core.table.TableManager;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.testkit.fault.FaultProxy;
import dev.ddbkit.testkit.fault.FaultRule;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Credentials never reach logs, exception messages or metric tags, whatever goes wrong. */
@DynamoDbLocalTest
class SecretsNeverLeakIT {
  private static final String ACCESS_KEY = "AKIDLEAKCANARY7Q";
  private static final String SECRET_KEY = "SecretCanary0123456789abcdefXYZ";

  @Test
  void failingCalls_withMetricsAndDebugLogging_neverShowTheCredentials(DynamoDbLocal local, TestTables tables) {
    // DynamoDB Local keeps one database per access key, so the table is created with the canary credentials
    TableDefinition orders = SeedTables.orders().withName(tables.uniqueName(SeedTables.ORDERS));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<String> seen = new ArrayList<>();

    String output = capturingConsole(() -> {
      try (FaultProxy proxy = FaultProxy.builder().target(local.endpoint()).seed(7)
              .rule(FaultRule.forOperation("GetItem").throttle(1.0))
              .rule(FaultRule.forOperation("Query").serverError(1.0))
              .start();
          DdbkitClients clients = DdbkitClients.create(local.clientSettings().toBuilder()
              .endpointOverride(proxy.endpoint())
              .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
              .metrics(MicrometerMetrics.of(registry))
              .maxAttempts(2)
              .build())) {
        DynamoDbClient client = clients.sync();
        TableManager.of(client).ensure(orders);
        seen.add(clients.toString());
        seen.add(clients.settings().toString());
        Map<String, AttributeValue> key = Map.of("customer_id", AttributeValue.fromS("C-1"),
            "order_id", AttributeValue.fromS("ORD_1_00000000"));
        Map<String, AttributeValue> item = new java.util.HashMap<>(key);
        client.putItem(r -> r.tableName(orders.name()).item(item));

        seen.add(describe(failure(() -> client.getItem(r -> r.tableName(orders.name()).key(key)), "GetItem", orders.name())));
        seen.add(describe(failure(() -> client.query(r -> r.tableName(orders.name())
            .keyConditionExpression("customer_id = :c")
            .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("C-1")))), "Query", orders.name())));
        seen.add(describe(failure(() -> client.putItem(r -> r.tableName(orders.name()).item(item)
            .conditionExpression("attribute_not_exists(order_id)")), "PutItem", orders.name())));
        seen.add(describe(failure(() -> client.putItem(r -> r.tableName("no-such-table-here").item(item)),
            "PutItem", "no-such-table-here")));
        seen.add(describe(failure(() -> client.putItem(r -> r.tableName(orders.name())
            .item(Map.of("customer_id", AttributeValue.fromS("C-1")))), "PutItem", orders.name())));
      }
      return null;
    });

    List<String> tags = registry.getMeters().stream().map(Meter::getId)
        .flatMap(id -> java.util.stream.Stream.concat(java.util.stream.Stream.of(id.getName()),
            id.getTags().stream().map(Tag::getValue)))
        .toList();
    assertThat(tags).as("metrics were recorded").isNotEmpty();
    assertThat(seen).hasSize(7);
    for (String text : concat(seen, tags, List.of(output))) {
      assertThat(text).doesNotContain(SECRET_KEY).doesNotContain(ACCESS_KEY);
    }
  }

  private static DdbkitException failure(Supplier<?> call, String operation, String table) {
    Throwable thrown = catchThrowable(call::get);
    assertThat(thrown).as("%s on %s must fail", operation, table).isNotNull();
    DdbkitException translated = DdbkitErrors.translate(thrown, operation, table);
    assertThat(thrown).isInstanceOf(SdkException.class);
    return translated;
  }

  private static String describe(Throwable t) {
    StringWriter text = new StringWriter();
    t.printStackTrace(new PrintWriter(text));
    return text + " " + t;
  }

  private static List<String> concat(List<String> a, List<String> b, List<String> c) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    all.addAll(c);
    return all;
  }

  private static String capturingConsole(Supplier<Void> body) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      body.get();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    String captured = buffer.toString(StandardCharsets.UTF_8);
    out.print(captured);
    return captured;
  }
}
