package dev.ddbkit.transactions;

import dev.ddbkit.core.table.KeyAttribute;
import dev.ddbkit.core.table.TableDefinition;

/**
 * The table where ddbkit records each applied transaction's operation id, written inside the same
 * transaction as the business items. It is a separate table so the seed's tables stay byte-compatible.
 *
 * <p>Item layout: {@code idempotency_key} (S, partition key: {@code "<operation>#<16 hex of the operation and
 * its tables>#<operationId>"}, so table sets can share this table), {@code operation} (S: {@code processOrder}
 * or {@code transferCredits}), {@code fingerprint} (S: SHA-256 of the request's content), {@code attempt} (S:
 * the random id of the call that applied it), {@code created_at} (S, ISO-8601), {@code expires_at} (N, epoch
 * seconds, TTL).
 *
 * <pre>{@code
 * TableManager.of(client).ensure(IdempotencyTable.definition());
 * }</pre>
 */
public final class IdempotencyTable {
  /** Default table name. */
  public static final String DEFAULT_NAME = "ddbkit-idempotency";
  /** Partition key attribute. */
  public static final String KEY = "idempotency_key";
  /** TTL attribute. */
  public static final String TTL_ATTRIBUTE = "expires_at";

  private IdempotencyTable() {}

  /** The definition with the default name: on demand, TTL on {@code expires_at}, encryption, PITR. */
  public static TableDefinition definition() {
    return definition(DEFAULT_NAME);
  }

  /** The definition with the given table name. */
  public static TableDefinition definition(String name) {
    return TableDefinition.builder(name)
        .partitionKey(KeyAttribute.string(KEY))
        .ttlAttribute(TTL_ATTRIBUTE)
        .serverSideEncryption(true)
        .pointInTimeRecovery(true)
        .build();
  }
}
