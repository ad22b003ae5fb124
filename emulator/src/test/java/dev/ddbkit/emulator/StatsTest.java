package dev.ddbkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class StatsTest extends EmulatorTestSupport {

  @Test
  void stats_countEveryRequestServed_andTheTimeSpentOnThem() throws InterruptedException {
    String table = table((ScalarAttributeType) null);
    DynamoDbEmulator.Stats before = waitForSettled(emulator.stats());
    int n = 25;
    for (int i = 0; i < n; i++) {
      int k = i;
      ddb.putItem(p -> p.tableName(table).item(item("pk", "k" + k, "v", "x")));
    }
    ddb.getItem(g -> g.tableName(table).key(item("pk", "missing")));
    DynamoDbEmulator.Stats served = waitFor(before, n + 1).minus(before);

    assertThat(served.requests()).isEqualTo(n + 1);
    assertThat(served.handlingTime()).isPositive();
    assertThat(served.meanPerRequest()).isPositive().isEqualTo(served.handlingTime().dividedBy(n + 1));
  }

  @Test
  void stats_ofAFreshEmulator_areZero() {
    try (DynamoDbEmulator fresh = DynamoDbEmulator.start()) {
      assertThat(fresh.stats()).isEqualTo(new DynamoDbEmulator.Stats(0, Duration.ZERO));
      assertThat(fresh.stats().meanPerRequest()).isZero();
    }
  }

  /** A request is counted just after its response is written: wait until the counter catches up. */
  private static DynamoDbEmulator.Stats waitFor(DynamoDbEmulator.Stats before, long requests)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    DynamoDbEmulator.Stats now = emulator.stats();
    while (now.requests() - before.requests() < requests && System.nanoTime() < deadline) {
      Thread.sleep(5);
      now = emulator.stats();
    }
    Thread.sleep(50); // a miscount upwards would show now
    return emulator.stats();
  }

  private static DynamoDbEmulator.Stats waitForSettled(DynamoDbEmulator.Stats first) throws InterruptedException {
    DynamoDbEmulator.Stats previous = first;
    for (int i = 0; i < 100; i++) {
      Thread.sleep(20);
      DynamoDbEmulator.Stats now = emulator.stats();
      if (now.equals(previous)) {
        return now;
      }
      previous = now;
    }
    return previous;
  }
}
