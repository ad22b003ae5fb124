package dev.ddbkit.core.metrics.internal;

import dev.ddbkit.core.metrics.MetricsHook;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Reads the bounded facts of a DynamoDB request and response: table, capacity, item counts. */
public final class CallDetails {
  private static final Set<String> READ_OPERATIONS =
      Set.of("GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems");

  private CallDetails() {}

  /** The table of {@code request}: its {@code TableName}, the one table of a batch or transaction, or a marker. */
  public static String tableOf(SdkRequest request) {
    Optional<String> single = request.getValueForField("TableName", String.class);
    if (single.isPresent()) {
      return single.get();
    }
    List<String> tables = tablesOf(request);
    if (tables.isEmpty()) {
      return MetricsHook.UNKNOWN_TABLE;
    }
    return tables.size() == 1 ? tables.get(0) : MetricsHook.MULTIPLE_TABLES;
  }

  /** Every table {@code request} names, sorted; names a malformed request leaves out are skipped. */
  public static List<String> tablesOf(SdkRequest request) {
    java.util.TreeSet<String> tables = new java.util.TreeSet<>();
    request.getValueForField("TableName", String.class).ifPresent(tables::add);
    if (request instanceof BatchGetItemRequest r) {
      tables.addAll(r.requestItems().keySet());
    } else if (request instanceof BatchWriteItemRequest r) {
      tables.addAll(r.requestItems().keySet());
    } else if (request instanceof TransactWriteItemsRequest r) {
      for (TransactWriteItem i : r.transactItems()) {
        if (i.put() != null) {
          addIfNamed(tables, i.put().tableName());
        } else if (i.update() != null) {
          addIfNamed(tables, i.update().tableName());
        } else if (i.delete() != null) {
          addIfNamed(tables, i.delete().tableName());
        } else if (i.conditionCheck() != null) {
          addIfNamed(tables, i.conditionCheck().tableName());
        }
      }
    } else if (request instanceof TransactGetItemsRequest r) {
      for (TransactGetItem i : r.transactItems()) {
        if (i.get() != null) {
          addIfNamed(tables, i.get().tableName());
        }
      }
    }
    return List.copyOf(tables);
  }

  private static void addIfNamed(Set<String> tables, @Nullable String table) {
    if (table != null) {
      tables.add(table);
    }
  }

  /** The index a Query or Scan reads, when it names one. */
  public static Optional<String> indexOf(SdkRequest request) {
    return request.getValueForField("IndexName", String.class);
  }

  /** {@code request} with {@code ReturnConsumedCapacity=INDEXES} when it has the member and did not set it. */
  public static SdkRequest withIndexesCapacity(SdkRequest request) {
    Optional<SdkField<?>> field = request.sdkFields().stream()
        .filter(f -> "ReturnConsumedCapacity".equals(f.memberName())).findFirst();
    if (field.isEmpty() || request.getValueForField("ReturnConsumedCapacity", Object.class).isPresent()) {
      return request;
    }
    SdkRequest.Builder builder = request.toBuilder();
    field.get().set(builder, ReturnConsumedCapacity.INDEXES.toString());
    return builder.build();
  }

  /** Every {@code ConsumedCapacity} entry of {@code response}. */
  public static List<ConsumedCapacity> consumedCapacity(SdkResponse response) {
    Object consumed = response.getValueForField("ConsumedCapacity", Object.class).orElse(null);
    if (consumed instanceof ConsumedCapacity cc) {
      return List.of(cc);
    }
    if (consumed instanceof List<?> list) {
      return list.stream().filter(ConsumedCapacity.class::isInstance).map(ConsumedCapacity.class::cast).toList();
    }
    return List.of();
  }

  /** Whether capacity of {@code operation} without a read/write split is read capacity. */
  public static boolean isRead(String operation, SdkRequest request) {
    if (READ_OPERATIONS.contains(operation)) {
      return true;
    }
    if ("ExecuteStatement".equals(operation)) {
      String statement = request.getValueForField("Statement", String.class).orElse("");
      return statement.stripLeading().toLowerCase(Locale.ROOT).startsWith("select");
    }
    return false;
  }

  /** Items a read response returned; empty for writes. */
  public static Optional<Long> itemsReturned(SdkResponse response) {
    if (response instanceof QueryResponse r) {
      return Optional.of((long) (r.count() == null ? r.items().size() : r.count()));
    }
    if (response instanceof ScanResponse r) {
      return Optional.of((long) (r.count() == null ? r.items().size() : r.count()));
    }
    if (response instanceof GetItemResponse r) {
      return Optional.of(r.hasItem() ? 1L : 0L);
    }
    if (response instanceof BatchGetItemResponse r) {
      return Optional.of(r.responses().values().stream().mapToLong(List::size).sum());
    }
    if (response instanceof TransactGetItemsResponse r) {
      return Optional.of(r.responses().stream().filter(i -> i.hasItem()).count());
    }
    if (response instanceof ExecuteStatementResponse r && r.hasItems()) {
      return Optional.of((long) r.items().size());
    }
    return Optional.empty();
  }

  /** Unprocessed items or keys of a batch response; empty for other calls. */
  public static Optional<Long> unprocessed(SdkResponse response) {
    if (response instanceof BatchWriteItemResponse r) {
      long n = 0;
      for (Map.Entry<String, List<WriteRequest>> e : r.unprocessedItems().entrySet()) {
        n += e.getValue().size();
      }
      return Optional.of(n);
    }
    if (response instanceof BatchGetItemResponse r) {
      long n = 0;
      for (KeysAndAttributes k : r.unprocessedKeys().values()) {
        n += k.keys().size();
      }
      return Optional.of(n);
    }
    return Optional.empty();
  }
}
