package dev.ddbkit.example;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.metrics.MicrometerMetrics;
import dev.ddbkit.dax.DaxAwareClient;
import dev.ddbkit.dax.DaxHealth;
import dev.ddbkit.dax.DaxMicrometerMetrics;
import dev.ddbkit.metrics.sharding.MetricAggregate;
import dev.ddbkit.metrics.sharding.ShardSelector;
import dev.ddbkit.metrics.sharding.ShardedMetrics;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrdersRepository;
import dev.ddbkit.transactions.DdbkitTransactions;
import dev.ddbkit.transactions.OrderResult;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A small shop service on every ddbkit module: orders placed with a transaction (stock and order together),
 * read back through the orders repository over a DAX-aware client that falls back to DynamoDB, sales
 * recorded as sharded metrics, and everything measured with Micrometer.
 */
public final class ShopService implements AutoCloseable {

  /** The tables the service works on; in production the seed's names, in tests unique ones. */
  public record Tables(String orders, String metrics, String inventory, String accounts, String idempotency) {}

  private final DdbkitClients clients;
  private final DaxAwareClient dynamo;
  private final OrdersRepository orders;
  private final ShardedMetrics sales;
  private final DdbkitTransactions transactions;

  /**
   * @param settings    where DynamoDB is and how clients behave; its metrics hook is replaced by Micrometer's
   * @param registry    where DynamoDB calls and DAX outcomes are counted
   * @param daxEndpoint {@code dax://host:port}, or empty for no DAX
   * @param tables      the tables to use
   * @param cursorKey   the secret that signs pagination cursors, at least 16 bytes
   */
  public ShopService(ClientSettings settings, MeterRegistry registry, Optional<String> daxEndpoint, Tables tables,
      byte[] cursorKey) {
    ClientSettings measured = settings.toBuilder().metrics(MicrometerMetrics.of(registry)).build();
    this.clients = DdbkitClients.create(measured);
    this.dynamo = DaxAwareClient.builder()
        .dynamoDb(clients.sync())
        .daxEndpoint(daxEndpoint.orElse(""))
        .connectTimeout(Duration.ofMillis(500))
        .listener(DaxMicrometerMetrics.of(registry))
        .metrics(measured.metrics())
        .build();
    this.orders = OrdersRepository.builder()
        .client(dynamo)
        .tableName(tables.orders())
        .cursorKey(cursorKey)
        .build();
    this.sales = ShardedMetrics.create(clients.async(), tables.metrics(), c -> c
        .shardCount(4)
        .selector(ShardSelector.roundRobin()));
    this.transactions = DdbkitTransactions.create(dynamo, t -> t
        .ordersTable(tables.orders())
        .inventoryTable(tables.inventory())
        .accountsTable(tables.accounts())
        .idempotencyTable(tables.idempotency()));
  }

  /** Places an order: stock of every product is decremented and the order written, or nothing is. */
  public OrderResult placeOrder(String customerId, String orderId, Map<String, Long> lines) {
    OrderResult result = transactions.processOrder(o -> {
      o.customerId(customerId).orderId(orderId);
      lines.forEach(o::line);
    });
    if (result instanceof OrderResult.Confirmed) {
      sales.put("orders_placed", Instant.now(), 1);
    }
    return result;
  }

  /** The order as stored, read through DAX when it answers and DynamoDB otherwise. */
  public Optional<Order> order(String customerId, String orderId) {
    return orders.get(customerId, orderId);
  }

  /** How many orders were placed between two instants, across every shard. */
  public MetricAggregate ordersPlaced(Instant from, Instant to) {
    return sales.aggregate("orders_placed", from, to);
  }

  /** DAX's state for a health endpoint; no network call. */
  public DaxHealth daxHealth() {
    return dynamo.health();
  }

  @Override
  public void close() {
    dynamo.close();
    clients.close();
  }
}
