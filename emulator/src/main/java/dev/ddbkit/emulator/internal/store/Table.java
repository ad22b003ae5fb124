package dev.ddbkit.emulator.internal.store;

import dev.ddbkit.emulator.internal.value.Value;
import dev.ddbkit.emulator.internal.wire.Attributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One table's items and indexes. Items live in partitions (partition key, in scan order) of sorted maps (sort
 * key, DynamoDB's order) holding each item in {@link ItemCodec}'s compact form. Writes to one partition are
 * serialised by a striped lock chosen by the partition key, so a single-item write (with its condition and its
 * index updates) is atomic and writes to different partitions run in parallel; reads take no lock.
 * Transactions lock every stripe they touch in {@link #stripe} order ({@link TableLocks}).
 */
public final class Table {
  static final int STRIPES = 1024;
  /** The sort key of the only item in a partition of a table without a sort key (never a valid key value). */
  private static final Value NO_SORT = new Value.S("");

  private final String name;
  private final String region;
  private final String tableId;
  private final Instant created;
  private final KeySchema schema;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
  private final ConcurrentSkipListMap<PartitionKey, ConcurrentSkipListMap<Value, byte[]>> partitions =
      new ConcurrentSkipListMap<>(PartitionKey.ORDER);
  private final AtomicLong itemCount = new AtomicLong();
  private final AtomicLong sizeBytes = new AtomicLong();
  private final Map<String, Index> localIndexes;
  private volatile Map<String, Index> globalIndexes;
  /** Everything DescribeTable reports that the engine does not interpret; guarded by {@code this}. */
  private final TableSettings settings;

  public Table(String name, String region, String tableId, Instant created, KeySchema schema,
      List<Index> localIndexes, List<Index> globalIndexes, TableSettings settings) {
    this.name = name;
    this.region = region;
    this.tableId = tableId;
    this.created = created;
    this.schema = schema;
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
    this.localIndexes = toMap(localIndexes);
    this.globalIndexes = toMap(globalIndexes);
    this.settings = settings;
  }

  private static Map<String, Index> toMap(List<Index> indexes) {
    Map<String, Index> map = new LinkedHashMap<>();
    for (Index i : indexes) {
      map.put(i.name(), i);
    }
    return Collections.unmodifiableMap(map);
  }

  public String name() {
    return name;
  }

  public String region() {
    return region;
  }

  public String arn() {
    return "arn:aws:dynamodb:" + region + ":000000000000:table/" + name;
  }

  public String tableId() {
    return tableId;
  }

  public Instant created() {
    return created;
  }

  public KeySchema schema() {
    return schema;
  }

  public TableSettings settings() {
    return settings;
  }

  public long itemCount() {
    return itemCount.get();
  }

  public long sizeBytes() {
    return sizeBytes.get();
  }

  public Map<String, Index> localIndexes() {
    return localIndexes;
  }

  public Map<String, Index> globalIndexes() {
    return globalIndexes;
  }

  public Optional<Index> index(String indexName) {
    Index i = globalIndexes.get(indexName);
    return Optional.ofNullable(i != null ? i : localIndexes.get(indexName));
  }

  /** The lock stripe of a partition key. */
  public int stripe(Value partitionKey) {
    return Math.floorMod(KeyOrder.hash(partitionKey), STRIPES);
  }

  ReentrantLock lock(int stripe) {
    return locks[stripe];
  }

  /** Reads an item by its (validated) key; no lock. */
  public Optional<Map<String, Value>> get(Map<String, Value> key) {
    ConcurrentSkipListMap<Value, byte[]> partition = partitions.get(PartitionKey.of(key.get(schema.hash())));
    if (partition == null) {
      return Optional.empty();
    }
    byte[] bytes = partition.get(sortOf(key));
    return bytes == null ? Optional.empty() : Optional.of(ItemCodec.decode(bytes));
  }

  private Value sortOf(Map<String, Value> item) {
    return schema.range().map(item::get).orElse(NO_SORT);
  }

  /**
   * Reads, changes and stores one item atomically under its partition's lock. {@code change} receives the
   * current item and returns the new one (empty deletes); it may throw to leave the item unchanged.
   */
  public <T> T write(Map<String, Value> key, BiFunction<Optional<Map<String, Value>>, Writer, T> change) {
    ReentrantLock lock = locks[stripe(key.get(schema.hash()))];
    lock.lock();
    try {
      return change.apply(get(key), new Writer(key));
    } finally {
      lock.unlock();
    }
  }

  /** Stores the result of a change; only valid while the item's stripe is locked. */
  public final class Writer {
    private final Map<String, Value> key;

    private Writer(Map<String, Value> key) {
      this.key = key;
    }

    public void store(Optional<Map<String, Value>> old, Optional<Map<String, Value>> next) {
      storeLocked(key, old, next);
    }
  }

  /** Replaces an item; the caller holds the item's stripe lock and passes the item it read under that lock. */
  public void storeLocked(Map<String, Value> key, Optional<Map<String, Value>> old, Optional<Map<String, Value>> next) {
    if (!locks[stripe(key.get(schema.hash()))].isHeldByCurrentThread()) {
      throw new IllegalStateException("Item written without its lock");
    }
    PartitionKey pk = PartitionKey.of(key.get(schema.hash()));
    Value sort = sortOf(key);
    long oldSize = old.map(Attributes::size).orElse(0L);
    long newSize = next.map(Attributes::size).orElse(0L);
    Map<String, Index> gsis = globalIndexes;
    if (old.isPresent()) {
      for (Index i : localIndexes.values()) {
        i.remove(old.get(), oldSize);
      }
      for (Index i : gsis.values()) {
        i.remove(old.get(), oldSize);
      }
    }
    if (next.isPresent()) {
      partitions.computeIfAbsent(pk, k -> new ConcurrentSkipListMap<>(KeyOrder.VALUES))
          .put(sort, ItemCodec.encode(next.get()));
      for (Index i : localIndexes.values()) {
        i.add(next.get(), newSize);
      }
      for (Index i : gsis.values()) {
        i.add(next.get(), newSize);
      }
      if (old.isEmpty()) {
        itemCount.incrementAndGet();
      }
    } else if (old.isPresent()) {
      ConcurrentSkipListMap<Value, byte[]> partition = partitions.get(pk);
      if (partition != null) {
        partition.remove(sort);
        if (partition.isEmpty()) {
          // safe: every writer of this partition holds the same stripe lock
          partitions.remove(pk, partition);
        }
      }
      itemCount.decrementAndGet();
    }
    sizeBytes.addAndGet(newSize - oldSize);
  }

  /** The items of one partition in sort key order (or reverse), after {@code exclusiveStartSort} when given. */
  public Iterator<Map<String, Value>> query(Value partitionKey, Optional<Value> exclusiveStartSort, boolean forward) {
    ConcurrentSkipListMap<Value, byte[]> partition = partitions.get(PartitionKey.of(partitionKey));
    if (partition == null) {
      return Collections.emptyIterator();
    }
    NavigableMap<Value, byte[]> view = forward ? partition : partition.descendingMap();
    if (exclusiveStartSort.isPresent()) {
      view = view.tailMap(exclusiveStartSort.get(), false);
    }
    return decoding(view.values().iterator());
  }

  /** Every item of a scan segment in scan order, after the item with key {@code exclusiveStart} when given. */
  public Iterator<Map<String, Value>> scan(int segment, int totalSegments, Optional<Map<String, Value>> exclusiveStart) {
    return scanPartitions(partitions, segment, totalSegments,
        exclusiveStart.map(s -> PartitionKey.of(s.get(schema.hash()))),
        exclusiveStart.map(this::sortOf),
        p -> p.values().iterator(),
        (p, start) -> p.tailMap(start, false).values().iterator());
  }

  /** Adds a new global index and fills it from the current items, with every stripe locked. */
  public void addGlobalIndex(Index index) {
    lockAll();
    try {
      Iterator<Map<String, Value>> all = scan(0, 1, Optional.empty());
      while (all.hasNext()) {
        Map<String, Value> item = all.next();
        index.add(item, Attributes.size(item));
      }
      Map<String, Index> next = new LinkedHashMap<>(globalIndexes);
      next.put(index.name(), index);
      globalIndexes = Collections.unmodifiableMap(next);
    } finally {
      unlockAll();
    }
  }

  public void removeGlobalIndex(String indexName) {
    lockAll();
    try {
      Map<String, Index> next = new LinkedHashMap<>(globalIndexes);
      next.remove(indexName);
      globalIndexes = Collections.unmodifiableMap(next);
    } finally {
      unlockAll();
    }
  }

  private void lockAll() {
    for (ReentrantLock l : locks) {
      l.lock();
    }
  }

  private void unlockAll() {
    for (int i = locks.length - 1; i >= 0; i--) {
      locks[i].unlock();
    }
  }

  static <P, K> Iterator<Map<String, Value>> scanPartitions(
      ConcurrentSkipListMap<PartitionKey, P> partitions, int segment, int totalSegments,
      Optional<PartitionKey> startPartition, Optional<K> startWithin,
      Function<P, Iterator<byte[]>> all, BiFunction<P, K, Iterator<byte[]>> after) {
    long from = PartitionKey.segmentStart(segment, totalSegments);
    long to = PartitionKey.segmentStart(segment + 1, totalSegments);
    NavigableMap<PartitionKey, P> range;
    PartitionKey lower = new PartitionKey((int) from, null);
    if (to > 0xFFFFFFFFL) {
      range = partitions.tailMap(lower, true);
    } else {
      range = partitions.subMap(lower, true, new PartitionKey((int) to, null), false);
    }
    List<Iterator<byte[]>> first = new ArrayList<>(1);
    if (startPartition.isPresent()) {
      P p = partitions.get(startPartition.get());
      if (p != null) {
        first.add(after.apply(p, startWithin.get()));
      }
      range = range.tailMap(startPartition.get(), false);
    }
    Iterator<P> rest = range.values().iterator();
    Iterator<byte[]> chained = new Iterator<>() {
      private Iterator<byte[]> current = first.isEmpty() ? Collections.emptyIterator() : first.get(0);

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (!rest.hasNext()) {
            return false;
          }
          current = all.apply(rest.next());
        }
        return true;
      }

      @Override
      public byte[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
    return decoding(chained);
  }

  static Iterator<Map<String, Value>> decoding(Iterator<byte[]> bytes) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return bytes.hasNext();
      }

      @Override
      public Map<String, Value> next() {
        return ItemCodec.decode(bytes.next());
      }
    };
  }
}
