package dev.ddbkit.orders.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Everything that identifies one list query except page size and position: the fingerprint a cursor is
 * bound to, and the {@code Query} request it sends.
 *
 * @param kind what the query returns; keys-only and hydrated status queries differ
 * @param table the table name
 * @param index the index name, null for the table
 * @param partitionAttribute the partition key attribute of the table or index
 * @param partitionValue the partition key value
 * @param sortAttribute the sort key attribute of the table or index
 * @param lower the inclusive lower bound on the sort key, if any
 * @param upper the inclusive upper bound on the sort key, if any
 * @param forward ascending sort key order
 * @param consistentRead strongly consistent reads (table queries only)
 * @param keyAttributes the attributes of {@code LastEvaluatedKey}, partition key of the query first
 */
public record QuerySpec(
    Kind kind,
    String table,
    @Nullable String index,
    String partitionAttribute,
    String partitionValue,
    String sortAttribute,
    @Nullable String lower,
    @Nullable String upper,
    boolean forward,
    boolean consistentRead,
    List<String> keyAttributes) {

  /** The query kinds; part of the fingerprint. */
  public enum Kind {
    /** Orders of one customer. */
    CUSTOMER,
    /** Orders of one day. */
    DATE,
    /** Keys of one status. */
    STATUS_KEYS,
    /** Hydrated orders of one status. */
    STATUS_ORDERS
  }

  public QuerySpec {
    keyAttributes = List.copyOf(keyAttributes);
  }

  /** The bytes a cursor is bound to (consistency and page size excluded: they do not change positions). */
  public byte[] fingerprint() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(kind.name());
      out.writeUTF(table);
      writeNullable(out, index);
      out.writeUTF(partitionAttribute);
      out.writeUTF(partitionValue);
      out.writeUTF(sortAttribute);
      writeNullable(out, lower);
      writeNullable(out, upper);
      out.writeBoolean(forward);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeNullable(DataOutputStream out, @Nullable String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  /** The {@code Query} request for one round trip. */
  public QueryRequest request(@Nullable Map<String, AttributeValue> exclusiveStartKey, int limit) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    names.put("#pk", partitionAttribute);
    values.put(":pk", AttributeValue.fromS(partitionValue));
    StringBuilder condition = new StringBuilder("#pk = :pk");
    if (lower != null || upper != null) {
      names.put("#sk", sortAttribute);
    }
    if (lower != null && upper != null) {
      condition.append(" AND #sk BETWEEN :lo AND :hi");
      values.put(":lo", AttributeValue.fromS(lower));
      values.put(":hi", AttributeValue.fromS(upper));
    } else if (lower != null) {
      condition.append(" AND #sk >= :lo");
      values.put(":lo", AttributeValue.fromS(lower));
    } else if (upper != null) {
      condition.append(" AND #sk <= :hi");
      values.put(":hi", AttributeValue.fromS(upper));
    }
    QueryRequest.Builder request = QueryRequest.builder()
        .tableName(table)
        .keyConditionExpression(condition.toString())
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)
        .scanIndexForward(forward)
        .limit(limit);
    if (index != null) {
      request.indexName(index);
    } else if (consistentRead) {
      request.consistentRead(true);
    }
    if (exclusiveStartKey != null) {
      request.exclusiveStartKey(exclusiveStartKey);
    }
    return request.build();
  }

  /** Whether {@code lower <= upper}, i.e. the key range can hold anything. */
  public boolean rangeIsEmpty() {
    return lower != null && upper != null && lower.compareTo(upper) > 0;
  }
}
