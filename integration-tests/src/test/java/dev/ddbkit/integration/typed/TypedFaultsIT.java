package dev.ddbkit.integration.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.typed.BatchGetResult;
import dev.ddbkit.core.typed.BatchWriteResult;
import dev.ddbkit.core.typed.DdbkitTable;
import dev.ddbkit.core.typed.ItemAlreadyExistsException;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.testkit.fault.Fault;
import dev.ddbkit.testkit.fault.FaultKind;
import dev.ddbkit.testkit.fault.FaultProxy;
import dev.ddbkit.testkit.fault.FaultRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The typed layer under injected faults: lost responses and unprocessed batch items (testkit's FaultProxy). */
@DynamoDbLocalTest
class TypedFaultsIT {

  @Test
  void create_whoseResponseIsLost_succeedsOnTheSdkRetry_andStoresOneItem(DynamoDbLocal local, TestTables testTables,
      DynamoDbClient direct) {
    String table = testTables.ensure(TypedFixture.definition()).name();
    try (FaultProxy proxy = lostFirstPutItem(local); DynamoDbClient client = retryingClient(local, proxy)) {
      DdbkitTable<Customer> customers = TypedFixture.tables(client).table(table, TypedFixture.SCHEMA);

      customers.create(Customer.of("acme", "c-1", "Ada", "TRIAL", "2026-01-02"));

      assertThat(proxy.counters().injected(FaultKind.DROPPED_CONNECTION, "PutItem")).as("responses lost").isEqualTo(1);
      assertThat(proxy.counters().forwarded("PutItem")).as("PutItem attempts that reached the backend").isEqualTo(2);
      List<Map<String, AttributeValue>> items = direct.scan(s -> s.tableName(table).consistentRead(true)).items();
      assertThat(items).hasSize(1);
      assertThat(items.get(0).get("name").s()).isEqualTo("Ada");
      assertThat(items.get(0).get("version").n()).isEqualTo("1");
    }
  }

  @Test
  void create_ofAnotherItemUnderTheSameKey_isStillADuplicate_afterALostResponse(DynamoDbLocal local,
      TestTables testTables, DynamoDbClient direct) {
    String table = testTables.ensure(TypedFixture.definition()).name();
    TypedFixture.tables(direct).table(table, TypedFixture.SCHEMA)
        .create(Customer.of("acme", "c-1", "Ada", "TRIAL", "2026-01-02"));
    try (FaultProxy proxy = lostFirstPutItem(local); DynamoDbClient client = retryingClient(local, proxy)) {
      DdbkitTable<Customer> customers = TypedFixture.tables(client).table(table, TypedFixture.SCHEMA);

      assertThatThrownBy(() -> customers.create(Customer.of("acme", "c-1", "Grace", "PAID", "2026-01-03")))
          .isInstanceOf(ItemAlreadyExistsException.class);
      assertThat(direct.getItem(g -> g.tableName(table).key(Map.of("tenant", AttributeValue.fromS("acme"),
          "customerId", AttributeValue.fromS("c-1"))).consistentRead(true)).item().get("name").s()).isEqualTo("Ada");
    }
  }

  @Test
  void batchOfAThousand_underInjectedUnprocessedItems_losesNothing(DynamoDbLocal local, TestTables testTables,
      DynamoDbClient direct) {
    String table = testTables.ensure(TypedFixture.definition()).name();
    try (FaultProxy proxy = FaultProxy.builder().target(local.endpoint()).seed(16)
        .rule(FaultRule.forOperation("BatchWriteItem", "BatchGetItem").unprocessed(0.6, 0.5)).start();
        DynamoDbClient client = retryingClient(local, proxy)) {
      DdbkitTable<Customer> customers = TypedFixture.tables(client).table(table, TypedFixture.SCHEMA);
      List<Customer> all = new ArrayList<>();
      List<Key> keys = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        all.add(Customer.of("tenant-" + (i % 7), "c-" + i, "name-" + i, "PAID", "2026-01-01"));
        keys.add(Key.builder().partitionValue("tenant-" + (i % 7)).sortValue("c-" + i).build());
      }

      BatchWriteResult<Customer> written = customers.putAll(all);
      BatchGetResult<Customer> read = customers.getAll(keys, true);

      assertThat(proxy.counters().injected(FaultKind.UNPROCESSED, "BatchWriteItem")).as("writes held back").isPositive();
      assertThat(proxy.counters().injected(FaultKind.UNPROCESSED, "BatchGetItem")).as("reads held back").isPositive();
      assertThat(written.allWritten()).isTrue();
      assertThat(written.written()).isEqualTo(1000);
      assertThat(written.requests()).isGreaterThan(40);
      assertThat(read.complete()).isTrue();
      assertThat(read.missing()).isEmpty();
      assertThat(read.items()).hasSize(1000);
      assertThat(read.items().get(999).getName()).isEqualTo("name-999");
      long stored = 0;
      for (var page : direct.scanPaginator(s -> s.tableName(table).consistentRead(true))) {
        stored += page.count();
      }
      assertThat(stored).as("items stored, read back directly").isEqualTo(1000);
    }
  }

  private static FaultProxy lostFirstPutItem(DynamoDbLocal local) {
    return FaultProxy.builder().target(local.endpoint())
        .rule(FaultRule.forOperation("PutItem").inject(Fault.dropConnectionAfterForwarding(), 1.0).times(1))
        .start();
  }

  private static DynamoDbClient retryingClient(DynamoDbLocal local, FaultProxy proxy) {
    return DdbkitClients.newSyncClient(local.clientSettings().toBuilder().endpointOverride(proxy.endpoint())
        .retryMode(ClientSettings.RetryMode.STANDARD).maxAttempts(3).build());
  }
}
