package dev.ddbkit.integration.dax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.dax.DaxAwareClient;
import dev.ddbkit.integration.orders.OrdersRepositoryContract;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The orders repository's contract over a {@link DaxAwareClient} whose DAX side is a healthy stand-in:
 * reads and writes take the DAX path, and the request's own errors (duplicates, status conflicts) must come
 * back exactly as DynamoDB raises them without ever counting against DAX.
 */
class OrdersRepositoryOverHealthyDaxIT extends OrdersRepositoryContract {
  private final List<DaxAwareClient> clients = new CopyOnWriteArrayList<>();

  @Override
  protected DynamoDbClient clientUnderTest(DynamoDbClient local) {
    DaxAwareClient client = DaxAwareClient.builder().dynamoDb(local).daxClient(new StandInDax(local)).build();
    clients.add(client);
    return client;
  }

  @AfterEach
  void daxNeverFailedAndNothingFellBack() {
    try {
      for (DaxAwareClient client : clients) {
        assertThat(client.health().counts().daxFailures()).isZero();
        assertThat(client.health().counts().readFallbacks() + client.health().counts().writeFallbacks()).isZero();
      }
    } finally {
      clients.forEach(DaxAwareClient::close);
    }
  }
}
