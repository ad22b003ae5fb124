package dev.ddbkit.orders;

import dev.ddbkit.core.error.ConditionalCheckFailedException;
import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.error.ErrorContext;
import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.metrics.MetricsHook;
import dev.ddbkit.core.retry.DdbkitRetry;
import dev.ddbkit.core.retry.RetrySettings;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.orders.internal.CursorCodec;
import dev.ddbkit.orders.internal.Hydrator;
import dev.ddbkit.core.item.ItemSize;
import dev.ddbkit.orders.internal.OrderItems;
import dev.ddbkit.orders.internal.Pager;
import dev.ddbkit.orders.internal.Pager.RawPage;
import dev.ddbkit.orders.internal.QuerySpec;
import dev.ddbkit.orders.internal.QuerySpec.Kind;
import dev.ddbkit.orders.internal.SameItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Orders on the seed's {@code orders-production} table (or any table with its layout): create, get, status
 * transitions, and paged queries by customer, by date ({@code OrderDateIndex}) and by status
 * ({@code StatusIndex}). Thread-safe; build one per table and share it.
 *
 * <pre>{@code
 * OrdersRepository orders = OrdersRepository.builder()
 *     .client(dynamoDb)
 *     .cursorKey(secretFromConfig)          // required; same key on every instance, so cursors survive restarts
 *     .build();
 * Order order = orders.create(o -> o.customerId("c-42").attribute("total", new BigDecimal("19.90")));
 * orders.updateStatus(order.key(), OrderStatus.PENDING, OrderStatus.CONFIRMED);
 * Page<Order> page = orders.byCustomer("c-42", q -> q.pageSize(20));
 * }</pre>
 *
 * <p>Errors: bad input throws {@link dev.ddbkit.core.error.InvalidInputException} (or a subclass such as
 * {@link InvalidCursorException}) before any call; DynamoDB failures are translated by
 * {@link DdbkitErrors#translate} into {@link DdbkitException} subclasses.
 */
public final class OrdersRepository {
  /** Default TTL of a new order: two years of 365 days, as the seed computes it. */
  public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofDays(2 * 365);

  private static final Logger LOG = LoggerFactory.getLogger(OrdersRepository.class);

  private final DynamoDbClient client;
  private final String table;
  private final Clock clock;
  private final Duration timeToLive;
  private final @Nullable RandomGenerator idRandom;
  private final boolean consistentReads;
  private final CursorCodec cursors;
  private final Pager pager;
  private final Hydrator hydrator;

  private OrdersRepository(Builder b) {
    this.client = Require.nonNull(b.client, "client");
    this.table = b.tableName;
    this.clock = b.clock;
    this.timeToLive = b.timeToLive;
    this.idRandom = b.idRandom;
    this.consistentReads = b.consistentReads;
    this.cursors = new CursorCodec(Require.nonNull(b.cursorKey, "cursorKey"));
    this.pager = new Pager(client);
    // metrics are bound where a retry is created: a caller's retry reports to the hook it was created with
    DdbkitRetry retry = b.retry != null ? b.retry
        : DdbkitRetry.of("ddbkit-orders", RetrySettings.defaults(), b.metrics);
    this.hydrator = new Hydrator(client, table, retry, consistentReads);
  }

  /** A builder; {@link Builder#client} and {@link Builder#cursorKey} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The table this repository reads and writes. */
  public String tableName() {
    return table;
  }

  // ---------------------------------------------------------------- writes and reads by key

  /**
   * Creates an order with {@code PutItem} conditional on {@code attribute_not_exists(order_id)}: generates
   * {@code ORD_<epoch millis>_<8 hex>}, stamps {@code order_date}, {@code created_at} and
   * {@code expires_at} from the clock, and returns the order as written.
   *
   * <pre>{@code
   * Order order = orders.create(NewOrder.builder().customerId("c-42").attribute("total", 1990L).build());
   * }</pre>
   *
   * <p>Exactly once under SDK retries: if an attempt is applied but its response lost, the SDK's retry fails
   * the condition on the order this call stored. The failure then carries the stored item
   * ({@code ReturnValuesOnConditionCheckFailure=ALL_OLD}; a consistent {@code GetItem} when the client drops
   * it) and, when every attribute equals the one written (numbers compared numerically), the order is
   * returned as created. Only a different item under the key is a duplicate.
   *
   * @throws OrderTooLargeException if the item would exceed 400 KB
   * @throws OrderAlreadyExistsException if a different order exists under the generated key (nothing is
   *     overwritten)
   */
  public Order create(NewOrder order) {
    Require.nonNull(order, "order");
    Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    RandomGenerator random = idRandom != null ? idRandom : ThreadLocalRandom.current();
    OrderKey key = new OrderKey(order.customerId(), OrderItems.newOrderId(createdAt, random));
    Instant expiresAt = Instant.ofEpochSecond(createdAt.getEpochSecond() + timeToLive.getSeconds());
    Order created = Order.of(key, OrderItems.orderDate(createdAt), createdAt, order.status(), expiresAt,
        order.attributes());
    Map<String, AttributeValue> item = created.toItem();
    long size = ItemSize.of(item);
    if (size > ItemSize.MAX_ITEM_BYTES) {
      throw OrderTooLargeException.of(size, ItemSize.MAX_ITEM_BYTES);
    }
    try {
      client.putItem(b -> b.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(#oid)")
          .expressionAttributeNames(Map.of("#oid", Order.ORDER_ID))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
    } catch (RuntimeException e) {
      DdbkitException error = DdbkitErrors.translate(e, "PutItem", table);
      if (error instanceof ConditionalCheckFailedException failed) {
        Map<String, AttributeValue> existing = failed.oldItem().orElseGet(() -> readBack(key, e));
        if (!existing.isEmpty() && SameItem.same(item, existing)) {
          // an earlier attempt of this very call (an SDK retry after a lost response) stored it
          LOG.debug("Order {} of customer {} in {} was stored by an earlier attempt of this create",
              key.orderId(), key.customerId(), table);
          return created;
        }
        throw OrderAlreadyExistsException.of(key, ErrorContext.of("PutItem", table), e);
      }
      throw error;
    }
    LOG.debug("Created order {} of customer {} in {}", key.orderId(), key.customerId(), table);
    return created;
  }

  /**
   * The item stored under {@code key}, read with a consistent {@code GetItem} when a failed create's response
   * did not carry it (clients such as DAX may drop {@code ReturnValuesOnConditionCheckFailure}); empty if
   * there is none. If the read fails the outcome of the create is unknown, and the read's error is thrown
   * with the condition failure suppressed.
   */
  private Map<String, AttributeValue> readBack(OrderKey key, RuntimeException conditionFailure) {
    try {
      GetItemResponse read = client.getItem(b -> b.tableName(table).key(keyItem(key)).consistentRead(true));
      return read.hasItem() ? read.item() : Map.of();
    } catch (RuntimeException readFailure) {
      DdbkitException error = DdbkitErrors.translate(readFailure, "GetItem", table);
      error.addSuppressed(conditionFailure);
      throw error;
    }
  }

  /** {@link #create(NewOrder)} with the request built by {@code order}: {@code create(o -> o.customerId("c-42"))}. */
  public Order create(Consumer<NewOrder.Builder> order) {
    NewOrder.Builder b = NewOrder.builder();
    Require.nonNull(order, "order").accept(b);
    return create(b.build());
  }

  /**
   * The order with {@code key}, read with {@code GetItem} (strongly consistent when the repository is built
   * with {@link Builder#consistentReads(boolean)}).
   *
   * <pre>{@code
   * Optional<Order> order = orders.get(OrderKey.of("c-42", "ORD_1700000000000_1a2b3c4d"));
   * }</pre>
   */
  public Optional<Order> get(OrderKey key) {
    Require.nonNull(key, "key");
    GetItemResponse response;
    try {
      response = client.getItem(b -> b.tableName(table).key(keyItem(key)).consistentRead(consistentReads));
    } catch (RuntimeException e) {
      throw DdbkitErrors.translate(e, "GetItem", table);
    }
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(OrderItems.fromItem(response.item(), ErrorContext.of("GetItem", table)));
  }

  /** {@link #get(OrderKey)} of customer {@code customerId}'s order {@code orderId}. */
  public Optional<Order> get(String customerId, String orderId) {
    return get(OrderKey.of(customerId, orderId));
  }

  /**
   * Moves an order from {@code expected} to {@code next} with {@code UpdateItem} conditional on
   * {@code status = expected}: of two racing transitions from the same status exactly one wins. DynamoDB
   * moves the order in {@code StatusIndex} as part of the same write. Returns the order as updated.
   *
   * <pre>{@code
   * try {
   *   orders.updateStatus(key, OrderStatus.PENDING, OrderStatus.CONFIRMED);
   * } catch (OrderStatusConflictException lost) {
   *   log.info("already {}", lost.actual());
   * }
   * }</pre>
   *
   * <p>Exactly once under SDK retries: each call writes a random token to {@code ddbkit_status_token}
   * ({@link Order#STATUS_TOKEN}) along with the status, and the condition also accepts
   * {@code status = next AND token = this call's token}. If an attempt is applied but its response lost, the
   * SDK's retry therefore succeeds on this call's own write instead of reporting a conflict.
   *
   * @throws OrderStatusConflictException if the order is not in {@code expected}; nothing was written
   * @throws OrderNotFoundException if there is no such order; nothing was written
   * @throws DdbkitException of the consistent {@code GetItem} that looks up the current status when the
   *     client returned no old item on the condition failure and that read failed: the outcome is then
   *     unknown (the condition failure is attached as suppressed)
   */
  public Order updateStatus(OrderKey key, OrderStatus expected, OrderStatus next) {
    Require.nonNull(key, "key");
    Require.nonNull(expected, "expected");
    Require.nonNull(next, "next");
    Require.argument(expected != next, "next",
        "next must differ from expected; both are " + expected.wireValue() + ".");
    ErrorContext context = ErrorContext.of("UpdateItem", table);
    String token = newStatusToken();
    UpdateItemResponse response;
    try {
      response = client.updateItem(b -> b.tableName(table).key(keyItem(key))
          .updateExpression("SET #status = :next, #tok = :token")
          .conditionExpression("#status = :expected OR (#status = :next AND #tok = :token)")
          .expressionAttributeNames(Map.of("#status", Order.STATUS, "#tok", Order.STATUS_TOKEN))
          .expressionAttributeValues(Map.of(":next", AttributeValue.fromS(next.wireValue()),
              ":expected", AttributeValue.fromS(expected.wireValue()), ":token", AttributeValue.fromS(token)))
          .returnValues(ReturnValue.ALL_NEW)
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
    } catch (RuntimeException e) {
      DdbkitException error = DdbkitErrors.translate(e, "UpdateItem", table);
      if (error instanceof ConditionalCheckFailedException failed) {
        throw statusFailure(key, expected, failed.oldItem().orElse(null), context, e);
      }
      throw error;
    }
    LOG.debug("Order {} of customer {}: {} -> {}", key.orderId(), key.customerId(), expected.wireValue(),
        next.wireValue());
    return OrderItems.fromItem(response.attributes(), context);
  }

  /** 16 random hex digits identifying one {@code updateStatus} call. */
  private static String newStatusToken() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }

  /** {@link #updateStatus(OrderKey, OrderStatus, OrderStatus)} by customer and order id. */
  public Order updateStatus(String customerId, String orderId, OrderStatus expected, OrderStatus next) {
    return updateStatus(OrderKey.of(customerId, orderId), expected, next);
  }

  private DdbkitException statusFailure(OrderKey key, OrderStatus expected,
      @Nullable Map<String, AttributeValue> oldItem, ErrorContext context, Throwable cause) {
    Map<String, AttributeValue> current = oldItem;
    if (current == null) {
      // the client did not return the old item (not every client honours ReturnValuesOnConditionCheckFailure)
      try {
        GetItemResponse read = client.getItem(b -> b.tableName(table).key(keyItem(key)).consistentRead(true));
        current = read.hasItem() && !read.item().isEmpty() ? read.item() : null;
      } catch (RuntimeException readFailure) {
        // whether the order exists, and in which status, is unknown: report the read's error
        DdbkitException error = DdbkitErrors.translate(readFailure, "GetItem", table);
        error.addSuppressed(cause);
        return error;
      }
    }
    if (current == null) {
      return OrderNotFoundException.of(key, context, cause);
    }
    AttributeValue status = current.get(Order.STATUS);
    OrderStatus actual = null;
    if (status != null && status.s() != null) {
      try {
        actual = OrderStatus.fromWire(status.s());
      } catch (UnknownOrderStatusException unknown) {
        actual = null;
      }
    }
    return OrderStatusConflictException.of(key, expected, actual, context, cause);
  }

  // ---------------------------------------------------------------- by customer

  /**
   * One page of a customer's orders, newest first: {@code Query} on {@code customer_id}, with a creation
   * range as {@code order_id BETWEEN} bounds when set.
   *
   * <pre>{@code
   * Page<Order> first = orders.byCustomer(CustomerQuery.builder("c-42").pageSize(20).build());
   * }</pre>
   */
  public Page<Order> byCustomer(CustomerQuery query) {
    Require.nonNull(query, "query");
    return page(customerSpec(query), query.cursor().orElse(null), query.pageSize(), this::orders);
  }

  /** {@link #byCustomer(CustomerQuery)}: {@code orders.byCustomer("c-42", q -> q.pageSize(20).cursor(c))}. */
  public Page<Order> byCustomer(String customerId, Consumer<CustomerQuery.Builder> query) {
    return byCustomer(build(CustomerQuery.builder(customerId), query, CustomerQuery.Builder::build));
  }

  /** The first page of a customer's orders, newest first, {@value QueryLimits#DEFAULT_PAGE_SIZE} a page. */
  public Page<Order> byCustomer(String customerId) {
    return byCustomer(CustomerQuery.builder(customerId).build());
  }

  /**
   * Every order of the query (from its cursor, if set) as a lazy stream that reads one page at a time;
   * close it or read it to the end.
   *
   * <pre>{@code
   * try (Stream<Order> all = orders.streamByCustomer(CustomerQuery.builder("c-42").build())) {
   *   all.forEach(this::export);
   * }
   * }</pre>
   */
  public Stream<Order> streamByCustomer(CustomerQuery query) {
    Require.nonNull(query, "query");
    return stream(customerSpec(query), query.cursor().orElse(null), query.pageSize(), this::orders);
  }

  /** {@link #streamByCustomer(CustomerQuery)} with the query built by {@code query}. */
  public Stream<Order> streamByCustomer(String customerId, Consumer<CustomerQuery.Builder> query) {
    return streamByCustomer(build(CustomerQuery.builder(customerId), query, CustomerQuery.Builder::build));
  }

  private QuerySpec customerSpec(CustomerQuery q) {
    return new QuerySpec(Kind.CUSTOMER, table, null, Order.CUSTOMER_ID, q.customerId(), Order.ORDER_ID,
        q.createdFrom().map(OrderItems::lowerIdBound).orElse(null),
        q.createdUntil().map(OrderItems::upperIdBound).orElse(null),
        !q.newestFirst(), consistentReads, List.of(Order.CUSTOMER_ID, Order.ORDER_ID));
  }

  // ---------------------------------------------------------------- by date

  /**
   * One page of the orders created on a UTC day: {@code Query} on {@code OrderDateIndex}, oldest first
   * unless the query says otherwise. Index reads are eventually consistent.
   *
   * <pre>{@code
   * Page<Order> page = orders.byDate(DateQuery.builder(LocalDate.of(2024, 1, 15)).pageSize(100).build());
   * }</pre>
   */
  public Page<Order> byDate(DateQuery query) {
    Require.nonNull(query, "query");
    return page(dateSpec(query), query.cursor().orElse(null), query.pageSize(), this::orders);
  }

  /** {@link #byDate(DateQuery)}: {@code orders.byDate(day, q -> q.pageSize(100))}. */
  public Page<Order> byDate(LocalDate date, Consumer<DateQuery.Builder> query) {
    return byDate(build(DateQuery.builder(date), query, DateQuery.Builder::build));
  }

  /** The first page of the orders of {@code date}. */
  public Page<Order> byDate(LocalDate date) {
    return byDate(DateQuery.builder(date).build());
  }

  /** Every order of the day as a lazy stream reading one page at a time. */
  public Stream<Order> streamByDate(DateQuery query) {
    Require.nonNull(query, "query");
    return stream(dateSpec(query), query.cursor().orElse(null), query.pageSize(), this::orders);
  }

  /** {@link #streamByDate(DateQuery)} with the query built by {@code query}. */
  public Stream<Order> streamByDate(LocalDate date, Consumer<DateQuery.Builder> query) {
    return streamByDate(build(DateQuery.builder(date), query, DateQuery.Builder::build));
  }

  private QuerySpec dateSpec(DateQuery q) {
    return new QuerySpec(Kind.DATE, table, SeedTables.ORDER_DATE_INDEX, Order.ORDER_DATE, q.date().toString(),
        Order.ORDER_ID, null, null, !q.newestFirst(), false,
        List.of(Order.ORDER_DATE, Order.ORDER_ID, Order.CUSTOMER_ID));
  }

  // ---------------------------------------------------------------- by status

  /**
   * One page of the keys of the orders in a status: {@code Query} on {@code StatusIndex} (KEYS_ONLY), in
   * ascending {@code order_date}, from the query's day if set. No item is fetched.
   *
   * <pre>{@code
   * Page<OrderKey> keys = orders.keysByStatus(OrderStatus.PENDING, q -> q.pageSize(500));
   * }</pre>
   */
  public Page<OrderKey> keysByStatus(StatusQuery query) {
    Require.nonNull(query, "query");
    return page(statusSpec(query, Kind.STATUS_KEYS), query.cursor().orElse(null), query.pageSize(), this::keys);
  }

  /** {@link #keysByStatus(StatusQuery)} with the query built by {@code query}. */
  public Page<OrderKey> keysByStatus(OrderStatus status, Consumer<StatusQuery.Builder> query) {
    return keysByStatus(build(StatusQuery.builder(status), query, StatusQuery.Builder::build));
  }

  /** Every key of the status as a lazy stream reading one page at a time. */
  public Stream<OrderKey> streamKeysByStatus(StatusQuery query) {
    Require.nonNull(query, "query");
    return stream(statusSpec(query, Kind.STATUS_KEYS), query.cursor().orElse(null), query.pageSize(), this::keys);
  }

  /** {@link #streamKeysByStatus(StatusQuery)} with the query built by {@code query}. */
  public Stream<OrderKey> streamKeysByStatus(OrderStatus status, Consumer<StatusQuery.Builder> query) {
    return streamKeysByStatus(build(StatusQuery.builder(status), query, StatusQuery.Builder::build));
  }

  /**
   * One page of full orders in a status: the keys from {@code StatusIndex}, then the items with
   * {@code BatchGetItem} (at most 100 keys a call, unprocessed keys retried with backoff), in the index's
   * order. An order deleted, or moved to another status, between the two reads is left out, so the page
   * may hold fewer items than its keys; the cursor still continues after the last key.
   *
   * <pre>{@code
   * Page<Order> pending = orders.byStatus(OrderStatus.PENDING, q -> q.from(LocalDate.of(2024, 1, 1)));
   * }</pre>
   */
  public Page<Order> byStatus(StatusQuery query) {
    Require.nonNull(query, "query");
    OrderStatus status = query.status();
    return page(statusSpec(query, Kind.STATUS_ORDERS), query.cursor().orElse(null), query.pageSize(),
        items -> hydrate(items, status));
  }

  /** {@link #byStatus(StatusQuery)} with the query built by {@code query}. */
  public Page<Order> byStatus(OrderStatus status, Consumer<StatusQuery.Builder> query) {
    return byStatus(build(StatusQuery.builder(status), query, StatusQuery.Builder::build));
  }

  /** The first page of full orders in {@code status}. */
  public Page<Order> byStatus(OrderStatus status) {
    return byStatus(StatusQuery.builder(status).build());
  }

  /** Every order in the status, hydrated page by page, as a lazy stream. */
  public Stream<Order> streamByStatus(StatusQuery query) {
    Require.nonNull(query, "query");
    OrderStatus status = query.status();
    return stream(statusSpec(query, Kind.STATUS_ORDERS), query.cursor().orElse(null), query.pageSize(),
        items -> hydrate(items, status));
  }

  /** {@link #streamByStatus(StatusQuery)} with the query built by {@code query}. */
  public Stream<Order> streamByStatus(OrderStatus status, Consumer<StatusQuery.Builder> query) {
    return streamByStatus(build(StatusQuery.builder(status), query, StatusQuery.Builder::build));
  }

  private QuerySpec statusSpec(StatusQuery q, Kind kind) {
    return new QuerySpec(kind, table, SeedTables.STATUS_INDEX, Order.STATUS, q.status().wireValue(),
        Order.ORDER_DATE, q.from().map(LocalDate::toString).orElse(null), null, true, false,
        List.of(Order.STATUS, Order.ORDER_DATE, Order.CUSTOMER_ID, Order.ORDER_ID));
  }

  // ---------------------------------------------------------------- paging machinery

  private static <B, Q> Q build(B builder, Consumer<B> customizer, Function<B, Q> build) {
    Require.nonNull(customizer, "query").accept(builder);
    return build.apply(builder);
  }

  private <T> Page<T> page(QuerySpec spec, @Nullable String cursor, int pageSize,
      Function<List<Map<String, AttributeValue>>, List<T>> mapper) {
    Map<String, AttributeValue> start = cursor == null ? null : cursors.decode(spec, cursor);
    RawPage raw = pager.fetch(spec, start, pageSize);
    List<T> items = map(spec, raw, mapper);
    return Page.of(items, raw.next() == null ? null : cursors.encode(spec, raw.next()));
  }

  /** Maps a page's items; a malformed item's error carries the next page's cursor, so callers can skip it. */
  private <T> List<T> map(QuerySpec spec, RawPage raw, Function<List<Map<String, AttributeValue>>, List<T>> mapper) {
    try {
      return mapper.apply(raw.items());
    } catch (MalformedOrderException malformed) {
      Map<String, AttributeValue> next = raw.next();
      throw next == null ? malformed : malformed.withNextCursor(cursors.encode(spec, next));
    }
  }

  private <T> Stream<T> stream(QuerySpec spec, @Nullable String cursor, int pageSize,
      Function<List<Map<String, AttributeValue>>, List<T>> mapper) {
    // decoded now, so a bad cursor fails at the call and not at the first read
    Map<String, AttributeValue> start = cursor == null ? null : cursors.decode(spec, cursor);
    Iterator<T> iterator = new Iterator<>() {
      private Iterator<T> current = Collections.emptyIterator();
      private @Nullable Map<String, AttributeValue> next = start;
      private boolean exhausted;

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (exhausted) {
            return false;
          }
          RawPage raw = pager.fetch(spec, next, pageSize);
          current = map(spec, raw, mapper).iterator();
          next = raw.next();
          exhausted = next == null;
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator,
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private List<Order> orders(List<Map<String, AttributeValue>> items) {
    ErrorContext context = ErrorContext.of("Query", table);
    List<Order> orders = new ArrayList<>(items.size());
    for (Map<String, AttributeValue> item : items) {
      orders.add(OrderItems.fromItem(item, context));
    }
    return orders;
  }

  private List<OrderKey> keys(List<Map<String, AttributeValue>> items) {
    ErrorContext context = ErrorContext.of("Query", table);
    List<OrderKey> keys = new ArrayList<>(items.size());
    for (Map<String, AttributeValue> item : items) {
      keys.add(new OrderKey(OrderItems.string(item, Order.CUSTOMER_ID, context),
          OrderItems.string(item, Order.ORDER_ID, context)));
    }
    return keys;
  }

  private List<Order> hydrate(List<Map<String, AttributeValue>> indexItems, OrderStatus status) {
    List<OrderKey> keys = keys(indexItems);
    Map<OrderKey, Map<String, AttributeValue>> found = hydrator.fetch(keys);
    ErrorContext context = ErrorContext.of("BatchGetItem", table);
    List<Order> orders = new ArrayList<>(keys.size());
    for (OrderKey key : keys) {
      Map<String, AttributeValue> item = found.get(key);
      if (item == null) {
        continue;
      }
      Order order = OrderItems.fromItem(item, context);
      if (order.status() == status) {
        orders.add(order);
      }
    }
    return orders;
  }

  private static Map<String, AttributeValue> keyItem(OrderKey key) {
    return Map.of(Order.CUSTOMER_ID, AttributeValue.fromS(key.customerId()),
        Order.ORDER_ID, AttributeValue.fromS(key.orderId()));
  }

  /**
   * Builder of {@link OrdersRepository}; each setter validates its value with a sentence naming it.
   *
   * <pre>{@code
   * OrdersRepository.builder().client(dynamoDb).tableName("orders-staging").cursorKey(secret).build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable DynamoDbClient client;
    private String tableName = SeedTables.ORDERS;
    private Clock clock = Clock.systemUTC();
    private Duration timeToLive = DEFAULT_TIME_TO_LIVE;
    private byte @Nullable [] cursorKey;
    private @Nullable DdbkitRetry retry;
    private @Nullable RandomGenerator idRandom;
    private boolean consistentReads;
    private MetricsHook metrics = MetricsHook.noop();

    private Builder() {}

    /** The DynamoDB client (plain or DAX-aware); required. */
    public Builder client(DynamoDbClient client) {
      this.client = Require.nonNull(client, "client");
      return this;
    }

    /** The table; {@code orders-production} by default. It must have the seed's keys and indexes. */
    public Builder tableName(String tableName) {
      this.tableName = Require.tableName(tableName, "tableName");
      return this;
    }

    /** The clock stamping {@code order_id}, {@code order_date}, {@code created_at} and TTLs; UTC system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Require.nonNull(clock, "clock");
      return this;
    }

    /** How long after creation an order expires ({@code expires_at}); {@link #DEFAULT_TIME_TO_LIVE} by default. */
    public Builder timeToLive(Duration timeToLive) {
      Require.nonNull(timeToLive, "timeToLive");
      Require.argument(timeToLive.getSeconds() >= 1, "timeToLive",
          "timeToLive must be at least one second but was " + timeToLive + ".");
      this.timeToLive = timeToLive;
      return this;
    }

    /**
     * The HMAC-SHA256 key that signs cursors, at least 16 bytes; required. Configure the same secret on
     * every instance (from your secret store) so a cursor issued by one instance is accepted by another and
     * after a restart; there is no per-process default.
     */
    public Builder cursorKey(byte[] cursorKey) {
      Require.nonNull(cursorKey, "cursorKey");
      Require.argument(cursorKey.length >= 16, "cursorKey",
          "cursorKey must be at least 16 bytes but was " + cursorKey.length + ".");
      this.cursorKey = cursorKey.clone();
      return this;
    }

    /**
     * The retry for unprocessed {@code BatchGetItem} keys; by default {@code DdbkitRetry.of("ddbkit-orders",
     * defaults, metrics)}. A retry passed here reports to the hook it was created with
     * ({@code DdbkitRetry.of(name, settings, hook)}), tagged with this repository's table, and may be shared.
     */
    public Builder retry(DdbkitRetry retry) {
      this.retry = Require.nonNull(retry, "retry");
      return this;
    }

    /**
     * The randomness of the 8-hex-digit order id suffix; {@link ThreadLocalRandom} by default. Must be
     * thread-safe if the repository is shared; tests pass a seeded generator.
     */
    public Builder idRandom(RandomGenerator idRandom) {
      this.idRandom = Require.nonNull(idRandom, "idRandom");
      return this;
    }

    /** Strongly consistent {@code GetItem}, customer queries and hydration (twice the read cost); off by default. */
    public Builder consistentReads(boolean consistentReads) {
      this.consistentReads = consistentReads;
      return this;
    }

    /**
     * Where the retry this repository creates reports its retries of unprocessed {@code BatchGetItem} keys
     * ({@code retried(BatchGetItem, table, DDBKIT)}, and {@code throttled}); records nothing by default. Not
     * used with a caller's {@link #retry(DdbkitRetry)}, which reports to its own hook. SDK-level retries are
     * reported by the client's own hook.
     */
    public Builder metrics(MetricsHook metrics) {
      this.metrics = Require.nonNull(metrics, "metrics");
      return this;
    }

    /**
     * Builds the repository; fails with {@link dev.ddbkit.core.error.InvalidInputException} if no client or no
     * {@link #cursorKey(byte[]) cursorKey} was set.
     */
    public OrdersRepository build() {
      Require.nonNull(client, "client");
      Require.argument(cursorKey != null, "cursorKey", "cursorKey is required: OrdersRepository.Builder.cursorKey(...)"
          + " takes the secret (at least 16 bytes) that signs cursors; configure the same one on every instance so"
          + " cursors survive restarts and load balancers.");
      return new OrdersRepository(this);
    }
  }
}
