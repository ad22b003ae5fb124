package dev.ddbkit.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.metrics.MicrometerMetrics;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.dax.DaxHealth;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrderIds;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.transactions.IdempotencyTable;
import dev.ddbkit.transactions.OrderResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The service against the test kit's embedded DynamoDB, with DAX configured on a closed loopback port. */
@DynamoDbLocalTest
class ShopServiceTest {
  private static final byte[] CURSOR_KEY = "example-cursor-secret-32-bytes!!".getBytes(StandardCharsets.UTF_8);

  private static ShopService.Tables tables(TestTables tables) {
    return new ShopService.Tables(
        tables.ensure(SeedTables.orders()).name(),
        tables.ensure(SeedTables.metrics()).name(),
        tables.ensure(SeedTables.inventory()).name(),
        tables.ensure(SeedTables.accounts()).name(),
        tables.ensure(IdempotencyTable.definition()).name());
  }

  /** A DAX endpoint nobody listens on: every DAX attempt fails and the service falls back to DynamoDB. */
  private static String closedDaxEndpoint() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "dax://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void stock(DynamoDbClient dynamo, String table, String product, long quantity) {
    dynamo.putItem(p -> p.tableName(table).item(Map.of(
        "product_id", AttributeValue.fromS(product),
        "quantity", AttributeValue.fromN(Long.toString(quantity)),
        "updated_at", AttributeValue.fromS("2026-01-01T00:00:00.000Z"))));
  }

  private static long quantity(DynamoDbClient dynamo, String table, String product) {
    return Long.parseLong(dynamo.getItem(g -> g.tableName(table).consistentRead(true)
        .key(Map.of("product_id", AttributeValue.fromS(product)))).item().get("quantity").n());
  }

  @Test
  void placeOrder_withStock_writesOrderDecrementsStockAndCountsTheSale(
      ClientSettings settings, DynamoDbClient dynamo, TestTables testTables) {
    ShopService.Tables tables = tables(testTables);
    stock(dynamo, tables.inventory(), "sku-1", 5);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Instant before = Instant.now().minusSeconds(1);

    try (ShopService shop = new ShopService(settings, registry, Optional.of(closedDaxEndpoint()), tables,
        CURSOR_KEY)) {
      String orderId = OrderIds.next(Clock.systemUTC());          // the orders layout: ORD_<millis>_<hex>
      OrderResult result = shop.placeOrder("c-1", orderId, Map.of("sku-1", 2L));

      assertInstanceOf(OrderResult.Confirmed.class, result);
      Optional<Order> stored = shop.order("c-1", orderId);
      assertTrue(stored.isPresent(), "the order is readable through the DAX-aware client");
      assertEquals(orderId, stored.get().orderId());
      assertEquals(3, quantity(dynamo, tables.inventory(), "sku-1"));
      assertEquals(1, shop.ordersPlaced(before, Instant.now().plusSeconds(1)).count());
      DaxHealth health = shop.daxHealth();
      assertEquals(0, health.counts().daxAnswers(), "DAX is unreachable");
      assertTrue(health.counts().readFallbacks() + health.counts().circuitOpenRequests() > 0,
          "reads went to DynamoDB instead");
      assertFalse(registry.find(MicrometerMetrics.OPERATION).meters().isEmpty(),
          "DynamoDB calls are measured with Micrometer");
    }
  }

  @Test
  void placeOrder_withoutEnoughStock_writesNothing(ClientSettings settings, DynamoDbClient dynamo,
      TestTables testTables) {
    ShopService.Tables tables = tables(testTables);
    stock(dynamo, tables.inventory(), "sku-2", 1);

    try (ShopService shop = new ShopService(settings, new SimpleMeterRegistry(), Optional.empty(), tables,
        CURSOR_KEY)) {
      String orderId = OrderIds.next(Clock.systemUTC());
      OrderResult result = shop.placeOrder("c-2", orderId, Map.of("sku-2", 3L));

      assertInstanceOf(OrderResult.InsufficientStock.class, result);
      assertTrue(shop.order("c-2", orderId).isEmpty());
      assertEquals(1, quantity(dynamo, tables.inventory(), "sku-2"));
    }
  }
}
