package dev.ddbkit.conformance;

import static dev.ddbkit.conformance.Conformance.item;
import static dev.ddbkit.conformance.Conformance.n;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.conformance.Conformance.Tables;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Conditional writes and transactions from 16 threads at once: no lost update, no money created or destroyed. */
@DynamoDbLocalTest
class ConcurrencyIT {
  private static final int THREADS = 16;
  private static DynamoDbClient client;
  private static Tables tables;
  private static String table;

  @BeforeAll
  static void createTable(DynamoDbLocal local) {
    client = Conformance.client(local);
    tables = new Tables(client);
    table = tables.create("concurrency", false);
  }

  @AfterAll
  static void deleteTables() {
    tables.close();
  }

  private static <T> List<T> runInParallel(Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        futures.add(pool.submit(task));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(5, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void optimisticIncrements_fromSixteenThreads_endWithExactlyTheNumberOfSuccesses() throws Exception {
    int attemptsPerThread = 12;
    client.putItem(r -> r.tableName(table).item(item("pk", "counter", "version", n(0), "hits", n(0))));

    List<int[]> results = runInParallel(() -> {
      int successes = 0;
      int conflicts = 0;
      for (int attempt = 0; attempt < attemptsPerThread; attempt++) {
        Map<String, AttributeValue> current = client.getItem(r -> r.tableName(table).key(item("pk", "counter"))
            .consistentRead(true)).item();
        long version = Long.parseLong(current.get("version").n());
        try {
          client.updateItem(r -> r.tableName(table).key(item("pk", "counter"))
              .updateExpression("SET version = :next, hits = hits + :one").conditionExpression("version = :seen")
              .expressionAttributeValues(item(":next", n(version + 1), ":one", n(1), ":seen", n(version))));
          successes++;
        } catch (ConditionalCheckFailedException e) {
          conflicts++;
        }
      }
      return new int[] {successes, conflicts};
    });

    int successes = results.stream().mapToInt(r -> r[0]).sum();
    int conflicts = results.stream().mapToInt(r -> r[1]).sum();
    assertThat(successes + conflicts).as("every attempt succeeds or fails its condition").isEqualTo(
        THREADS * attemptsPerThread);
    Map<String, AttributeValue> counter = client.getItem(r -> r.tableName(table).key(item("pk", "counter"))
        .consistentRead(true)).item();
    assertThat(successes).isPositive();
    assertThat(counter.get("hits").n()).isEqualTo(Integer.toString(successes));
    assertThat(counter.get("version").n()).isEqualTo(Integer.toString(successes));
  }

  @Test
  void transfersInTransactions_fromSixteenThreads_conserveTheTotal() throws Exception {
    int accounts = 4;
    long opening = 1_000;
    for (int i = 0; i < accounts; i++) {
      String id = "account-" + i;
      client.putItem(r -> r.tableName(table).item(item("pk", id, "balance", n(opening))));
    }

    List<Integer> completed = runInParallel(() -> {
      Random random = new Random();
      int done = 0;
      for (int transfer = 0; transfer < 10; transfer++) {
        int from = random.nextInt(accounts);
        int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
        long amount = 1 + random.nextInt(50);
        for (int attempt = 0; attempt < 200; attempt++) {
          try {
            client.transactWriteItems(r -> r.transactItems(
                move("account-" + from, -amount, true), move("account-" + to, amount, false)));
            done++;
            break;
          } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().stream().map(CancellationReason::code)
                .anyMatch("ConditionalCheckFailed"::equals)) {
              break;
            }
          } catch (TransactionConflictException e) {
            // another transaction holds one of the items; try again
          }
        }
      }
      return done;
    });

    long total = 0;
    for (int i = 0; i < accounts; i++) {
      String id = "account-" + i;
      long balance = Long.parseLong(client.getItem(r -> r.tableName(table).key(item("pk", id)).consistentRead(true))
          .item().get("balance").n());
      assertThat(balance).isNotNegative();
      total += balance;
    }
    assertThat(total).isEqualTo(accounts * opening);
    assertThat(completed.stream().mapToInt(Integer::intValue).sum()).isPositive();
  }

  private static TransactWriteItem move(String account, long amount, boolean mustCover) {
    Update.Builder update = Update.builder().tableName(table).key(item("pk", account))
        .updateExpression("ADD balance :amount").expressionAttributeValues(mustCover
            ? item(":amount", n(amount), ":needed", n(-amount)) : item(":amount", n(amount)));
    if (mustCover) {
      update.conditionExpression("balance >= :needed");
    }
    return TransactWriteItem.builder().update(update.build()).build();
  }
}
