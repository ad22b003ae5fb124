package dev.ddbkit.integration.dax;

import dev.ddbkit.dax.DaxAwareClient;
import dev.ddbkit.integration.orders.OrdersQueryContract;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The orders query contract (1,000 orders, pages, cursors) over an unreachable real DAX cluster. */
class OrdersQueriesOverUnreachableDaxIT extends OrdersQueryContract {
  private @Nullable DaxAwareClient client;

  @Override
  protected DynamoDbClient clientUnderTest(DynamoDbClient local) {
    DaxAwareClient c = DaxAwareClient.builder().dynamoDb(local).daxEndpoint(Loopback.closedDaxEndpoint()).build();
    client = c;
    return c;
  }

  @AfterAll
  void closeClient() {
    if (client != null) {
      client.close();
    }
  }
}
