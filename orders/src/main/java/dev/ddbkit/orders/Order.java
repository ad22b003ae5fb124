package dev.ddbkit.orders;

import dev.ddbkit.core.item.SeedTimestamps;
import dev.ddbkit.orders.internal.ItemAttributes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An order as stored in {@code orders-production}: the six attributes ddbkit manages plus the caller's own
 * attributes, kept as the {@link AttributeValue}s they were written with.
 *
 * <pre>{@code
 * Order order = orders.get("c-42", orderId).orElseThrow();
 * BigDecimal total = new BigDecimal(order.attribute("total").orElseThrow().n());
 * }</pre>
 */
public final class Order {
  /** Partition key attribute. */
  public static final String CUSTOMER_ID = "customer_id";
  /** Sort key attribute, {@code ORD_<epoch millis>_<8 lowercase hex>}. */
  public static final String ORDER_ID = "order_id";
  /** Creation day, {@code YYYY-MM-DD} in UTC; partition key of {@code OrderDateIndex}. */
  public static final String ORDER_DATE = "order_date";
  /** Creation instant, ISO-8601 UTC with milliseconds ({@code 2024-01-15T10:30:00.000Z}). */
  public static final String CREATED_AT = "created_at";
  /** Status wire value; partition key of {@code StatusIndex}. */
  public static final String STATUS = "status";
  /** TTL, epoch seconds. */
  public static final String EXPIRES_AT = "expires_at";

  /**
   * Token of the last status transition, written by {@code updateStatus} so an SDK retry of an applied
   * {@code UpdateItem} recognises its own write. Additive (the seed's code ignores it); not an order attribute.
   */
  public static final String STATUS_TOKEN = "ddbkit_status_token";

  private static final Set<String> RESERVED =
      Set.of(CUSTOMER_ID, ORDER_ID, ORDER_DATE, CREATED_AT, STATUS, EXPIRES_AT, STATUS_TOKEN);

  private final OrderKey key;
  private final LocalDate orderDate;
  private final Instant createdAt;
  private final OrderStatus status;
  private final @Nullable Instant expiresAt;
  private final Map<String, AttributeValue> attributes;

  private Order(OrderKey key, LocalDate orderDate, Instant createdAt, OrderStatus status,
      @Nullable Instant expiresAt, Map<String, AttributeValue> attributes) {
    this.key = key;
    this.orderDate = orderDate;
    this.createdAt = createdAt;
    this.status = status;
    this.expiresAt = expiresAt;
    this.attributes = attributes;
  }

  /**
   * Assembles an order from already validated parts; used by the repository when reading items.
   * {@code attributes} must not contain reserved names.
   */
  public static Order of(OrderKey key, LocalDate orderDate, Instant createdAt, OrderStatus status,
      @Nullable Instant expiresAt, Map<String, AttributeValue> attributes) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(orderDate, "orderDate");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(attributes, "attributes");
    if (attributes instanceof ItemAttributes stored) {
      return new Order(key, orderDate, createdAt, status, expiresAt, stored); // read-only, reserved names left out
    }
    for (String name : attributes.keySet()) {
      if (RESERVED.contains(name)) {
        throw new IllegalArgumentException("attributes must not contain the reserved attribute " + name + ".");
      }
    }
    return new Order(key, orderDate, createdAt, status, expiresAt,
        attributes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes)));
  }

  /** The attribute names ddbkit manages; callers may not supply them as their own attributes. */
  public static Set<String> reservedAttributeNames() {
    return RESERVED;
  }

  /** The primary key. */
  public OrderKey key() {
    return key;
  }

  /** {@code customer_id}. */
  public String customerId() {
    return key.customerId();
  }

  /** {@code order_id}. */
  public String orderId() {
    return key.orderId();
  }

  /** {@code order_date}: the UTC day of creation. */
  public LocalDate orderDate() {
    return orderDate;
  }

  /** {@code created_at}, millisecond precision. */
  public Instant createdAt() {
    return createdAt;
  }

  /** {@code status}. */
  public OrderStatus status() {
    return status;
  }

  /** {@code expires_at}; empty for items written without a TTL (the seed's transactional orders). */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /** The caller's own attributes, unmodifiable, without the reserved ones. */
  public Map<String, AttributeValue> attributes() {
    return attributes;
  }

  /** One of the caller's attributes. */
  public Optional<AttributeValue> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /** The full DynamoDB item, as written by {@code PutItem}. */
  public Map<String, AttributeValue> toItem() {
    Map<String, AttributeValue> item = new LinkedHashMap<>(attributes);
    item.put(CUSTOMER_ID, AttributeValue.fromS(key.customerId()));
    item.put(ORDER_ID, AttributeValue.fromS(key.orderId()));
    item.put(ORDER_DATE, AttributeValue.fromS(orderDate.toString()));
    item.put(CREATED_AT, AttributeValue.fromS(dev.ddbkit.orders.internal.OrderItems.formatCreatedAt(createdAt)));
    item.put(STATUS, AttributeValue.fromS(status.wireValue()));
    if (expiresAt != null) {
      item.put(EXPIRES_AT, AttributeValue.fromN(SeedTimestamps.epochSeconds(expiresAt)));
    }
    return item;
  }

  /** This order with another status, everything else unchanged. */
  public Order withStatus(OrderStatus newStatus) {
    return new Order(key, orderDate, createdAt, Objects.requireNonNull(newStatus, "status"), expiresAt, attributes);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Order other && key.equals(other.key) && orderDate.equals(other.orderDate)
        && createdAt.equals(other.createdAt) && status == other.status && Objects.equals(expiresAt, other.expiresAt)
        && attributes.equals(other.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, orderDate, createdAt, status, expiresAt, attributes);
  }

  @Override
  public String toString() {
    return "Order{" + key.customerId() + "/" + key.orderId() + ", " + status.wireValue() + ", created " + createdAt
        + ", attributes=" + attributes.keySet() + "}";
  }
}
