package dev.ddbkit.integration.dax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.dax.DaxAwareClient;
import dev.ddbkit.integration.orders.OrdersRepositoryContract;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The orders repository's contract over a {@link DaxAwareClient} whose real DAX client points at a closed
 * loopback port: every request is served by fallback or, once the breaker opened, straight by DynamoDB.
 */
class OrdersRepositoryOverUnreachableDaxIT extends OrdersRepositoryContract {
  private final List<DaxAwareClient> clients = new CopyOnWriteArrayList<>();

  @Override
  protected DynamoDbClient clientUnderTest(DynamoDbClient local) {
    DaxAwareClient client = DaxAwareClient.builder().dynamoDb(local).daxEndpoint(Loopback.closedDaxEndpoint()).build();
    clients.add(client);
    return client;
  }

  @AfterEach
  void noWriteWasLeftInDoubtAndNothingWasServedByDax() {
    try {
      for (DaxAwareClient client : clients) {
        assertThat(client.health().counts().writesNotResent()).isZero();
        assertThat(client.health().counts().daxAnswers()).isZero();
      }
    } finally {
      clients.forEach(DaxAwareClient::close);
    }
  }
}
