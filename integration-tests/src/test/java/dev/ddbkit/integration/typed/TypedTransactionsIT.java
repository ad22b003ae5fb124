package dev.ddbkit.integration.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.CancellationReason;
import dev.ddbkit.core.typed.DdbkitTable;
import dev.ddbkit.core.typed.DdbkitTables;
import dev.ddbkit.core.typed.IdempotentTransactions;
import dev.ddbkit.core.typed.OperationIdReusedException;
import dev.ddbkit.core.typed.TransactionResult;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Idempotent transactions over the caller's own enhanced request, on the {@link Customer} entity. */
@DynamoDbLocalTest
class TypedTransactionsIT {

  @Test
  void transaction_sentTwice_isAppliedOnce_andReplayed(TestTables testTables, DynamoDbClient client) {
    Fixture f = new Fixture(testTables, client);

    TransactionResult first = f.tx.write("upgrade-1", f.upgrade(f.customers.get(f.ada, true).orElseThrow()));
    TransactionResult second = f.tx.write("upgrade-1", f.upgrade(f.staleAda));

    assertThat(first.status()).isEqualTo(TransactionResult.Status.APPLIED);
    assertThat(second.status()).isEqualTo(TransactionResult.Status.REPLAYED);
    assertThat(f.customers.get(f.ada, true).orElseThrow().getVersion()).as("updated once").isEqualTo(2L);
    assertThat(f.customers.get(f.grace, true)).isPresent();
  }

  @Test
  void transaction_sentConcurrentlyByEightThreads_isAppliedExactlyOnce(TestTables testTables, DynamoDbClient client)
      throws Exception {
    Fixture f = new Fixture(testTables, client);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<TransactionResult>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return f.tx.write("upgrade-concurrent", f.upgrade(f.staleAda));
        }));
      }
      start.countDown();
      List<TransactionResult.Status> statuses = new ArrayList<>();
      for (Future<TransactionResult> r : results) {
        statuses.add(r.get().status());
      }

      assertThat(statuses).filteredOn(s -> s == TransactionResult.Status.APPLIED).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == TransactionResult.Status.REPLAYED).hasSize(threads - 1);
      assertThat(f.customers.get(f.ada, true).orElseThrow().getVersion()).isEqualTo(2L);
      assertThat(client.scan(s -> s.tableName(f.tx.idempotencyTable())).count()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void operationId_reusedWithOtherContent_isRejected_andWritesNothing(TestTables testTables, DynamoDbClient client) {
    Fixture f = new Fixture(testTables, client);
    f.tx.write("upgrade-2", f.upgrade(f.staleAda));
    Customer other = Customer.of("acme", "c-9", "Other", "PAID", "2026-03-01");

    assertThatThrownBy(() -> f.tx.write("upgrade-2", t -> t.addPutItem(f.customers.dynamoDbTable(), other)))
        .isInstanceOf(OperationIdReusedException.class);
    assertThat(f.customers.get(Key.builder().partitionValue("acme").sortValue("c-9").build(), true)).isEmpty();
  }

  @Test
  void cancelledTransaction_hasATypedReasonPerAction_andWritesNothing(TestTables testTables, DynamoDbClient client) {
    Fixture f = new Fixture(testTables, client);
    Customer newcomer = Customer.of("acme", "c-3", "Linus", "TRIAL", "2026-03-01");

    TransactionResult r = f.tx.write("cancelled-1", t -> t
        .addPutItem(f.customers.dynamoDbTable(), newcomer)
        .addConditionCheck(f.customers.dynamoDbTable(), c -> c.key(f.ada)
            .conditionExpression(Expression.builder().expression("tier = :t")
                .putExpressionValue(":t", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("GOLD"))
                .build())));

    assertThat(r.status()).isEqualTo(TransactionResult.Status.CANCELLED);
    assertThat(r.reasons()).hasSize(2);
    assertThat(r.failedReasons()).extracting(CancellationReason::index).containsExactly(1);
    assertThat(r.failedReasons().get(0).conditionalCheckFailed()).isTrue();
    assertThat(f.customers.get(Key.builder().partitionValue("acme").sortValue("c-3").build(), true)).isEmpty();
  }

  private static final class Fixture {
    final DdbkitTable<Customer> customers;
    final IdempotentTransactions tx;
    final Key ada = Key.builder().partitionValue("acme").sortValue("c-1").build();
    final Key grace = Key.builder().partitionValue("acme").sortValue("c-2").build();
    final Customer staleAda;

    Fixture(TestTables testTables, DynamoDbClient client) {
      String table = testTables.ensure(TypedFixture.definition()).name();
      String idempotency = testTables.ensure(IdempotentTransactions.tableDefinition("idempotency")).name();
      DdbkitTables tables = TypedFixture.tables(client);
      customers = tables.table(table, TypedFixture.SCHEMA);
      tx = tables.transactions(idempotency);
      customers.create(Customer.of("acme", "c-1", "Ada", "TRIAL", "2026-01-02"));
      staleAda = customers.get(ada, true).orElseThrow();
    }

    /** Upgrades Ada (a versioned update) and signs up Grace, in one transaction. */
    TransactWriteItemsEnhancedRequest upgrade(Customer adaAsRead) {
      Customer upgraded = copy(adaAsRead);
      upgraded.setTier("PAID");
      return TransactWriteItemsEnhancedRequest.builder()
          .addUpdateItem(customers.dynamoDbTable(), upgraded)
          .addPutItem(customers.dynamoDbTable(), Customer.of("acme", "c-2", "Grace", "PAID", "2026-01-03"))
          .build();
    }

    private static Customer copy(Customer c) {
      Customer x = Customer.of(c.getTenant(), c.getCustomerId(), c.getName(), c.getTier(), c.getSignupDate());
      x.setVersion(c.getVersion());
      return x;
    }
  }
}
