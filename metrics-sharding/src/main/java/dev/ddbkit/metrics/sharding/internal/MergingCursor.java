package dev.ddbkit.metrics.sharding.internal;

import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.metrics.sharding.MetricCursor;
import dev.ddbkit.metrics.sharding.MetricKeys;
import dev.ddbkit.metrics.sharding.MetricQuery;
import dev.ddbkit.metrics.sharding.ShardReadException;
import dev.ddbkit.metrics.sharding.StoredPoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Streaming k-way merge of the shards of one metric. A priority queue orders the shards by their head item.
 * First pages are requested in parallel through an {@link AsyncLimiter}. Read-ahead: when a shard's page
 * arrives and the shard has more, its next page is requested at once (through the same limiter), but only
 * while points emitted + points buffered or requested are below the query's limit, so a limit still stops
 * reading early. Each shard holds at most one page plus one page in flight (about 2 × shards × page size).
 */
public final class MergingCursor implements MetricCursor {
  private static final Logger log = LoggerFactory.getLogger(MergingCursor.class);

  private final DynamoDbAsyncClient client;
  private final String table;
  private final MetricQuery query;
  private final int pageSize;
  private final AsyncLimiter limiter;
  private final List<Shard> shards;
  private final PriorityQueue<Shard> heads;
  private final Set<Integer> missing = Collections.synchronizedSet(new TreeSet<>());
  private final String lowerBound;
  private final String upperBound;
  private final long limit;

  private boolean started;
  private boolean closed;
  private @Nullable Shard toAdvance;
  private @Nullable StoredPoint next;
  private @Nullable String lastSortKey;
  private long emitted;
  private int requests;

  /** A cursor over {@code shardCount} shards; nothing is sent before the first {@link #hasNext()}. */
  public MergingCursor(DynamoDbAsyncClient client, String table, MetricQuery query, int shardCount,
      int defaultPageSize, int readConcurrency) {
    this.client = client;
    this.table = table;
    this.query = query;
    this.pageSize = query.pageSize().orElse(defaultPageSize);
    this.limiter = new AsyncLimiter(readConcurrency);
    this.limit = query.limit().isPresent() ? query.limit().getAsInt() : Long.MAX_VALUE;
    this.lowerBound = MetricKeys.lowerBound(query.from());
    this.upperBound = MetricKeys.upperBound(query.to());
    this.shards = new ArrayList<>(shardCount);
    for (int i = 0; i < shardCount; i++) {
      shards.add(new Shard(i));
    }
    Comparator<Shard> order = Comparator.comparing(Shard::headSortKey, MergingCursor::compareCodePoints);
    if (query.descending()) {
      order = order.reversed();
    }
    this.heads = new PriorityQueue<>(Math.max(1, shardCount), order.thenComparingInt(s -> s.index));
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (closed) {
      return false;
    }
    if (!started) {
      started = true;
      start();
    }
    if (emitted >= limit) {
      close();
      return false;
    }
    if (toAdvance != null) {
      Shard s = toAdvance;
      toAdvance = null;
      refill(s);
    }
    while (true) {
      Shard s = heads.poll();
      if (s == null) {
        close();
        return false;
      }
      Map<String, AttributeValue> item = s.page.removeFirst();
      String sortKey = Shard.sortKeyOf(item);
      if (sortKey.equals(lastSortKey) && MetricKeys.parseId(sortKey).isPresent()) {
        // The same ddbkit point in two shards: a point re-sent by a later write landed in another shard.
        refill(s);
        continue;
      }
      lastSortKey = sortKey;
      next = Items.fromItem(table, query.metricName(), s.index, item);
      toAdvance = s;
      emitted++;
      return true;
    }
  }

  @Override
  public StoredPoint next() {
    if (!hasNext()) {
      throw new NoSuchElementException("No more metric points.");
    }
    StoredPoint p = java.util.Objects.requireNonNull(next); // hasNext() filled it
    next = null;
    return p;
  }

  @Override
  public Stream<StoredPoint> stream() {
    Spliterator<StoredPoint> split = Spliterators.spliteratorUnknownSize(this,
        Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(split, false).onClose(this::close);
  }

  @Override
  public Set<Integer> missingShards() {
    synchronized (missing) {
      return Set.copyOf(missing);
    }
  }

  @Override
  public int requestsSent() {
    return requests;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Shard s : shards) {
      CompletableFuture<QueryResponse> f = s.pending;
      if (f != null) {
        f.cancel(true);
        s.pending = null;
      }
      s.page.clear();
    }
    heads.clear();
  }

  private void start() {
    for (Shard s : shards) {
      request(s);
    }
    for (Shard s : shards) {
      refill(s);
    }
  }

  /** Makes {@code s}'s page non-empty if the shard has more items, then puts it back among the heads. */
  private void refill(Shard s) {
    while (s.page.isEmpty() && !s.exhausted) {
      if (s.pending == null) {
        request(s);
      }
      await(s);
    }
    if (!s.page.isEmpty()) {
      heads.add(s);
    }
  }

  private void request(Shard s) {
    long remaining = limit - emitted;
    // one more than a page: DynamoDB returns a LastEvaluatedKey whenever a Query stops at its Limit, so a shard
    // ending exactly at a page boundary would otherwise cost one more, empty Query (never more requests than
    // Limit = pageSize: floor(n / (pageSize + 1)) + 1 <= floor(n / pageSize) + 1)
    int size = (int) Math.min(pageSize + 1L, Math.max(1, remaining));
    QueryRequest.Builder b = QueryRequest.builder()
        .tableName(table)
        .keyConditionExpression("#pk = :shard AND #ts BETWEEN :start AND :end")
        .expressionAttributeNames(Map.of("#pk", Items.SHARD, "#ts", Items.TIMESTAMP))
        .expressionAttributeValues(Map.of(
            ":shard", AttributeValue.fromS(MetricKeys.shardKey(query.metricName(), s.index)),
            ":start", AttributeValue.fromS(lowerBound),
            ":end", AttributeValue.fromS(upperBound)))
        .scanIndexForward(!query.descending())
        .consistentRead(query.consistentRead())
        .limit(size);
    if (s.startKey != null) {
      b.exclusiveStartKey(s.startKey);
    }
    QueryRequest request = b.build();
    requests++;
    s.requested = size;
    s.pending = limiter.submit(() -> client.query(request));
  }

  private void await(Shard s) {
    CompletableFuture<QueryResponse> f = java.util.Objects.requireNonNull(s.pending, "pending query");
    s.pending = null;
    QueryResponse response;
    try {
      response = f.join();
    } catch (CompletionException | CancellationException e) {
      fail(s, e);
      return;
    }
    s.page.addAll(response.items());
    if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
      s.startKey = response.lastEvaluatedKey();
      readAhead(s);
    } else {
      s.exhausted = true;
      s.startKey = null;
    }
  }

  /** Requests {@code s}'s next page now if the limit can still use more points than are buffered or asked for. */
  private void readAhead(Shard s) {
    if (closed || s.exhausted || s.pending != null || s.startKey == null) {
      return;
    }
    if (emitted + outstanding() < limit) {
      request(s);
    }
  }

  /** Points held in pages plus points asked for by requests in flight. */
  private long outstanding() {
    long n = 0;
    for (Shard x : shards) {
      n += x.page.size();
      if (x.pending != null) {
        n += x.requested;
      }
    }
    return n;
  }

  private void fail(Shard s, RuntimeException e) {
    DdbkitException error = DdbkitErrors.translate(e, "Query", table);
    s.exhausted = true;
    s.page.clear();
    if (query.allowPartialResults()) {
      log.warn("Leaving out shard {} of metric {} on table {}: {}", s.index, query.metricName(), table,
          error.getMessage());
      missing.add(s.index);
      return;
    }
    close();
    throw ShardReadException.of(table, query.metricName(), s.index, error);
  }

  /** Unicode code point order, which is the UTF-8 byte order DynamoDB sorts keys by. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static final class Shard {
    final int index;
    final ArrayDeque<Map<String, AttributeValue>> page = new ArrayDeque<>();
    @Nullable Map<String, AttributeValue> startKey;
    @Nullable CompletableFuture<QueryResponse> pending;
    boolean exhausted;
    int requested;

    Shard(int index) {
      this.index = index;
    }

    String headSortKey() {
      Map<String, AttributeValue> head = page.peekFirst();
      return head == null ? "" : sortKeyOf(head);
    }

    static String sortKeyOf(Map<String, AttributeValue> item) {
      AttributeValue key = item.get(Items.TIMESTAMP);
      return key == null || key.s() == null ? "" : key.s();
    }
  }
}
