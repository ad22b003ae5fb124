package dev.ddbkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;

/** The optional throughput model, with a clock the test moves by hand. */
class ThroughputTest {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  private final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  private DynamoDbEmulator emulator;
  private DynamoDbClient ddb;

  @BeforeEach
  void start() {
    emulator = DynamoDbEmulator.builder().clock(clock).enforceThroughput(true).start();
    ddb = DynamoDbClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()))
        .build();
  }

  @AfterEach
  void stop() {
    ddb.close();
    emulator.close();
  }

  private void createTable(String name, BillingMode mode) {
    ddb.createTable(b -> {
      b.tableName(name).billingMode(mode)
          .keySchema(k -> k.attributeName("pk").keyType("HASH"))
          .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S));
      if (mode == BillingMode.PROVISIONED) {
        b.provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L));
      }
    });
  }

  private void putKb(String table, String pk, int kb) {
    ddb.putItem(b -> b.tableName(table).item(EmulatorTestSupport.item("pk", pk, "data", "x".repeat(kb * 1024 - 100))));
  }

  @Test
  void provisionedTable_throttlesOnceItsBurstIsSpent_andRecoversAsTheClockMoves() {
    createTable("provisioned", BillingMode.PROVISIONED);
    putKb("provisioned", "a", 300);   // 300 WCU: the whole burst of a 1 WCU table

    assertThatThrownBy(() -> putKb("provisioned", "b", 1))
        .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> assertThat(e.throttlingReasons())
            .extracting(ThrottlingReason::reason, ThrottlingReason::resource)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("TableWriteProvisionedThroughputExceeded",
                "arn:aws:dynamodb:us-east-1:000000000000:table/provisioned")));

    now.set(now.get().plus(Duration.ofSeconds(2)));
    putKb("provisioned", "b", 1);
    assertThat(ddb.getItem(b -> b.tableName("provisioned").key(EmulatorTestSupport.item("pk", "b"))).hasItem()).isTrue();
  }

  @Test
  void hotPartitionKey_isThrottledOnDemandToo_whileOtherKeysAreNot() {
    createTable("ondemand", BillingMode.PAY_PER_REQUEST);
    putKb("ondemand", "hot", 390);
    putKb("ondemand", "hot", 390);
    putKb("ondemand", "hot", 390);   // admitted with 220 units left, leaves the key's bucket below zero

    assertThatThrownBy(() -> putKb("ondemand", "hot", 1))
        .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> assertThat(e.throttlingReasons())
            .extracting(ThrottlingReason::reason).containsExactly("TableWriteKeyRangeThroughputExceeded"));
    putKb("ondemand", "cold", 1);

    now.set(now.get().plus(Duration.ofSeconds(1)));
    putKb("ondemand", "hot", 1);
  }

  @Test
  void throughputIsNotEnforcedByDefault() {
    try (DynamoDbEmulator plain = DynamoDbEmulator.builder().clock(clock).start();
         DynamoDbClient client = EmulatorTestSupport.client(plain, "us-east-1", "k")) {
      client.createTable(b -> b.tableName("plain").billingMode(BillingMode.PROVISIONED)
          .keySchema(k -> k.attributeName("pk").keyType("HASH"))
          .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S))
          .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)));
      for (int i = 0; i < 3; i++) {
        String pk = "k" + i;
        client.putItem(b -> b.tableName("plain").item(EmulatorTestSupport.item("pk", pk, "data", "x".repeat(390 * 1024))));
      }
      assertThat(client.scan(b -> b.tableName("plain")).count()).isEqualTo(3);
    }
  }
}
