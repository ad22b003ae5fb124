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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Order processing and credit transfers, each one DynamoDB {@code TransactWriteItems}, applied exactly once
 * per operation id and answered with a typed outcome.
 *
 * <p>Every transaction carries a ClientRequestToken derived from the operation id and writes an
 * idempotency record (see {@link IdempotencyTable}) in the same transaction, so a retry after a timeout or a
 * lost response is recognised and applied once, also after DynamoDB's 10-minute token window. Transaction
 * conflicts and throttling are retried with full-jitter backoff; conditional failures never are.
 *
 * <pre>{@code
 * DdbkitTransactions tx = DdbkitTransactions.create(dynamoDbClient, TransactionSettings.defaults());
 * OrderResult order = tx.processOrder(o -> o.customerId("cust-42").orderId("ORD-1").line("sku-1", 2));
 * TransferResult moved = tx.transferCredits("op-9f2c", "acct-1", "acct-2", 1_500);
 * }</pre>
 */
public final class DdbkitTransactions {
  private static final Logger log = LoggerFactory.getLogger(DdbkitTransactions.class);
  private static final String OPERATION = "TransactWriteItems";
  /** Re-reads of an absent idempotency record after a token mismatch, before the outcome is called unknown. */
  private static final int RECORD_REREADS = 3;

  private final DynamoDbClient client;
  private final TransactionSettings settings;
  private final DdbkitRetry retry;

  private DdbkitTransactions(DynamoDbClient client, TransactionSettings settings) {
    this.client = client;
    this.settings = settings;
    RetrySettings r = settings.retry();
    Predicate<Throwable> retryable = r.retryOn();
    this.retry = DdbkitRetry.of("ddbkit-transactions",
        r.toBuilder().retryOn(e -> !isConditionalFailure(e) && retryable.test(e)).build());
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
   * OrderResult r = tx.processOrder(OrderRequest.builder().customerId("c-1").orderId("o-1").line("sku-1", 2).build());
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
    OrderResult result = run(request.operationId(), plan.token(), plan.actions(), plan::confirmed, plan::interpret,
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
    TransferResult result = run(request.operationId(), plan.token(), plan.actions(), plan::transferred,
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

  private <R> R run(String operationId, String token, List<TransactWriteItem> actions, Supplier<R> committed,
      Function<TransactionCanceledException, R> cancelled, Supplier<Optional<R>> replay) {
    TransactWriteItemsRequest request = TransactWriteItemsRequest.builder()
        .transactItems(actions)
        .clientRequestToken(token)
        .build();
    try {
      retry.execute(() -> {
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
    Map<String, AttributeValue> item = retry.execute(() -> {
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
