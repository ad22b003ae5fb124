package dev.ddbkit.transactions.internal;

import dev.ddbkit.core.error.CancellationReason;
import dev.ddbkit.core.error.ErrorContext;
import dev.ddbkit.core.error.IdempotentParameterMismatchException;
import dev.ddbkit.core.error.TransactionCanceledException;
import dev.ddbkit.core.item.SeedTimestamps;
import dev.ddbkit.transactions.TransactionSettings;
import dev.ddbkit.transactions.TransferRequest;
import dev.ddbkit.transactions.TransferResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The TransactWriteItems of one transfer: the debit (index 0, on {@code attribute_exists(account_id) AND
 * balance >= :amount}, returning the old item), the credit (1, on {@code attribute_exists(account_id)}) and
 * the idempotency record (2); and the reading of its cancellation reasons by index.
 */
public final class TransferPlan {
  /** Operation kind in tokens and idempotency keys. */
  public static final String OPERATION = "transferCredits";
  private static final int DEBIT = 0;
  private static final int CREDIT = 1;
  private static final int RECORD = 2;

  private final TransferRequest request;
  private final String token;
  private final String fingerprint;
  private final String recordTable;
  private final String recordKey;
  private final String attempt;
  private final List<TransactWriteItem> actions;

  private TransferPlan(TransferRequest request, TransactionSettings settings, Instant now) {
    this.request = request;
    Idempotency.checkOperationId(request.operationId());
    List<String> tables = List.of(settings.accountsTable(), settings.idempotencyTable());
    this.token = Idempotency.token(OPERATION, tables, request.operationId());
    this.fingerprint = fingerprint(request);
    this.recordTable = settings.idempotencyTable();
    this.recordKey = Idempotency.key(OPERATION, Idempotency.scope(OPERATION, tables), request.operationId());
    this.attempt = Idempotency.newAttempt();
    String stamp = SeedTimestamps.isoMillis(now);
    AttributeValue amount = AttributeValue.fromN(Long.toString(request.amount()));
    TransactWriteItem debit = TransactWriteItem.builder().update(Update.builder()
        .tableName(settings.accountsTable())
        .key(Map.of("account_id", AttributeValue.fromS(request.fromAccount())))
        .updateExpression("SET #b = #b - :amount, #u = :now")
        .conditionExpression("attribute_exists(#id) AND #b >= :amount")
        .expressionAttributeNames(Map.of("#b", "balance", "#u", "updated_at", "#id", "account_id"))
        .expressionAttributeValues(Map.of(":amount", amount, ":now", AttributeValue.fromS(stamp)))
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build()).build();
    TransactWriteItem credit = TransactWriteItem.builder().update(Update.builder()
        .tableName(settings.accountsTable())
        .key(Map.of("account_id", AttributeValue.fromS(request.toAccount())))
        .updateExpression("SET #b = #b + :amount, #u = :now")
        .conditionExpression("attribute_exists(#id)")
        .expressionAttributeNames(Map.of("#b", "balance", "#u", "updated_at", "#id", "account_id"))
        .expressionAttributeValues(Map.of(":amount", amount, ":now", AttributeValue.fromS(stamp)))
        .build()).build();
    TransactWriteItem record = Idempotency.recordPut(recordTable, recordKey, OPERATION, fingerprint, attempt, now,
        settings.idempotencyRetention());
    this.actions = List.of(debit, credit, record);
    RequestLimits.check(actions, "transfer");
  }

  /** Plans {@code request} at {@code now}. */
  public static TransferPlan of(TransferRequest request, TransactionSettings settings, Instant now) {
    return new TransferPlan(request, settings, now);
  }

  /** Fingerprint of a transfer's content: accounts and amount; never timestamps. */
  public static String fingerprint(TransferRequest request) {
    return Idempotency.fingerprint(List.of(OPERATION, request.fromAccount(), request.toAccount(),
        Long.toString(request.amount())));
  }

  /** The actions, in index order. */
  public List<TransactWriteItem> actions() {
    return actions;
  }

  /** The ClientRequestToken. */
  public String token() {
    return token;
  }

  /** The idempotency table. */
  public String recordTable() {
    return recordTable;
  }

  /** The idempotency record's key value. */
  public String recordKey() {
    return recordKey;
  }

  /** The result of a committed transaction. */
  public TransferResult transferred() {
    return new TransferResult.Transferred(request.operationId(), request.fromAccount(), request.toAccount(),
        request.amount(), false);
  }

  /**
   * The result for an existing idempotency record: with this transfer's fingerprint, applied by this call
   * if the record holds this call's attempt id and a replay otherwise; with another fingerprint an
   * {@link IdempotentParameterMismatchException}.
   */
  public TransferResult replayOf(Map<String, AttributeValue> record) {
    Optional<String> stored = Idempotency.storedFingerprint(record);
    if (stored.isPresent() && stored.get().equals(fingerprint)) {
      return new TransferResult.Transferred(request.operationId(), request.fromAccount(), request.toAccount(),
          request.amount(), !Idempotency.writtenBy(record, attempt));
    }
    throw IdempotentParameterMismatchException.of("Operation id " + request.operationId()
        + " was already used for a different transfer; an operation id may be reused only for the same accounts "
        + "and amount.", ErrorContext.of("TransactWriteItems", recordTable));
  }

  /**
   * Reads the cancellation reasons by index: the idempotency record first (replay or mismatch), then an
   * unknown source (debit failed with no old item), an unknown target, and insufficient funds. Rethrows
   * {@code e} when no condition explains the cancellation.
   */
  public TransferResult interpret(TransactionCanceledException e) {
    Optional<CancellationReason> record = e.reason(RECORD).filter(CancellationReason::conditionalCheckFailed);
    if (record.isPresent()) {
      return replayOf(record.get().item());
    }
    Optional<CancellationReason> debit = e.reason(DEBIT).filter(CancellationReason::conditionalCheckFailed);
    if (debit.isPresent() && debit.get().item().isEmpty()) {
      return new TransferResult.UnknownSourceAccount(request.operationId(), request.fromAccount());
    }
    if (e.reason(CREDIT).filter(CancellationReason::conditionalCheckFailed).isPresent()) {
      return new TransferResult.UnknownTargetAccount(request.operationId(), request.toAccount());
    }
    if (debit.isPresent()) {
      long available = Numbers.wholeNumber(debit.get().item(), "balance").orElse(0);
      return new TransferResult.InsufficientFunds(request.operationId(), request.fromAccount(), request.amount(),
          available);
    }
    throw e;
  }
}
