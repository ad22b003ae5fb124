package dev.ddbkit.core.typed;

import dev.ddbkit.core.error.CancellationReason;
import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.error.IdempotentParameterMismatchException;
import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.error.TransactionCanceledException;
import dev.ddbkit.core.retry.DdbkitRetry;
import dev.ddbkit.core.retry.RetrySettings;
import dev.ddbkit.core.table.KeyAttribute;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.core.typed.internal.Calls;
import dev.ddbkit.core.typed.internal.TransactionTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Exactly-once {@code TransactWriteItems} for the caller's own transactions, built with the Enhanced Client's
 * request builder. Each call names its operation with an id; ddbkit adds a record of the id to the transaction
 * (in the idempotency table) and a {@code ClientRequestToken} derived from the operation kind, the tables and
 * the id. The first call applies the transaction; a retry or a concurrent call with the same id and content
 * reports {@link TransactionResult.Status#REPLAYED} and writes nothing; the same id with other content fails.
 * Conflicts are retried with ddbkit's backoff; a cancellation comes back with a typed reason per action.
 *
 * <pre>{@code
 * IdempotentTransactions tx = tables.transactions("idempotency");
 * TransactionResult r = tx.write("signup-" + requestId, t -> t
 *     .addPutItem(customers.dynamoDbTable(), customer)
 *     .addUpdateItem(accounts.dynamoDbTable(), account));
 * }</pre>
 */
public final class IdempotentTransactions {
  /** Key attribute of the idempotency table. */
  public static final String KEY = "idempotency_key";
  /** TTL attribute of the idempotency table (epoch seconds). */
  public static final String EXPIRES_AT = "expires_at";
  /** Longest operation id, in UTF-8 bytes. */
  public static final int MAX_OPERATION_ID_BYTES = 1024;
  /** Most actions a caller's transaction may hold (DynamoDB's 100, one kept for the record). */
  public static final int MAX_ACTIONS = 99;
  /** How long records are kept by default. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  private static final Logger LOG = LoggerFactory.getLogger(IdempotentTransactions.class);
  private static final String OPERATION = "TransactWriteItems";
  private static final String KIND = "typed-transaction";
  private static final int RECORD_REREADS = 4;

  private final DdbkitTables owner;
  private final String idempotencyTable;
  private final Duration retention;
  private final DdbkitRetry retry;
  private final Calls calls;

  IdempotentTransactions(DdbkitTables owner, String idempotencyTable) {
    this(owner, idempotencyTable, DEFAULT_RETENTION);
  }

  private IdempotentTransactions(DdbkitTables owner, String idempotencyTable, Duration retention) {
    this.owner = owner;
    this.idempotencyTable = idempotencyTable;
    this.retention = retention;
    RetrySettings settings = owner.retrySettings();
    // conflicts are retried; a failed condition never is (the same request would fail the same way)
    this.retry = DdbkitRetry.of("ddbkit-transactions",
        settings.toBuilder().retryOn(e -> !hasConditionFailure(e) && settings.retryOn().test(e)).build());
    this.calls = owner.calls("ddbkit-transactions-reads");
  }

  /**
   * The idempotency table's definition: key {@value #KEY} (string), TTL on {@value #EXPIRES_AT}. Pass it through
   * the environment's {@link TableNaming} or the test kit's {@code TestTables}.
   */
  public static TableDefinition tableDefinition(String name) {
    return TableDefinition.builder(name).partitionKey(KeyAttribute.string(KEY)).ttlAttribute(EXPIRES_AT).build();
  }

  /** These transactions keeping records for {@code retention} (at least a day: DynamoDB tokens last 10 minutes). */
  public IdempotentTransactions withRetention(Duration retention) {
    Require.nonNull(retention, "retention");
    Require.argument(retention.compareTo(Duration.ofDays(1)) >= 0, "retention",
        "retention must be at least one day but was " + retention + ".");
    return new IdempotentTransactions(owner, idempotencyTable, retention);
  }

  /** The idempotency table's physical name. */
  public String idempotencyTable() {
    return idempotencyTable;
  }

  /** {@link #write(String, TransactWriteItemsEnhancedRequest)} with the request built by {@code request}. */
  public TransactionResult write(String operationId, Consumer<TransactWriteItemsEnhancedRequest.Builder> request) {
    TransactWriteItemsEnhancedRequest.Builder b = TransactWriteItemsEnhancedRequest.builder();
    Require.nonNull(request, "request").accept(b);
    return write(operationId, b.build());
  }

  /**
   * Applies {@code request} once for {@code operationId} ({@code TransactWriteItems} with the record added and a
   * derived {@code ClientRequestToken}).
   *
   * @throws OperationIdReusedException if the id was used for a transaction with other content
   * @throws TransactionOutcomeUnknownException if the token is in use and no record appears (call again)
   */
  public TransactionResult write(String operationId, TransactWriteItemsEnhancedRequest request) {
    Require.maxUtf8Bytes(operationId, MAX_OPERATION_ID_BYTES, "operationId");
    Require.nonNull(request, "request");
    List<TransactWriteItem> actions = request.transactWriteItems() == null ? List.of() : request.transactWriteItems();
    Require.argument(!actions.isEmpty(), "request", "The transaction has no actions.");
    Require.argument(actions.size() <= MAX_ACTIONS, "request",
        "The transaction has " + actions.size() + " actions; at most " + MAX_ACTIONS + " fit with the record.");
    Require.argument(request.clientRequestToken() == null, "clientRequestToken",
        "Leave clientRequestToken unset: ddbkit derives it from the operation id.");

    TreeSet<String> tableSet = new TreeSet<>();
    actions.forEach(a -> tableSet.add(tableOf(a)));
    tableSet.add(idempotencyTable);
    List<String> tables = List.copyOf(tableSet);
    String token = TransactionTokens.token(KIND, tables, operationId);
    String recordKey = TransactionTokens.recordKey(KIND, tables, operationId);
    String fingerprint = TransactionTokens.fingerprint(actions);
    String attempt = TransactionTokens.newAttempt();

    List<TransactWriteItem> items = new ArrayList<>(actions);
    items.add(recordPut(recordKey, fingerprint, attempt, owner.clock().instant()));
    TransactWriteItemsRequest.Builder lowLevel = TransactWriteItemsRequest.builder().transactItems(items)
        .clientRequestToken(token);
    if (request.returnConsumedCapacityAsString() != null) {
      lowLevel.returnConsumedCapacity(request.returnConsumedCapacityAsString());
    }
    TransactWriteItemsRequest sent = lowLevel.build();

    DdbkitRetry.Session session = retry.session();
    while (true) {
      try {
        owner.client().transactWriteItems(sent);
        session.succeeded();
        LOG.debug("Transaction {} applied", operationId);
        return new TransactionResult(operationId, TransactionResult.Status.APPLIED, List.of());
      } catch (RuntimeException e) {
        DdbkitException error = DdbkitErrors.translate(e, OPERATION, null);
        if (error instanceof TransactionCanceledException cancelled) {
          Optional<CancellationReason> record = cancelled.reason(actions.size());
          if (record.isPresent() && record.get().conditionalCheckFailed()) {
            Map<String, AttributeValue> old = record.get().oldItem().orElseGet(() -> readRecord(recordKey));
            if (!old.isEmpty()) {
              return decide(operationId, old, fingerprint, attempt);
            }
          }
          if (session.awaitRetry(error)) {
            calls.retried(OPERATION, idempotencyTable);
            continue;
          }
          if (cancelled.retryable()) {
            throw error;
          }
          return new TransactionResult(operationId, TransactionResult.Status.CANCELLED,
              cancelled.reasons().stream().filter(r -> r.index() < actions.size()).toList());
        }
        if (error instanceof IdempotentParameterMismatchException mismatch) {
          return afterMismatch(operationId, recordKey, fingerprint, attempt, mismatch);
        }
        if (session.awaitRetry(error)) {
          calls.retried(OPERATION, idempotencyTable);
          continue;
        }
        throw error;
      }
    }
  }

  private TransactionResult decide(String operationId, Map<String, AttributeValue> record, String fingerprint,
      String attempt) {
    AttributeValue stored = record.get("fingerprint");
    if (stored == null || !fingerprint.equals(stored.s())) {
      throw OperationIdReusedException.of(operationId);
    }
    AttributeValue by = record.get("attempt");
    TransactionResult.Status status = by != null && attempt.equals(by.s())
        ? TransactionResult.Status.APPLIED
        : TransactionResult.Status.REPLAYED;
    LOG.debug("Transaction {} {}", operationId, status == TransactionResult.Status.APPLIED
        ? "was applied by an earlier attempt of this call" : "was applied by another call; replayed");
    return new TransactionResult(operationId, status, List.of());
  }

  /**
   * The token was used with other parameters (another call's attempt id): the record decides. An absent record
   * does not prove anything yet (the other call may be in flight), so it is read again a few times with backoff.
   */
  private TransactionResult afterMismatch(String operationId, String recordKey, String fingerprint, String attempt,
      IdempotentParameterMismatchException mismatch) {
    RetrySettings r = owner.retrySettings();
    for (int reread = 0; reread <= RECORD_REREADS; reread++) {
      Map<String, AttributeValue> record = readRecord(recordKey);
      if (!record.isEmpty()) {
        return decide(operationId, record, fingerprint, attempt);
      }
      try {
        r.sleeper().sleep(r.backoff().delay(reread + 1, r.random()));
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw TransactionOutcomeUnknownException.of(operationId, idempotencyTable, mismatch);
  }

  private Map<String, AttributeValue> readRecord(String recordKey) {
    Map<String, AttributeValue> item = calls.run("GetItem", idempotencyTable, () -> owner.client()
        .getItem(b -> b.tableName(idempotencyTable).key(Map.of(KEY, AttributeValue.fromS(recordKey)))
            .consistentRead(true)).item());
    return item == null ? Map.of() : item;
  }

  private TransactWriteItem recordPut(String recordKey, String fingerprint, String attempt, Instant now) {
    Map<String, AttributeValue> item = Map.of(
        KEY, AttributeValue.fromS(recordKey),
        "operation", AttributeValue.fromS(KIND),
        "fingerprint", AttributeValue.fromS(fingerprint),
        "attempt", AttributeValue.fromS(attempt),
        "created_at", AttributeValue.fromS(now.toString()),
        EXPIRES_AT, AttributeValue.fromN(Long.toString(now.plus(retention).getEpochSecond())));
    return TransactWriteItem.builder().put(Put.builder().tableName(idempotencyTable).item(item)
        .conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(Map.of("#k", KEY))
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
  }

  private static String tableOf(TransactWriteItem a) {
    if (a.put() != null) {
      return a.put().tableName();
    }
    if (a.update() != null) {
      return a.update().tableName();
    }
    if (a.delete() != null) {
      return a.delete().tableName();
    }
    if (a.conditionCheck() != null) {
      return a.conditionCheck().tableName();
    }
    throw dev.ddbkit.core.error.InvalidInputException.of("request", "A transaction action names no operation.");
  }

  private static boolean hasConditionFailure(Throwable e) {
    return DdbkitErrors.translate(e, null, null) instanceof TransactionCanceledException t
        && t.reasons().stream().anyMatch(CancellationReason::conditionalCheckFailed);
  }
}
