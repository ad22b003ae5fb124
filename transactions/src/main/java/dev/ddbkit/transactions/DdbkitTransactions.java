package dev.ddbkit.transactions;

import dev.ddbkit.core.error.CancellationReason;
import dev.ddbkit.core.error.ConditionalCheckFailedException;
import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.ErrorContext;
import dev.ddbkit.core.error.IdempotentParameterMismatchException;
import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.error.TransactionCanceledException;
import dev.ddbkit.core.retry.DdbkitRetry;
import dev.ddbkit.core.retry.RetrySettings;
import dev.ddbkit.transactions.internal.Idempotency;
import dev.ddbkit.transactions.internal.OrderPlan;
import dev.ddbkit.transactions.internal.TransferPlan;
import dev.ddbkit.core.item.SeedTimestamps;
import dev.ddbkit.orders.OrderIds;
import dev.ddbkit.transactions.internal.Numbers;
import dev.ddbkit.transactions.internal.RequestLimits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Order processing and credit transfers, each one DynamoDB {@code TransactWriteItems}, applied exactly once
 * per operation id and answered with a typed outcome.
 *
 * <p>Every transaction carries a ClientRequestToken derived from the operation kind, the tables it writes
 * and the operation id (DynamoDB scopes tokens to the account and region, not to tables), and writes an
 * idempotency record (see {@link IdempotencyTable}) holding this call's random attempt id in the same
 * transaction, so a retry after a timeout or a lost response is recognised and applied once, also after
 * DynamoDB's 10-minute token window, and of N sends of one operation exactly one reports {@code replayed=false}.
 * Stock and balances have typed operations too ({@link #putStock}, {@link #adjustStock}, {@link #stock},
 * {@link #openAccount}, {@link #balance}, {@link #balances}). Transaction
 * conflicts and throttling are retried with full-jitter backoff; conditional failures never are.
 *
 * <pre>{@code
 * DdbkitTransactions tx = DdbkitTransactions.create(dynamoDbClient, TransactionSettings.defaults());
 * tx.putStock("sku-1", 10);
 * OrderResult order = tx.processOrder(o -> o.customerId("cust-42").orderId(tx.newOrderId()).line("sku-1", 2));
 * TransferResult moved = tx.transferCredits("op-9f2c", "acct-1", "acct-2", 1_500);
 * }</pre>
 */
public final class DdbkitTransactions {
  private static final Logger log = LoggerFactory.getLogger(DdbkitTransactions.class);
  private static final String OPERATION = "TransactWriteItems";
  /** Re-reads of an absent idempotency record after a token mismatch, before the outcome is called unknown. */
  private static final int RECORD_REREADS = 3;
  private static final String PRODUCT_ID = "product_id";
  private static final String QUANTITY = "quantity";
  private static final String ACCOUNT_ID = "account_id";
  private static final String BALANCE = "balance";
  private static final String UPDATED_AT = "updated_at";

  private final DynamoDbClient client;
  private final TransactionSettings settings;
  private final DdbkitRetry retry;

  private DdbkitTransactions(DynamoDbClient client, TransactionSettings settings) {
    this.client = client;
    this.settings = settings;
    RetrySettings r = settings.retry();
    Predicate<Throwable> retryable = r.retryOn();
    this.retry = DdbkitRetry.of("ddbkit-transactions",
        r.toBuilder().retryOn(e -> !isConditionalFailure(e) && retryable.test(e)).build(), settings.metrics());
    retry.retry().getEventPublisher().onRetry(event -> log.debug("Retrying transaction (attempt {}) after {}",
        event.getNumberOfRetryAttempts(), event.getLastThrowable() == null ? "?" : event.getLastThrowable().toString()));
  }

  /** Transactions on {@code client} with {@code settings}. */
  public static DdbkitTransactions create(DynamoDbClient client, TransactionSettings settings) {
    return new DdbkitTransactions(Require.nonNull(client, "client"), Require.nonNull(settings, "settings"));
  }

  /** Transactions on {@code client} with the defaults changed by {@code settings}. */
  public static DdbkitTransactions create(DynamoDbClient client, Consumer<TransactionSettings.Builder> settings) {
    TransactionSettings.Builder b = TransactionSettings.builder();
    Require.nonNull(settings, "settings").accept(b);
    return create(client, b.build());
  }

  /** The settings. */
  public TransactionSettings settings() {
    return settings;
  }

  /** The retry of conflicts and throttling; observe it through {@code retry().retry()} (resilience4j). */
  public DdbkitRetry retry() {
    return retry;
  }

  /**
   * Processes an order in one {@code TransactWriteItems}: decrements each product's {@code quantity} on
   * the condition that enough stock remains, puts the order (status {@code confirmed}) on the condition that
   * it does not exist, and records the operation id. Lines of the same product are merged before sending.
   *
   * <pre>{@code
   * OrderResult r = tx.processOrder(OrderRequest.builder().customerId("c-1").orderId(tx.newOrderId()).line("sku-1", 2).build());
   * }</pre>
   *
   * @throws dev.ddbkit.core.error.InvalidInputException before sending, for more than 98 distinct products
   *     or a request over DynamoDB's 4 MB / 400 KB limits
   * @throws IdempotentParameterMismatchException if the operation id was already used for another order
   * @throws OperationOutcomeUnknownException (retryable) if DynamoDB reports the token as used but no record
   *     of the operation appears: retry later with the same operation id
   * @throws dev.ddbkit.core.error.DdbkitException for failures that retries did not overcome
   */
  public OrderResult processOrder(OrderRequest request) {
    Require.nonNull(request, "request");
    OrderPlan plan = OrderPlan.of(request, settings, settings.clock().instant());
    OrderResult result = run(settings.ordersTable(), request.operationId(), plan.token(), plan.actions(),
        plan::confirmed, plan::interpret,
        () -> lookupRecord(plan.recordTable(), plan.recordKey()).map(plan::replayOf));
    log.debug("processOrder {} -> {}", request.operationId(), result.getClass().getSimpleName());
    return result;
  }

  /** {@link #processOrder(OrderRequest)} with a request built by {@code order}. */
  public OrderResult processOrder(Consumer<OrderRequest.Builder> order) {
    OrderRequest.Builder b = OrderRequest.builder();
    Require.nonNull(order, "order").accept(b);
    return processOrder(b.build());
  }

  /**
   * Transfers credits in one {@code TransactWriteItems}: debits the source on {@code attribute_exists(account_id)
   * AND balance >= :amount}, credits the target on {@code attribute_exists(account_id)}, and records the
   * operation id. Amounts are whole minor units.
   *
   * <pre>{@code
   * TransferResult r = tx.transferCredits(TransferRequest.of("op-1", "acct-1", "acct-2", 250));
   * }</pre>
   *
   * @throws IdempotentParameterMismatchException if the operation id was already used for another transfer
   * @throws OperationOutcomeUnknownException (retryable) if DynamoDB reports the token as used but no record
   *     of the operation appears: retry later with the same operation id
   * @throws dev.ddbkit.core.error.DdbkitException for failures that retries did not overcome
   */
  public TransferResult transferCredits(TransferRequest request) {
    Require.nonNull(request, "request");
    TransferPlan plan = TransferPlan.of(request, settings, settings.clock().instant());
    TransferResult result = run(settings.accountsTable(), request.operationId(), plan.token(), plan.actions(),
        plan::transferred,
        plan::interpret,
        () -> lookupRecord(plan.recordTable(), plan.recordKey()).map(plan::replayOf));
    log.debug("transferCredits {} -> {}", request.operationId(), result.getClass().getSimpleName());
    return result;
  }

  /**
   * {@link #transferCredits(TransferRequest)} of {@code amount} minor units.
   *
   * @throws dev.ddbkit.core.error.InvalidInputException before any write, for a zero or negative amount or
   *     the same account on both sides
   */
  public TransferResult transferCredits(String operationId, String fromAccount, String toAccount, long amount) {
    return transferCredits(TransferRequest.of(operationId, fromAccount, toAccount, amount));
  }

  /**
   * A new order id in the orders layout, stamped by the settings' clock: {@code ORD_<epoch millis>_<8 hex>}
   * ({@link OrderIds#next(java.time.Clock)}). Generate it once per order and keep it for retries.
   */
  public String newOrderId() {
    return OrderIds.next(settings.clock());
  }

  // ---------------------------------------------------------------- stock and balances

  /**
   * Sets a product's stock with {@code PutItem} on the inventory table ({@code product_id},
   * {@code quantity}, {@code updated_at}), creating the item if needed.
   *
   * <pre>{@code
   * tx.putStock("sku-1", 100);
   * }</pre>
   *
   * @throws dev.ddbkit.core.error.InvalidInputException before sending, for a negative quantity or a bad id
   */
  public void putStock(String productId, long quantity) {
    Require.partitionKey(productId, "productId");
    Require.argument(quantity >= 0, "quantity",
        () -> "quantity of product " + productId + " must be zero or more but was " + quantity + ".");
    String table = settings.inventoryTable();
    Map<String, AttributeValue> item = Map.of(
        PRODUCT_ID, AttributeValue.fromS(productId),
        QUANTITY, AttributeValue.fromN(Long.toString(quantity)),
        UPDATED_AT, AttributeValue.fromS(SeedTimestamps.isoMillis(settings.clock().instant())));
    retry.execute("PutItem", table, () -> {
      try {
        return client.putItem(p -> p.tableName(table).item(item));
      } catch (SdkException e) {
        throw DdbkitErrors.translate(e, "PutItem", table);
      }
    });
  }

  /**
   * Adds {@code delta} units (negative to remove) to an existing product's stock with one conditional
   * {@code UpdateItem}; returns the new quantity. Stock never goes below zero.
   *
   * <pre>{@code
   * long left = tx.adjustStock("sku-1", -2);
   * }</pre>
   *
   * @throws UnknownProductException if the inventory has no item for the product; nothing written
   * @throws InsufficientStockException if removing {@code -delta} units would take the stock below zero
   */
  public long adjustStock(String productId, long delta) {
    Require.partitionKey(productId, "productId");
    Require.argument(delta != Long.MIN_VALUE, "delta", "delta must be greater than " + Long.MIN_VALUE + ".");
    String table = settings.inventoryTable();
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":d", AttributeValue.fromN(Long.toString(delta)));
    values.put(":now", AttributeValue.fromS(SeedTimestamps.isoMillis(settings.clock().instant())));
    String condition = "attribute_exists(#id)";
    if (delta < 0) {
      values.put(":need", AttributeValue.fromN(Long.toString(-delta)));
      condition += " AND #q >= :need";
    }
    String conditionExpression = condition;
    try {
      Map<String, AttributeValue> updated = retry.execute("UpdateItem", table, () -> {
        try {
          return client.updateItem(u -> u.tableName(table)
              .key(Map.of(PRODUCT_ID, AttributeValue.fromS(productId)))
              .updateExpression("SET #q = #q + :d, #u = :now")
              .conditionExpression(conditionExpression)
              .expressionAttributeNames(Map.of("#q", QUANTITY, "#u", UPDATED_AT, "#id", PRODUCT_ID))
              .expressionAttributeValues(values)
              .returnValues(ReturnValue.UPDATED_NEW)
              .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
        } catch (SdkException e) {
          throw DdbkitErrors.translate(e, "UpdateItem", table);
        }
      });
      return Numbers.wholeNumber(updated, QUANTITY).orElse(0);
    } catch (ConditionalCheckFailedException e) {
      ErrorContext context = ErrorContext.of("UpdateItem", table);
      Optional<Map<String, AttributeValue>> old = e.oldItem();
      if (old.isEmpty()) {
        throw UnknownProductException.of(productId, context);
      }
      throw InsufficientStockException.of(productId, -delta, Numbers.wholeNumber(old.get(), QUANTITY).orElse(0),
          context);
    }
  }

  /**
   * A product's stock, read with a strongly consistent {@code GetItem}; empty if the inventory has no item
   * for it.
   *
   * <pre>{@code
   * long inStock = tx.stock("sku-1").orElse(0);
   * }</pre>
   */
  public OptionalLong stock(String productId) {
    Require.partitionKey(productId, "productId");
    return readNumber(settings.inventoryTable(), PRODUCT_ID, productId, QUANTITY);
  }

  /**
   * Opens an account with {@code PutItem} on {@code attribute_not_exists(account_id)}: {@code account_id},
   * {@code balance} (whole minor units), {@code updated_at}.
   *
   * <pre>{@code
   * tx.openAccount("acct-1", 10_000);          // 100.00
   * }</pre>
   *
   * @throws AccountExistsException if the account exists; its balance is untouched
   * @throws dev.ddbkit.core.error.InvalidInputException before sending, for a negative balance or a bad id
   */
  public void openAccount(String accountId, long openingBalance) {
    Require.partitionKey(accountId, "accountId");
    Require.argument(openingBalance >= 0, "openingBalance",
        () -> "openingBalance of account " + accountId + " must be zero or more minor units but was "
            + openingBalance + ".");
    String table = settings.accountsTable();
    Map<String, AttributeValue> item = Map.of(
        ACCOUNT_ID, AttributeValue.fromS(accountId),
        BALANCE, AttributeValue.fromN(Long.toString(openingBalance)),
        UPDATED_AT, AttributeValue.fromS(SeedTimestamps.isoMillis(settings.clock().instant())));
    try {
      retry.execute("PutItem", table, () -> {
        try {
          return client.putItem(p -> p.tableName(table).item(item)
              .conditionExpression("attribute_not_exists(#id)")
              .expressionAttributeNames(Map.of("#id", ACCOUNT_ID)));
        } catch (SdkException e) {
          throw DdbkitErrors.translate(e, "PutItem", table);
        }
      });
    } catch (ConditionalCheckFailedException e) {
      throw AccountExistsException.of(accountId, ErrorContext.of("PutItem", table));
    }
  }

  /**
   * An account's balance in whole minor units, read with a strongly consistent {@code GetItem}; empty if
   * the account does not exist.
   *
   * <pre>{@code
   * long cents = tx.balance("acct-1").orElseThrow();
   * }</pre>
   */
  public OptionalLong balance(String accountId) {
    Require.partitionKey(accountId, "accountId");
    return readNumber(settings.accountsTable(), ACCOUNT_ID, accountId, BALANCE);
  }

  /**
   * The balances of several accounts as one consistent snapshot, with one {@code TransactGetItems}: no
   * transfer is half-seen. Accounts that do not exist are absent from the map; the map iterates in the
   * order of {@code accountIds}.
   *
   * <pre>{@code
   * Map<String, Long> both = tx.balances(List.of("acct-1", "acct-2"));
   * }</pre>
   *
   * @throws dev.ddbkit.core.error.InvalidInputException before sending, for no ids, a repeated id, a bad
   *     id, or more than 100 ids (DynamoDB's limit per TransactGetItems)
   */
  public Map<String, Long> balances(Collection<String> accountIds) {
    Require.nonNull(accountIds, "accountIds");
    Require.argument(!accountIds.isEmpty(), "accountIds", "accountIds must name at least one account.");
    Require.argument(accountIds.size() <= RequestLimits.MAX_ACTIONS, "accountIds", () -> "accountIds may name at"
        + " most " + RequestLimits.MAX_ACTIONS + " accounts (DynamoDB's TransactGetItems limit) but named "
        + accountIds.size() + ".");
    List<String> ids = new ArrayList<>(accountIds.size());
    Set<String> seen = new HashSet<>();
    for (String id : accountIds) {
      Require.partitionKey(id, "accountIds");
      Require.argument(seen.add(id), "accountIds",
          () -> "accountIds names account " + id + " twice; a transaction may read an item only once.");
      ids.add(id);
    }
    String table = settings.accountsTable();
    List<TransactGetItem> gets = new ArrayList<>(ids.size());
    for (String id : ids) {
      gets.add(TransactGetItem.builder().get(Get.builder().tableName(table)
          .key(Map.of(ACCOUNT_ID, AttributeValue.fromS(id))).build()).build());
    }
    List<ItemResponse> responses = retry.execute("TransactGetItems", table, () -> {
      try {
        return client.transactGetItems(t -> t.transactItems(gets)).responses();
      } catch (SdkException e) {
        throw DdbkitErrors.translate(e, "TransactGetItems", table);
      }
    });
    Map<String, Long> balances = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      Map<String, AttributeValue> item = i < responses.size() ? responses.get(i).item() : null;
      if (item != null && !item.isEmpty()) {
        OptionalLong balance = Numbers.wholeNumber(item, BALANCE);
        if (balance.isPresent()) {
          balances.put(ids.get(i), balance.getAsLong());
        }
      }
    }
    return Collections.unmodifiableMap(balances);
  }

  private OptionalLong readNumber(String table, String keyName, String key, String attribute) {
    Map<String, AttributeValue> item = retry.execute("GetItem", table, () -> {
      try {
        return client.getItem(g -> g.tableName(table).key(Map.of(keyName, AttributeValue.fromS(key)))
            .consistentRead(true)).item();
      } catch (SdkException e) {
        throw DdbkitErrors.translate(e, "GetItem", table);
      }
    });
    return item == null || item.isEmpty() ? OptionalLong.empty() : Numbers.wholeNumber(item, attribute);
  }

  private <R> R run(String table, String operationId, String token, List<TransactWriteItem> actions, Supplier<R> committed,
      Function<TransactionCanceledException, R> cancelled, Supplier<Optional<R>> replay) {
    TransactWriteItemsRequest request = TransactWriteItemsRequest.builder()
        .transactItems(actions)
        .clientRequestToken(token)
        .build();
    try {
      // A success means this call's request was applied: its random attempt id makes it unlike any other
      // call's, so DynamoDB can only have answered this call's own token (a lost response's retry included).
      retry.execute(OPERATION, table, () -> {
        try {
          return client.transactWriteItems(request);
        } catch (SdkException e) {
          throw DdbkitErrors.translate(e, OPERATION, null);
        }
      });
      return committed.get();
    } catch (TransactionCanceledException e) {
      return cancelled.apply(e);
    } catch (IdempotentParameterMismatchException e) {
      // DynamoDB saw this token within 10 minutes with other parameters: a caller's retry stamps a new
      // updated_at, so the record decides whether it is the same operation
      return replayAfterMismatch(operationId, replay, e);
    }
  }

  /**
   * Decides a token mismatch by the idempotency record. An absent record does not prove another operation
   * used the id (an earlier attempt may still be in flight, or a cancelled transaction consumed the token),
   * so the record is re-read a few times with the retry's backoff; if it is still absent, the outcome is
   * unknown and a retryable {@link OperationOutcomeUnknownException} is thrown.
   */
  private <R> R replayAfterMismatch(String operationId, Supplier<Optional<R>> replay,
      IdempotentParameterMismatchException mismatch) {
    RetrySettings r = settings.retry();
    for (int reread = 0; ; reread++) {
      Optional<R> result = replay.get();
      if (result.isPresent()) {
        return result.get();
      }
      if (reread >= RECORD_REREADS) {
        break;
      }
      try {
        r.sleeper().sleep(r.backoff().delay(reread + 1, r.random()));
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    log.debug("Token mismatch for {} without an idempotency record; outcome unknown", operationId);
    throw OperationOutcomeUnknownException.of(operationId,
        ErrorContext.of(OPERATION, settings.idempotencyTable()), mismatch);
  }

  /**
   * Reads an idempotency record with a consistent read. A failure to read it propagates as the typed error
   * it is: whether the operation was applied is then unknown, and the caller may retry the operation.
   */
  private Optional<Map<String, AttributeValue>> lookupRecord(String table, String key) {
    Map<String, AttributeValue> item = retry.execute("GetItem", table, () -> {
      try {
        return client.getItem(g -> g.tableName(table)
            .key(Map.of(Idempotency.KEY, AttributeValue.fromS(key)))
            .consistentRead(true)).item();
      } catch (SdkException e) {
        throw DdbkitErrors.translate(e, "GetItem", table);
      }
    });
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  private static boolean isConditionalFailure(Throwable e) {
    if (e instanceof ConditionalCheckFailedException || e instanceof IdempotentParameterMismatchException) {
      return true;
    }
    return e instanceof TransactionCanceledException t
        && t.reasons().stream().anyMatch(CancellationReason::conditionalCheckFailed);
  }
}
