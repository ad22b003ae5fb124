package dev.ddbkit.orders.internal;

import dev.ddbkit.core.error.ErrorContext;
import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.item.SeedTimestamps;
import dev.ddbkit.orders.MalformedOrderException;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrderKey;
import dev.ddbkit.orders.OrderStatus;
import dev.ddbkit.orders.UnknownOrderStatusException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The seed's item layout: formats, checks, id generation, sort-key bounds, and item to {@link Order}. */
public final class OrderItems {
  /** Prefix of every order id. */
  public static final String ID_PREFIX = "ORD_";
  /** Smallest epoch millis with 13 digits (2001-09-09T01:46:40Z): ids sort by time only within 13 digits. */
  static final long MIN_ID_MILLIS = 1_000_000_000_000L;
  /** Largest epoch millis with 13 digits (2286-11-20T17:46:39.999Z). */
  static final long MAX_ID_MILLIS = 9_999_999_999_999L;

  private OrderItems() {}

  /** Returns {@code customerId} if it is a valid partition key value. */
  public static String checkCustomerId(@Nullable String customerId) {
    return Require.partitionKey(customerId, "customerId");
  }

  /** Returns {@code orderId} if it is a valid sort key value. */
  public static String checkOrderId(@Nullable String orderId) {
    return Require.sortKey(orderId, "orderId");
  }

  /** Returns {@code date} if it can be written as {@code YYYY-MM-DD}. */
  public static LocalDate checkDate(@Nullable LocalDate date, String name) {
    Require.nonNull(date, name);
    Require.argument(date.getYear() >= 0 && date.getYear() <= 9999, name,
        name + " must be between years 0000 and 9999 to be written as YYYY-MM-DD but was " + date + ".");
    return date;
  }

  /** {@code created_at} as the seed writes it (JavaScript's {@code toISOString()}): {@code 2024-01-15T10:30:00.000Z}. */
  public static String formatCreatedAt(Instant instant) {
    return SeedTimestamps.isoMillis(instant);
  }

  /** {@code order_date}: the UTC day of {@code instant}, {@code YYYY-MM-DD}. */
  public static LocalDate orderDate(Instant instant) {
    return SeedTimestamps.utcDay(instant);
  }

  /** A new order id {@code ORD_<epoch millis>_<8 lowercase hex>}. */
  public static String newOrderId(Instant createdAt, RandomGenerator random) {
    String hex = Integer.toHexString(random.nextInt());
    return ID_PREFIX + createdAt.toEpochMilli() + "_" + "00000000".substring(hex.length()) + hex;
  }

  /**
   * The smallest {@code order_id} of an order created at or after {@code from}, or null when every id
   * qualifies. Sub-millisecond parts round up: an order created at {@code .000} precedes {@code .0005}.
   */
  public static @Nullable String lowerIdBound(Instant from) {
    long millis = from.truncatedTo(ChronoUnit.MILLIS).equals(from) ? from.toEpochMilli() : from.toEpochMilli() + 1;
    if (millis < MIN_ID_MILLIS) {
      return null;
    }
    return millis > MAX_ID_MILLIS ? ID_PREFIX + "~" : ID_PREFIX + millis + "_";
  }

  /**
   * The largest {@code order_id} of an order created at or before {@code until}, or null when every id
   * qualifies. {@code ~} sorts after every hex digit, so all ids of the last millisecond are included
   * (the seed's {@code ORD_<end>} bound of a day's start drops that day's orders).
   */
  public static @Nullable String upperIdBound(Instant until) {
    long millis = until.toEpochMilli();
    if (millis > MAX_ID_MILLIS) {
      return null;
    }
    return millis < MIN_ID_MILLIS ? ID_PREFIX : ID_PREFIX + millis + "_~";
  }

  /** The item {@code PutItem} writes for a new order. */
  public static Map<String, AttributeValue> toItem(OrderKey key, Instant createdAt, OrderStatus status,
      Instant expiresAt, Map<String, AttributeValue> attributes) {
    return Order.of(key, orderDate(createdAt), createdAt, status, expiresAt, attributes).toItem();
  }

  /**
   * Reads an order; throws {@link MalformedOrderException} if {@code item} lacks the layout. The order keeps
   * a view of {@code item}'s own attributes, so {@code item} must never change (SDK response maps do not).
   */
  public static Order fromItem(Map<String, AttributeValue> item, ErrorContext context) {
    String customerId = string(item, Order.CUSTOMER_ID, context);
    String orderId = string(item, Order.ORDER_ID, context);
    OrderKey key;
    try {
      key = new OrderKey(customerId, orderId);
    } catch (RuntimeException e) {
      throw MalformedOrderException.of("Item " + keyDescription(item) + " has no valid order key: " + e.getMessage(),
          context, e, null);
    }
    Instant createdAt = SeedTimestamps.parseIso(string(item, Order.CREATED_AT, context)).orElseThrow(
        () -> MalformedOrderException.of("Attribute created_at" + where(key) + " is not an ISO-8601 instant.",
            context, null, key));
    AttributeValue date = item.get(Order.ORDER_DATE);
    // the seed's transactional orders carry no order_date; their day is created_at's UTC day
    LocalDate orderDate = date == null ? orderDate(createdAt)
        : SeedTimestamps.parseDay(string(item, Order.ORDER_DATE, context)).orElseThrow(
            () -> MalformedOrderException.of("Attribute order_date" + where(key) + " is not YYYY-MM-DD.", context,
                null, key));
    OrderStatus status;
    try {
      status = OrderStatus.fromWire(string(item, Order.STATUS, context));
    } catch (UnknownOrderStatusException e) {
      throw MalformedOrderException.of("Attribute status" + where(key) + ": " + e.getMessage(), context, e, key);
    }
    Instant expiresAt = null;
    AttributeValue ttl = item.get(Order.EXPIRES_AT);
    if (ttl != null) {
      try {
        expiresAt = Instant.ofEpochSecond(Long.parseLong(ttl.n()));
      } catch (RuntimeException e) {
        throw MalformedOrderException.of("Attribute expires_at" + where(key) + " is not a number of epoch seconds.",
            context, e, key);
      }
    }
    return Order.of(key, orderDate, createdAt, status, expiresAt, new ItemAttributes(item));
  }

  private static String where(OrderKey key) {
    return " of order " + key.orderId() + " of customer " + key.customerId();
  }

  /** Reads a string attribute; throws {@link MalformedOrderException} if it is missing, not S or blank. */
  public static String string(Map<String, AttributeValue> item, String name, ErrorContext context) {
    AttributeValue value = item.get(name);
    if (value == null || value.s() == null || value.s().isBlank()) {
      throw MalformedOrderException.of("Item " + keyDescription(item) + " has no string attribute " + name + ".",
          context, null, keyOrNull(item));
    }
    return value.s();
  }

  /** The key of {@code item}, or null if it has no valid {@code customer_id} and {@code order_id}. */
  static @Nullable OrderKey keyOrNull(Map<String, AttributeValue> item) {
    AttributeValue c = item.get(Order.CUSTOMER_ID);
    AttributeValue o = item.get(Order.ORDER_ID);
    if (c == null || o == null || c.s() == null || o.s() == null) {
      return null;
    }
    try {
      return new OrderKey(c.s(), o.s());
    } catch (RuntimeException invalid) {
      return null;
    }
  }

  private static String keyDescription(Map<String, AttributeValue> item) {
    AttributeValue c = item.get(Order.CUSTOMER_ID);
    AttributeValue o = item.get(Order.ORDER_ID);
    return (c == null ? "?" : c.s()) + "/" + (o == null ? "?" : o.s());
  }
}
