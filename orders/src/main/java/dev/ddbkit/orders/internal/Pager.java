package dev.ddbkit.orders.internal;

import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.ErrorContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads exactly one page of a query: keeps sending {@code Query} (DynamoDB stops at {@code Limit} items or
 * 1 MB, whichever comes first) until it holds {@code pageSize + 1} items or the partition is exhausted. The
 * extra item only proves that more exist; the next page starts after the last item kept, whose key is
 * built from the item itself (a {@code LastEvaluatedKey} has exactly the table's and the index's keys).
 */
public final class Pager {
  private final DynamoDbClient client;

  /** A pager sending queries through {@code client}. */
  public Pager(DynamoDbClient client) {
    this.client = client;
  }

  /**
   * One page's raw items.
   *
   * @param items at most the page size, in query order
   * @param next where the next page starts; null when nothing follows
   */
  public record RawPage(List<Map<String, AttributeValue>> items, @Nullable Map<String, AttributeValue> next) {}

  /** Reads the page of {@code spec} starting after {@code start} (null: the beginning). */
  public RawPage fetch(QuerySpec spec, @Nullable Map<String, AttributeValue> start, int pageSize) {
    if (spec.rangeIsEmpty()) {
      return new RawPage(List.of(), null);
    }
    List<Map<String, AttributeValue>> items = new ArrayList<>(Math.min(pageSize + 1, 128));
    Map<String, AttributeValue> position = start;
    do {
      QueryResponse response;
      try {
        response = client.query(spec.request(position, pageSize + 1 - items.size()));
      } catch (RuntimeException e) {
        throw DdbkitErrors.translate(e, "Query", spec.table());
      }
      items.addAll(response.items());
      position = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
          ? response.lastEvaluatedKey()
          : null;
    } while (items.size() <= pageSize && position != null);

    if (items.size() <= pageSize) {
      return new RawPage(items, null);
    }
    List<Map<String, AttributeValue>> kept = new ArrayList<>(items.subList(0, pageSize));
    return new RawPage(kept, keyOf(kept.get(pageSize - 1), spec));
  }

  private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, QuerySpec spec) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    ErrorContext context = ErrorContext.of("Query", spec.table());
    for (String name : spec.keyAttributes()) {
      key.put(name, AttributeValue.fromS(OrderItems.string(item, name, context)));
    }
    return key;
  }
}
