package dev.ddbkit.core.typed.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The rules of idempotent transactions. DynamoDB scopes a {@code ClientRequestToken} to the account and region,
 * not to tables, so the token is a function of everything that identifies the operation: its kind, the tables it
 * writes and the caller's operation id. The record key carries a hash of kind and tables too, so two table sets
 * sharing one idempotency table never see each other's records. The fingerprint is a function of the request's
 * content only, so a retry with the same content is a replay and a reused id with other content a mismatch.
 * Each call writes its own random attempt id into the record: the one call whose attempt id is stored applied
 * the operation; every other call of it reports a replay.
 */
public final class TransactionTokens {
  private TransactionTokens() {}

  /** The ClientRequestToken: 32 lowercase hex characters of a SHA-256 (DynamoDB allows 1 to 36). */
  public static String token(String kind, List<String> tables, String operationId) {
    return hash("ddbkit-token", kind, tables, operationId).substring(0, 32);
  }

  /** 16 hex characters naming {@code kind} on {@code tables}; part of the record key. */
  public static String scope(String kind, List<String> tables) {
    return hash("ddbkit-scope", kind, tables, "").substring(0, 16);
  }

  /** The record key: {@code kind + "#" + scope + "#" + operationId}. */
  public static String recordKey(String kind, List<String> tables, String operationId) {
    return kind + "#" + scope(kind, tables) + "#" + operationId;
  }

  /** A new random attempt id (128 bits, hex) for one call. */
  public static String newAttempt() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** The fingerprint of the actions: SHA-256 hex of their canonical form (tables, keys, items, expressions). */
  public static String fingerprint(List<TransactWriteItem> actions) {
    StringBuilder out = new StringBuilder(256);
    out.append(actions.size()).append(';');
    for (TransactWriteItem a : actions) {
      if (a.put() != null) {
        out.append("P");
        action(out, a.put().tableName(), a.put().item(), a.put().conditionExpression(), null,
            a.put().expressionAttributeNames(), a.put().expressionAttributeValues());
      } else if (a.update() != null) {
        out.append("U");
        action(out, a.update().tableName(), a.update().key(), a.update().conditionExpression(),
            a.update().updateExpression(), a.update().expressionAttributeNames(),
            a.update().expressionAttributeValues());
      } else if (a.delete() != null) {
        out.append("D");
        action(out, a.delete().tableName(), a.delete().key(), a.delete().conditionExpression(), null,
            a.delete().expressionAttributeNames(), a.delete().expressionAttributeValues());
      } else if (a.conditionCheck() != null) {
        out.append("C");
        action(out, a.conditionCheck().tableName(), a.conditionCheck().key(),
            a.conditionCheck().conditionExpression(), null, a.conditionCheck().expressionAttributeNames(),
            a.conditionCheck().expressionAttributeValues());
      } else {
        out.append("?");
      }
    }
    return Values.sha256Hex(out.toString());
  }

  private static void action(StringBuilder out, String table, Map<String, AttributeValue> item,
      @Nullable String condition, @Nullable String update, Map<String, String> names,
      Map<String, AttributeValue> values) {
    Values.part(out, "t", table);
    Values.canonical(item, out);
    Values.part(out, "c", condition);
    Values.part(out, "u", update);
    out.append(names.size()).append(':');
    new TreeMap<>(names).forEach((k, v) -> {
      Values.part(out, "n", k);
      Values.part(out, "v", v);
    });
    Values.canonical(values, out);
  }

  private static String hash(String purpose, String kind, List<String> tables, String operationId) {
    StringBuilder out = new StringBuilder();
    Values.part(out, "p", purpose);
    Values.part(out, "k", kind);
    out.append(tables.size()).append(':');
    tables.forEach(t -> Values.part(out, "t", t));
    Values.part(out, "o", operationId);
    return Values.sha256Hex(out.toString());
  }
}
