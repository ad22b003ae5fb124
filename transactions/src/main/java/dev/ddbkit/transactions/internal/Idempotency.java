package dev.ddbkit.transactions.internal;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.item.SeedTimestamps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Idempotency tokens, request fingerprints and the idempotency record written inside each transaction.
 *
 * <p>DynamoDB scopes ClientRequestTokens to the account and region, not to tables, so the token is a
 * function of everything that identifies the operation: its kind, the tables it writes and the caller's
 * operation id. The record key carries a hash of the kind and tables too, so two table sets sharing one
 * idempotency table never see each other's records. The fingerprint is a function of the request's content
 * (never of timestamps), so a retry with the same content is recognised as a replay and a reused id with
 * other content as a mismatch. Each call also writes its own random {@code attempt} id into the record:
 * the one call whose attempt id is stored is the one that applied the operation; every other call of the
 * same operation reports a replay.
 */
public final class Idempotency {
  /** Longest operation id, in UTF-8 bytes; the record key must stay well under DynamoDB's 2048-byte limit. */
  public static final int MAX_OPERATION_ID_BYTES = 1024;
  /** Attribute holding the operation kind. */
  public static final String OPERATION = "operation";
  /** Attribute holding the content fingerprint. */
  public static final String FINGERPRINT = "fingerprint";
  /** Attribute holding the creation time. */
  public static final String CREATED_AT = "created_at";
  /** TTL attribute. */
  public static final String EXPIRES_AT = "expires_at";
  /** Key attribute. */
  public static final String KEY = "idempotency_key";
  /** Attribute holding the random id of the call that applied the operation. */
  public static final String ATTEMPT = "attempt";

  private Idempotency() {}

  /** Checks the operation id's size; a sentence names the limit. */
  public static String checkOperationId(String operationId) {
    return Require.maxUtf8Bytes(operationId, MAX_OPERATION_ID_BYTES, "operationId");
  }

  /**
   * The ClientRequestToken for {@code operation} on {@code tables} with {@code operationId}: 32 lowercase hex
   * characters of a SHA-256 (DynamoDB allows 1 to 36 characters).
   */
  public static String token(String operation, List<String> tables, String operationId) {
    List<String> parts = new ArrayList<>();
    parts.add("ddbkit-token");
    parts.add(operation);
    parts.add(Integer.toString(tables.size()));
    parts.addAll(tables);
    parts.add(operationId);
    return sha256(parts).substring(0, 32);
  }

  /** 16 hex characters naming {@code operation} on {@code tables}; part of the record key. */
  public static String scope(String operation, List<String> tables) {
    List<String> parts = new ArrayList<>();
    parts.add("ddbkit-scope");
    parts.add(operation);
    parts.addAll(tables);
    return sha256(parts).substring(0, 16);
  }

  /** A new random attempt id (128 bits, hex) for one call. */
  public static String newAttempt() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** The fingerprint of a request's content: SHA-256 hex of the parts, length-prefixed so none can blur. */
  public static String fingerprint(List<String> parts) {
    return sha256(parts);
  }

  /** The record key: {@code operation + "#" + scope + "#" + operationId}. */
  public static String key(String operation, String scope, String operationId) {
    return operation + "#" + scope + "#" + operationId;
  }

  /** The record's Put, conditional on the key not existing, returning the old record if it does. */
  public static TransactWriteItem recordPut(String table, String key, String operation, String fingerprint,
      String attempt, Instant now, Duration retention) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put(KEY, AttributeValue.fromS(key));
    item.put(OPERATION, AttributeValue.fromS(operation));
    item.put(FINGERPRINT, AttributeValue.fromS(fingerprint));
    item.put(ATTEMPT, AttributeValue.fromS(attempt));
    item.put(CREATED_AT, AttributeValue.fromS(SeedTimestamps.isoMillis(now)));
    item.put(EXPIRES_AT, AttributeValue.fromN(SeedTimestamps.epochSeconds(now.plus(retention))));
    return TransactWriteItem.builder().put(Put.builder()
        .tableName(table)
        .item(item)
        .conditionExpression("attribute_not_exists(#k)")
        .expressionAttributeNames(Map.of("#k", KEY))
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build()).build();
  }

  /** The fingerprint stored in an existing record, if any. */
  public static Optional<String> storedFingerprint(Map<String, AttributeValue> record) {
    AttributeValue v = record.get(FINGERPRINT);
    return v == null || v.s() == null ? Optional.empty() : Optional.of(v.s());
  }

  /** Whether {@code record} was written by the call with {@code attempt}. */
  public static boolean writtenBy(Map<String, AttributeValue> record, String attempt) {
    AttributeValue v = record.get(ATTEMPT);
    return v != null && attempt.equals(v.s());
  }

  /** The creation time stored in an existing record, if readable. */
  public static Optional<Instant> storedCreatedAt(Map<String, AttributeValue> record) {
    AttributeValue v = record.get(CREATED_AT);
    return v == null || v.s() == null ? Optional.empty() : SeedTimestamps.parseIso(v.s());
  }

  private static String sha256(List<String> parts) {
    return Sha256.hex(digest -> {
      for (String part : parts) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
      }
    });
  }
}
