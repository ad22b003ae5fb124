package dev.ddbkit.readme;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.retry.DdbkitRetry;
import dev.ddbkit.dax.DaxAwareClient;
import dev.ddbkit.metrics.sharding.MetricPoint;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrdersRepository;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.transactions.OrderLine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What README snippets use without declaring: the service's clients, registry, logger and request values. The
 * build compiles every README {@code ```java} block as a method of a subclass (see {@code src/build/ReadmeSnippets.java});
 * nothing here runs.
 */
@SuppressWarnings({"NullAway", "unused"})
abstract class ReadmeContext {
  protected DaxAwareClient dynamo;
  protected TestTables tables;
  protected DynamoDbClient dynamoDb;
  protected DynamoDbAsyncClient async;
  protected ClientSettings settings;
  protected MeterRegistry meterRegistry;
  protected Logger log;
  protected DynamoDbLocal local;
  protected OrdersRepository orders;
  protected OrdersRepository repository;
  protected DdbkitRetry retry;
  protected PutItemRequest request;
  protected String table;
  protected String customerId;
  protected String orderId;
  protected @Nullable String cursor;
  protected byte[] cursorSecret;
  protected String idempotencyKey;
  protected List<WriteRequest> unprocessed;
  protected List<MetricPoint> points;
  protected Instant from;
  protected Instant to;
  protected Instant placedAt;
  protected Shipping shipping;
  protected Chart chart;

  /** What an HTTP handler returns: a page of orders and the cursor of the next one. */
  protected record OrdersResponse(List<Order> orders, @Nullable String nextCursor) {}

  protected interface Shipping {
    void schedule(Order order);
  }

  protected interface Chart {
    void add(Instant timestamp, double value);
  }

  protected ClientSettings clientSettings;
  protected ObservationRegistry observationRegistry;
  protected byte[] key;

  protected List<WriteRequest> writeBatch() {
    return List.of();
  }

  protected List<WriteRequest> writeBatch(List<WriteRequest> items) {
    return items;
  }

  protected void export(Order order) {}

  protected void ship(String customerId, String orderId, List<OrderLine> lines) {}

  protected void tell(String productId, long requested, long available) {}

  protected void showExisting(String customerId, String orderId) {}

  protected void reject(String reason) {}
}
