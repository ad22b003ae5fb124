package dev.ddbkit.core.typed;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.typed.internal.BatchEngine;
import dev.ddbkit.core.typed.internal.Values;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table whose hot partition keys are spread over shards: writes put each item under
 * {@code strategy.physicalKey(logicalKey, shard)} (the item's own partition key is the logical key), and reads
 * query every shard and merge the results in sort-key order (scatter-gather). The partition key must be a string.
 *
 * <pre>{@code
 * ShardedTable<Reading> readings = table.sharded(ShardKeyStrategy.random(8));
 * readings.putAll(batch);                                          // BatchWriteItem, spread over 8 shards
 * List<Reading> today = readings.query("sensor-1", k -> QueryConditional.sortBeginsWith(
 *     b -> b.partitionValue(k).sortValue("2026-12-01")));
 * }</pre>
 *
 * @param <T> the entity type
 */
public final class ShardedTable<T> {
  private final DdbkitTable<T> table;
  private final ShardKeyStrategy<T> strategy;
  private final String partitionKey;

  ShardedTable(DdbkitTable<T> table, ShardKeyStrategy<T> strategy) {
    this.table = table;
    this.strategy = strategy;
    this.partitionKey = table.schema().tableMetadata().primaryPartitionKey();
    Require.argument(strategy.shardCount() >= 1, "shardCount", "shardCount must be at least 1.");
  }

  /** The strategy. */
  public ShardKeyStrategy<T> strategy() {
    return strategy;
  }

  /** The table underneath. */
  public DdbkitTable<T> table() {
    return table;
  }

  /** Writes {@code items}, each under its shard's physical key, as {@link DdbkitTable#putAll} writes. */
  public BatchWriteResult<T> putAll(Collection<T> items) {
    Require.nonNull(items, "items");
    TableSchema<T> schema = table.schema();
    List<BatchEngine.Write<T>> writes = new ArrayList<>(items.size());
    for (T item : items) {
      Map<String, AttributeValue> map = new LinkedHashMap<>(schema.itemToMap(Require.nonNull(item, "item"), true));
      AttributeValue logical = map.get(partitionKey);
      Require.argument(logical != null && logical.s() != null, partitionKey,
          () -> "A sharded item needs a string partition key " + partitionKey + ".");
      int shard = strategy.shardFor(item);
      Require.argument(shard >= 0 && shard < strategy.shardCount(), "shard",
          () -> "The strategy chose shard " + shard + " outside [0, " + strategy.shardCount() + ").");
      map.put(partitionKey, AttributeValue.fromS(strategy.physicalKey(logical.s(), shard)));
      writes.add(new BatchEngine.Write<>(item, table.batch().keyOf(map), map));
    }
    BatchEngine.WriteOutcome<T> outcome = table.batch().write(writes);
    List<BatchWriteResult.Failure<T>> failures = new ArrayList<>();
    outcome.failed().forEach(f -> failures.add(new BatchWriteResult.Failure<>(f.getKey(), f.getValue())));
    return new BatchWriteResult<>(outcome.written(), failures, outcome.requests());
  }

  /** Every item of {@code logicalKey}, across all shards, in sort-key order. */
  public List<T> query(String logicalKey) {
    return query(logicalKey, physical -> QueryConditional.keyEqualTo(Key.builder().partitionValue(physical).build()));
  }

  /**
   * The items of {@code logicalKey} matching the condition {@code condition} builds for each shard's physical
   * key, across all shards ({@code Query} per shard, every page), merged in sort-key order. Items come back with
   * their physical partition key.
   */
  public List<T> query(String logicalKey, Function<String, QueryConditional> condition) {
    Require.nonBlank(logicalKey, "logicalKey");
    Require.nonNull(condition, "condition");
    Optional<String> sortKey = table.schema().tableMetadata().primarySortKey();
    List<List<T>> perShard = new ArrayList<>();
    for (int shard = 0; shard < strategy.shardCount(); shard++) {
      QueryConditional c = condition.apply(strategy.physicalKey(logicalKey, shard));
      List<T> items = new ArrayList<>();
      table.query(QueryEnhancedRequest.builder().queryConditional(c).limit(1000).build())
          .items().forEach(items::add);
      perShard.add(items);
    }
    if (sortKey.isEmpty()) {
      return perShard.stream().flatMap(List::stream).toList();
    }
    return merge(perShard, sortKey.get());
  }

  private List<T> merge(List<List<T>> perShard, String sortKey) {
    TableSchema<T> schema = table.schema();
    record Head<T>(T item, AttributeValue sort, int shard, int index) {}
    PriorityQueue<Head<T>> heads = new PriorityQueue<>(Comparator.<Head<T>, AttributeValue>comparing(Head::sort,
        Values::compareKeys).thenComparingInt(Head::shard));
    for (int s = 0; s < perShard.size(); s++) {
      if (!perShard.get(s).isEmpty()) {
        T first = perShard.get(s).get(0);
        heads.add(new Head<>(first, schema.attributeValue(first, sortKey), s, 0));
      }
    }
    List<T> merged = new ArrayList<>();
    while (!heads.isEmpty()) {
      Head<T> head = heads.poll();
      merged.add(head.item());
      List<T> shardItems = perShard.get(head.shard());
      int next = head.index() + 1;
      if (next < shardItems.size()) {
        T item = shardItems.get(next);
        heads.add(new Head<>(item, schema.attributeValue(item, sortKey), head.shard(), next));
      }
    }
    return merged;
  }
}
