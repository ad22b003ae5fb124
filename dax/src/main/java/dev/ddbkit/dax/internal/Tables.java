package dev.ddbkit.dax.internal;

import dev.ddbkit.core.metrics.MetricsHook;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** The {@code table} metric tag of a request: its table, or {@link MetricsHook#MULTIPLE_TABLES}. */
public final class Tables {
  private Tables() {}

  /** The tag for a single-table request. */
  public static String of(@Nullable String table) {
    return table == null ? MetricsHook.UNKNOWN_TABLE : table;
  }

  public static String of(BatchGetItemRequest r) {
    return r.hasRequestItems() ? ofNames(r.requestItems().keySet()) : MetricsHook.UNKNOWN_TABLE;
  }

  public static String of(BatchWriteItemRequest r) {
    return r.hasRequestItems() ? ofNames(r.requestItems().keySet()) : MetricsHook.UNKNOWN_TABLE;
  }

  public static String of(TransactGetItemsRequest r) {
    Set<String> names = new HashSet<>();
    if (r.hasTransactItems()) {
      r.transactItems().forEach(i -> {
        if (i.get() != null) {
          names.add(i.get().tableName());
        }
      });
    }
    return ofNames(names);
  }

  public static String of(TransactWriteItemsRequest r) {
    Set<String> names = new HashSet<>();
    if (r.hasTransactItems()) {
      for (TransactWriteItem i : r.transactItems()) {
        if (i.put() != null) {
          names.add(i.put().tableName());
        } else if (i.update() != null) {
          names.add(i.update().tableName());
        } else if (i.delete() != null) {
          names.add(i.delete().tableName());
        } else if (i.conditionCheck() != null) {
          names.add(i.conditionCheck().tableName());
        }
      }
    }
    return ofNames(names);
  }

  private static String ofNames(Collection<String> names) {
    if (names.isEmpty()) {
      return MetricsHook.UNKNOWN_TABLE;
    }
    return names.size() == 1 ? of(names.iterator().next()) : MetricsHook.MULTIPLE_TABLES;
  }
}
