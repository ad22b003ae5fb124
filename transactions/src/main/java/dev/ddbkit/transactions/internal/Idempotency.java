package dev.ddbkit.transactions.internal;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.item.SeedTimestamps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Idempotency tokens, request fingerprints and the idempotency record written inside each transaction.
 *
 * <p>The ClientRequestToken is a function of the operation kind and the caller's operation id only, so a
 * retry of the same operation always carries the same token. The fingerprint is a function of the
 * request's content (never of timestamps), so a retry with the same content is recognised as a replay and
 * a reused id with other content as a mismatch.
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

  private Idempotency() {}

  /** Checks the operation id's size; a sentence names the limit. */
  public static String checkOperationId(String operationId) {
    return Require.maxUtf8Bytes(operationId, MAX_OPERATION_ID_BYTES, "operationId");
  }

  /**
   * The ClientRequestToken for {@code operation} / {@code operationId}: 32 lowercase hex characters of a
   * SHA-256 (DynamoDB allows 1 to 36 characters).
   */
  public static String token(String operation, String operationId) {
    return sha256(List.of("ddbkit-token", operation, operationId)).substring(0, 32);
  }

  /** The fingerprint of a request's content: SHA-256 hex of the parts, length-prefixed so none can blur. */
  public static String fingerprint(List<String> parts) {
    return sha256(parts);
  }

  /** The record key: {@code operation + "#" + operationId}. */
  public static String key(String operation, String operationId) {
    return operation + "#" + operationId;
  }

  /** The record's Put, conditional on the key not existing, returning the old record if it does. */
  public static TransactWriteItem recordPut(String table, String operation, String operationId, String fingerprint,
      Instant now, Duration retention) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put(KEY, AttributeValue.fromS(key(operation, operationId)));
    item.put(OPERATION, AttributeValue.fromS(operation));
    item.put(FINGERPRINT, AttributeValue.fromS(fingerprint));
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
