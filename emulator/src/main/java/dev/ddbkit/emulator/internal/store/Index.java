package dev.ddbkit.emulator.internal.store;

import dev.ddbkit.emulator.internal.value.Value;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A global or local secondary index: its schema, its projection and its entries, kept in step with the table
 * on every write (under the table item's lock). Entries are ordered by the index sort key, then by the table's
 * keys, so that an index partition with equal sort keys still pages deterministically.
 */
public final class Index {
  public enum ProjectionType { ALL, KEYS_ONLY, INCLUDE }

  /** The position of an entry inside an index partition; {@code sort} and {@code tableSort} may be null. */
  public record EntryKey(Value sort, Value tablePk, Value tableSort) {}

  private static final Comparator<Value> NULLS_FIRST = Comparator.nullsFirst(KeyOrder.VALUES);
  static final Comparator<EntryKey> ENTRY_ORDER = Comparator.comparing(EntryKey::sort, NULLS_FIRST)
      .thenComparing(EntryKey::tablePk, NULLS_FIRST)
      .thenComparing(EntryKey::tableSort, NULLS_FIRST);

  private final String name;
  private final boolean global;
  private final KeySchema schema;
  private final KeySchema tableSchema;
  private final ProjectionType projectionType;
  private final List<String> nonKeyAttributes;
  private volatile long readCapacity;
  private volatile long writeCapacity;
  final ConcurrentSkipListMap<PartitionKey, ConcurrentSkipListMap<EntryKey, byte[]>> partitions =
      new ConcurrentSkipListMap<>(PartitionKey.ORDER);
  final AtomicLong itemCount = new AtomicLong();
  final AtomicLong sizeBytes = new AtomicLong();

  public Index(String name, boolean global, KeySchema schema, KeySchema tableSchema,
      ProjectionType projectionType, List<String> nonKeyAttributes, long readCapacity, long writeCapacity) {
    this.name = name;
    this.global = global;
    this.schema = schema;
    this.tableSchema = tableSchema;
    this.projectionType = projectionType;
    this.nonKeyAttributes = List.copyOf(nonKeyAttributes);
    this.readCapacity = readCapacity;
    this.writeCapacity = writeCapacity;
  }

  public String name() {
    return name;
  }

  public boolean global() {
    return global;
  }

  public KeySchema schema() {
    return schema;
  }

  public ProjectionType projectionType() {
    return projectionType;
  }

  public List<String> nonKeyAttributes() {
    return nonKeyAttributes;
  }

  public long readCapacity() {
    return readCapacity;
  }

  public long writeCapacity() {
    return writeCapacity;
  }

  public void throughput(long read, long write) {
    this.readCapacity = read;
    this.writeCapacity = write;
  }

  public long itemCount() {
    return itemCount.get();
  }

  public long sizeBytes() {
    return sizeBytes.get();
  }

  /** Whether an attribute is part of this index's projection (keys of the index and table always are). */
  public boolean projects(String attribute) {
    return projectionType == ProjectionType.ALL
        || schema.isKeyAttribute(attribute)
        || tableSchema.isKeyAttribute(attribute)
        || (projectionType == ProjectionType.INCLUDE && nonKeyAttributes.contains(attribute));
  }

  /** The projected copy of a table item as this index stores it. */
  public Map<String, Value> project(Map<String, Value> item) {
    if (projectionType == ProjectionType.ALL) {
      return item;
    }
    Map<String, Value> out = new LinkedHashMap<>();
    for (Map.Entry<String, Value> e : item.entrySet()) {
      if (projects(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  public EntryKey entryKey(Map<String, Value> item) {
    return new EntryKey(
        schema.range().map(item::get).orElse(null),
        item.get(tableSchema.hash()),
        tableSchema.range().map(item::get).orElse(null));
  }

  void remove(Map<String, Value> item, long size) {
    if (!schema.covers(item)) {
      return;
    }
    ConcurrentSkipListMap<EntryKey, byte[]> partition = partitions.get(PartitionKey.of(item.get(schema.hash())));
    if (partition != null && partition.remove(entryKey(item)) != null) {
      itemCount.decrementAndGet();
      sizeBytes.addAndGet(-size);
    }
  }

  void add(Map<String, Value> item, long size) {
    if (!schema.covers(item)) {
      return;
    }
    ConcurrentSkipListMap<EntryKey, byte[]> partition = partitions.computeIfAbsent(
        PartitionKey.of(item.get(schema.hash())), k -> new ConcurrentSkipListMap<>(ENTRY_ORDER));
    if (partition.put(entryKey(item), ItemCodec.encode(project(item))) == null) {
      itemCount.incrementAndGet();
      sizeBytes.addAndGet(size);
    }
  }

  /** The entries of one index partition in order, after {@code exclusiveStart} when given. */
  public Iterator<Map<String, Value>> query(Value partitionKey, Optional<EntryKey> exclusiveStart, boolean forward) {
    ConcurrentSkipListMap<EntryKey, byte[]> partition = partitions.get(PartitionKey.of(partitionKey));
    if (partition == null) {
      return java.util.Collections.emptyIterator();
    }
    NavigableMap<EntryKey, byte[]> view = forward ? partition : partition.descendingMap();
    if (exclusiveStart.isPresent()) {
      view = view.tailMap(exclusiveStart.get(), false);
    }
    return Table.decoding(view.values().iterator());
  }

  /** Every entry, partition by partition in scan order, after {@code exclusiveStart} when given. */
  public Iterator<Map<String, Value>> scan(int segment, int totalSegments, Optional<Map<String, Value>> exclusiveStart) {
    return Table.scanPartitions(partitions, segment, totalSegments,
        exclusiveStart.map(s -> PartitionKey.of(s.get(schema.hash()))),
        exclusiveStart.map(this::entryKey),
        p -> p.values().iterator(),
        (p, start) -> p.tailMap(start, false).values().iterator());
  }
}
