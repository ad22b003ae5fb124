package dev.ddbkit.emulator;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** One emulator per test class and an SDK client on it; a fresh table name per test. */
abstract class EmulatorTestSupport {
  private static final AtomicInteger TABLES = new AtomicInteger();
  static DynamoDbEmulator emulator;
  static DynamoDbClient ddb;

  @BeforeAll
  static void startEmulator() {
    emulator = DynamoDbEmulator.start();
    ddb = client(emulator, "us-east-1", "AKIDEXAMPLE");
  }

  @AfterAll
  static void stopEmulator() {
    ddb.close();
    emulator.close();
  }

  static DynamoDbClient client(DynamoDbEmulator e, String region, String accessKey) {
    return DynamoDbClient.builder()
        .endpointOverride(e.endpoint())
        .region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static String tableName() {
    return "t" + TABLES.incrementAndGet() + "_" + System.nanoTime() % 100000;
  }

  /** A pay-per-request table with partition key pk (S) and, when {@code sortType} is given, sort key sk. */
  static String table(ScalarAttributeType sortType) {
    String name = tableName();
    ddb.createTable(b -> {
      b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
      if (sortType == null) {
        b.keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
            .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build());
      } else {
        b.keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
            .attributeDefinitions(
                AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                AttributeDefinition.builder().attributeName("sk").attributeType(sortType).build());
      }
    });
    return name;
  }

  static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  static AttributeValue n(String v) {
    return AttributeValue.fromN(v);
  }

  static Map<String, AttributeValue> item(Object... kv) {
    Map<String, AttributeValue> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      m.put((String) kv[i], v instanceof AttributeValue a ? a : v instanceof Number ? n(v.toString()) : s((String) v));
    }
    return m;
  }
}
