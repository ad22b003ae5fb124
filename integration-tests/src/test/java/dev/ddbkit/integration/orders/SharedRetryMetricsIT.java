package dev.ddbkit.integration.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.metrics.MicrometerMetrics;
import dev.ddbkit.core.retry.DdbkitRetry;
import dev.ddbkit.core.retry.RetrySettings;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.integration.TestCursorKeys;
import dev.ddbkit.orders.OrderStatus;
import dev.ddbkit.orders.OrdersRepository;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Issue 13, point 5: one retry shared by two repositories counts each retry once, under the table of the
 * repository that made it, and builds add no event subscribers.
 */
@DynamoDbLocalTest
class SharedRetryMetricsIT {

  @Test
  void oneRetrySharedByTwoRepositories_countsEveryRetryOnceUnderItsOwnTable(DynamoDbClient client, TestTables tables) {
    String first = tables.ensure(SeedTables.orders()).name();
    String second = tables.uniqueName("orders-second");
    tables.ensure(SeedTables.orders().withName("orders-second"));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<Duration> waits = new CopyOnWriteArrayList<>();
    DdbkitRetry shared = DdbkitRetry.of("shared", RetrySettings.builder().maxAttempts(10).sleeper(waits::add).build(),
        MicrometerMetrics.of(registry));
    PartialBatches firstPartial = new PartialBatches(client, 2);
    PartialBatches secondPartial = new PartialBatches(client, 3);
    OrdersRepository a = repository(firstPartial.client(), first, shared);
    OrdersRepository b = repository(secondPartial.client(), second, shared);
    repository(client, first, shared);   // more builds on the same retry must not add subscribers
    for (int i = 0; i < 8; i++) {
      a.create(o -> o.customerId("c").status(OrderStatus.SHIPPED));
      b.create(o -> o.customerId("c").status(OrderStatus.SHIPPED));
    }

    assertThat(a.byStatus(OrderStatus.SHIPPED, q -> q.pageSize(8)).items()).hasSize(8);
    assertThat(b.byStatus(OrderStatus.SHIPPED, q -> q.pageSize(8)).items()).hasSize(8);

    assertThat(waits).hasSize(5);
    assertThat(retries(registry, first)).isEqualTo(2.0);
    assertThat(retries(registry, second)).isEqualTo(3.0);
  }

  private static OrdersRepository repository(DynamoDbClient client, String table, DdbkitRetry retry) {
    return OrdersRepository.builder().client(client).tableName(table).cursorKey(TestCursorKeys.fixed()).retry(retry)
        .build();
  }

  private static double retries(SimpleMeterRegistry registry, String table) {
    var counter = registry.find("ddbkit.retries").tags("operation", "BatchGetItem", "table", table, "source", "ddbkit")
        .counter();
    return counter == null ? 0 : counter.count();
  }
}
