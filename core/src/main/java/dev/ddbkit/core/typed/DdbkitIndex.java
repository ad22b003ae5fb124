package dev.ddbkit.core.typed;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.typed.internal.BatchEngine;
import dev.ddbkit.core.typed.internal.Values;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Queries on one index of a {@link DdbkitTable} (from {@link DdbkitTable#index} or, with full items read back,
 * {@link DdbkitTable#hydratedIndex}). Results are a {@link QueryResult}: exact pages, signed cursors, streams.
 *
 * <pre>{@code
 * ResultPage<Customer> page = customers.hydratedIndex("by_email")
 *     .query(QueryConditional.keyEqualTo(k -> k.partitionValue("ada@example.com"))).page(10);
 * }</pre>
 *
 * @param <T> the entity type
 */
public final class DdbkitIndex<T> {
  private final DdbkitTable<T> table;
  private final @Nullable String indexName;
  private final boolean hydrate;
  private final List<String> cursorKeys;

  DdbkitIndex(DdbkitTable<T> table, @Nullable String indexName, boolean hydrate) {
    this.table = table;
    this.indexName = indexName;
    this.hydrate = hydrate;
    TableMetadata metadata = table.schema().tableMetadata();
    LinkedHashSet<String> keys = new LinkedHashSet<>();
    if (indexName != null) {
      keys.addAll(metadata.indexKeys(indexName));
    }
    keys.addAll(metadata.primaryKeys());
    this.cursorKeys = List.copyOf(keys);
  }

  /** The index name. */
  public String name() {
    return indexName == null ? TableMetadata.primaryIndexName() : indexName;
  }

  /** Whether results are read back as full items. */
  public boolean hydrated() {
    return hydrate;
  }

  /** Queries the index ({@code Query}, plus {@code BatchGetItem} when hydrated). */
  public QueryResult<T> query(QueryEnhancedRequest request) {
    Require.nonNull(request, "request");
    Require.nonNull(request.queryConditional(), "queryConditional");
    Require.argument(request.exclusiveStartKey() == null, "exclusiveStartKey",
        "Pass a cursor to QueryResult.page(size, cursor) instead of an exclusiveStartKey.");
    int pageSize = request.limit() == null ? QueryResult.DEFAULT_PAGE_SIZE : request.limit();
    Require.argument(pageSize >= 1 && pageSize <= QueryResult.MAX_PAGE_SIZE, "limit",
        "limit must be between 1 and " + QueryResult.MAX_PAGE_SIZE + " but was " + pageSize + ".");
    byte[] fingerprint = fingerprint(request);
    return new QueryResult<>((size, cursor) -> page(request, fingerprint, size, cursor), pageSize);
  }

  /** Queries the index with the request built by {@code request}. */
  public QueryResult<T> query(Consumer<QueryEnhancedRequest.Builder> request) {
    QueryEnhancedRequest.Builder b = QueryEnhancedRequest.builder();
    Require.nonNull(request, "request").accept(b);
    return query(b.build());
  }

  /** Queries the index for the items matching {@code condition}. */
  public QueryResult<T> query(QueryConditional condition) {
    return query(QueryEnhancedRequest.builder().queryConditional(Require.nonNull(condition, "condition")).build());
  }

  private ResultPage<T> page(QueryEnhancedRequest request, byte[] fingerprint, int size, @Nullable String cursor) {
    @Nullable Map<String, AttributeValue> start = cursor == null ? null
        : table.owner().cursors().decode(fingerprint, cursorKeys, cursor);
    List<T> items = new ArrayList<>(Math.min(size, 1024));
    boolean more = false;
    while (true) {
      int want = size - items.size() + 1;
      QueryEnhancedRequest next = request.toBuilder().limit(want).exclusiveStartKey(start).build();
      Page<T> page = table.fetch(indexName, next);
      for (T item : page.items()) {
        if (items.size() < size) {
          items.add(item);
        } else {
          more = true;
          break;
        }
      }
      Map<String, AttributeValue> last = page.lastEvaluatedKey();
      if (more || last == null || last.isEmpty()) {
        break;
      }
      start = last;
    }
    @Nullable String nextCursor = null;
    if (more) {
      T last = items.get(items.size() - 1);
      nextCursor = table.owner().cursors().encode(fingerprint, cursorKeys, table.schema().itemToMap(last, cursorKeys));
    }
    return new ResultPage<>(hydrate ? hydrate(items) : items, nextCursor);
  }

  private List<T> hydrate(List<T> partial) {
    if (partial.isEmpty()) {
      return partial;
    }
    TableSchema<T> schema = table.schema();
    List<Map<String, AttributeValue>> keys = new ArrayList<>(partial.size());
    for (T item : partial) {
      keys.add(schema.itemToMap(item, table.primaryKeys()));
    }
    BatchEngine.ReadOutcome outcome = table.batch().read(keys, false);
    if (outcome.failure() != null) {
      throw outcome.failure();
    }
    List<T> full = new ArrayList<>(partial.size());
    for (Map<String, AttributeValue> item : BatchEngine.inOrder(keys, k -> k, outcome.found())) {
      full.add(schema.mapToItem(item));
    }
    return full;
  }

  private byte[] fingerprint(QueryEnhancedRequest request) {
    StringBuilder out = new StringBuilder(256);
    Values.part(out, "v", "1");
    Values.part(out, "table", table.name());
    Values.part(out, "index", indexName);
    Values.part(out, "hydrate", Boolean.toString(hydrate));
    expression(out, "key", request.queryConditional().expression(table.schema(), name()));
    expression(out, "filter", request.filterExpression());
    Values.part(out, "forward", String.valueOf(request.scanIndexForward()));
    Values.part(out, "consistent", String.valueOf(request.consistentRead()));
    Values.part(out, "project", String.valueOf(request.attributesToProject()));
    Values.part(out, "nested", String.valueOf(request.nestedAttributesToProject()));
    return Values.sha256(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void expression(StringBuilder out, String tag, @Nullable Expression e) {
    if (e == null) {
      Values.part(out, tag, null);
      return;
    }
    Values.part(out, tag, e.expression());
    Map<String, String> names = e.expressionNames() == null ? Map.of() : e.expressionNames();
    new java.util.TreeMap<>(names).forEach((k, v) -> {
      Values.part(out, "n", k);
      Values.part(out, "v", v);
    });
    Values.canonical(e.expressionValues() == null ? Map.of() : e.expressionValues(), out);
  }
}
