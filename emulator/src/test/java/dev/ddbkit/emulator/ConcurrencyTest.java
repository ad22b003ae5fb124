package dev.ddbkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Invariants after many threads race on the same items. */
class ConcurrencyTest extends EmulatorTestSupport {
  private static final int THREADS = 16;

  private static void runAll(int threads, Callable<Void> body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(body));
      }
      for (Future<Void> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void conditionalIncrements_fromSixteenThreads_loseNoUpdate() throws Exception {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "counter", "n", 0)));
    int perThread = 25;
    runAll(THREADS, () -> {
      for (int i = 0; i < perThread; i++) {
        while (true) {
          String current = ddb.getItem(b -> b.tableName(t).key(item("pk", "counter")).consistentRead(true))
              .item().get("n").n();
          String next = new BigInteger(current).add(BigInteger.ONE).toString();
          try {
            ddb.putItem(b -> b.tableName(t).item(item("pk", "counter", "n", AttributeValue.fromN(next)))
                .conditionExpression("n = :seen").expressionAttributeValues(Map.of(":seen", n(current))));
            break;
          } catch (ConditionalCheckFailedException lost) {
            // another thread incremented first: read again
          }
        }
      }
      return null;
    });
    assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "counter"))).item().get("n").n())
        .isEqualTo(Integer.toString(THREADS * perThread));
  }

  @Test
  void transfers_fromSixteenThreads_keepTheTotal_andNeverOverdraw() throws Exception {
    String t = table(null);
    int accounts = 8;
    for (int i = 0; i < accounts; i++) {
      int a = i;
      ddb.putItem(b -> b.tableName(t).item(item("pk", "acct" + a, "balance", 100)));
    }
    runAll(THREADS, () -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      for (int i = 0; i < 40; i++) {
        int from = random.nextInt(accounts);
        int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
        String amount = Integer.toString(1 + random.nextInt(30));
        try {
          ddb.transactWriteItems(b -> b.transactItems(
              TransactWriteItem.builder().update(u -> u.tableName(t).key(item("pk", "acct" + from))
                  .updateExpression("SET balance = balance - :a").conditionExpression("balance >= :a")
                  .expressionAttributeValues(Map.of(":a", n(amount)))).build(),
              TransactWriteItem.builder().update(u -> u.tableName(t).key(item("pk", "acct" + to))
                  .updateExpression("SET balance = balance + :a")
                  .expressionAttributeValues(Map.of(":a", n(amount)))).build()));
        } catch (TransactionCanceledException insufficient) {
          // the condition refused an overdraft
        }
      }
      return null;
    });
    long total = 0;
    for (Map<String, AttributeValue> item : ddb.scan(b -> b.tableName(t).consistentRead(true)).items()) {
      long balance = Long.parseLong(item.get("balance").n());
      assertThat(balance).isNotNegative();
      total += balance;
    }
    assertThat(total).isEqualTo(100L * accounts);
  }
}
