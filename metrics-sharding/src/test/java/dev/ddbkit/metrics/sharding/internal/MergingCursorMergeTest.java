package dev.ddbkit.metrics.sharding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.metrics.sharding.MalformedMetricException;
import dev.ddbkit.metrics.sharding.MetricCursor;
import dev.ddbkit.metrics.sharding.MetricKeys;
import dev.ddbkit.metrics.sharding.MetricPoint;
import dev.ddbkit.metrics.sharding.MetricQuery;
import dev.ddbkit.metrics.sharding.ShardReadException;
import dev.ddbkit.metrics.sharding.StoredPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The k-way merge over a hand-written in-memory {@link DynamoDbAsyncClient} answering {@code query} only. */
class MergingCursorMergeTest {
  private static final Instant BASE = Instant.parse("2024-01-15T10:30:00Z");
  private static final String METRIC = "clicks";
  private static final String TABLE = "metrics-test";

  /** Answers Query from in-memory shards; completes each response on another thread after a short pause. */
  static final class FakeClient implements DynamoDbAsyncClient {
    final Map<String, List<Map<String, AttributeValue>>> shards = new HashMap<>();
    final Set<String> failing = new HashSet<>();
    final Map<String, AtomicInteger> perShard = new ConcurrentHashMap<>();
    final AtomicInteger total = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxFollowUpInFlight = new AtomicInteger();
    final AtomicInteger followUpInFlight = new AtomicInteger();
    final Executor later = CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS);

    void add(int shard, Map<String, AttributeValue> item) {
      shards.computeIfAbsent(MetricKeys.shardKey(METRIC, shard), k -> new ArrayList<>()).add(item);
    }

    @Override
    public CompletableFuture<QueryResponse> query(QueryRequest request) {
      total.incrementAndGet();
      String shardKey = request.expressionAttributeValues().get(":shard").s();
      perShard.computeIfAbsent(shardKey, k -> new AtomicInteger()).incrementAndGet();
      String start = request.expressionAttributeValues().get(":start").s();
      String end = request.expressionAttributeValues().get(":end").s();
      boolean followUp = request.hasExclusiveStartKey();
      inFlight.incrementAndGet();
      if (followUp) {
        maxFollowUpInFlight.accumulateAndGet(followUpInFlight.incrementAndGet(), Math::max);
      }
      return CompletableFuture.supplyAsync(() -> {
        try {
          if (failing.contains(shardKey)) {
            throw DynamoDbException.builder().message("shard down").statusCode(500).build();
          }
          return answer(request, shardKey, start, end);
        } finally {
          inFlight.decrementAndGet();
          if (followUp) {
            followUpInFlight.decrementAndGet();
          }
        }
      }, later);
    }

    private QueryResponse answer(QueryRequest request, String shardKey, String start, String end) {
      Comparator<String> order = Comparator.naturalOrder();
      if (!request.scanIndexForward()) {
        order = order.reversed();
      }
      Comparator<String> o = order;
      List<Map<String, AttributeValue>> all = new ArrayList<>(shards.getOrDefault(shardKey, List.of()));
      all.removeIf(i -> key(i).compareTo(start) < 0 || key(i).compareTo(end) > 0);
      all.sort((x, y) -> o.compare(key(x), key(y)));
      int from = 0;
      if (request.hasExclusiveStartKey()) {
        String after = request.exclusiveStartKey().get(Items.TIMESTAMP).s();
        while (from < all.size() && o.compare(key(all.get(from)), after) <= 0) {
          from++;
        }
      }
      int to = Math.min(all.size(), from + request.limit());
      QueryResponse.Builder b = QueryResponse.builder().items(all.subList(from, to));
      if (to < all.size() || to - from == request.limit()) {
        if (to > from) {
          b.lastEvaluatedKey(Items.key(all.get(to - 1)));
        }
      }
      return b.build();
    }

    private static String key(Map<String, AttributeValue> item) {
      return item.get(Items.TIMESTAMP).s();
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }

  private static Map<String, AttributeValue> item(int shard, MetricPoint p) {
    return Items.toItem(p, shard, BASE.plusSeconds(86_400));
  }

  /** {@code perShard} points in each of {@code shardCount} shards, point i of shard s at BASE + (i * shards + s) ms. */
  private static FakeClient filled(int shardCount, int perShard) {
    FakeClient client = new FakeClient();
    for (int s = 0; s < shardCount; s++) {
      for (int i = 0; i < perShard; i++) {
        int n = i * shardCount + s;
        client.add(s, item(s, new MetricPoint(METRIC, BASE.plusMillis(n), n, "id" + n)));
      }
    }
    return client;
  }

  private static MergingCursor cursor(FakeClient client, int shards, int pageSize,
      Consumer<MetricQuery.Builder> options) {
    MetricQuery q = MetricQuery.of(METRIC, BASE, BASE.plusSeconds(3600), options.andThen(b -> b.pageSize(pageSize)));
    return new MergingCursor(client, TABLE, q, shards, 500, 8);
  }

  private static List<Double> values(MetricCursor c) {
    List<Double> out = new ArrayList<>();
    c.forEachRemaining(p -> out.add(p.value()));
    return out;
  }

  @Test
  void merge_ascendingAcrossManyPagesPerShard_returnsEveryPointInTimeOrder() {
    FakeClient client = filled(4, 53);
    try (MergingCursor c = cursor(client, 4, 7, q -> {})) {
      List<Double> v = values(c);
      assertThat(v).hasSize(212).isSorted();
      assertThat(v.get(0)).isEqualTo(0.0);
      assertThat(c.missingShards()).isEmpty();
      // Limit 8 (a page and one): 53 points take 7 Queries a shard
      assertThat(c.requestsSent()).isEqualTo(client.total.get()).isEqualTo(4 * 7);
    }
  }

  @Test
  void shardEndingExactlyAtAPageBoundary_needsNoTrailingEmptyQuery() {
    FakeClient client = filled(4, 14);
    try (MergingCursor c = cursor(client, 4, 7, q -> {})) {
      assertThat(values(c)).hasSize(56).isSorted();
      // with Limit 7 each shard would take 3 Queries (7, 7, then an empty one after the LastEvaluatedKey)
      assertThat(c.requestsSent()).isEqualTo(4 * 2);
    }
  }

  @Test
  void merge_descendingAcrossManyPagesPerShard_returnsEveryPointNewestFirst() {
    FakeClient client = filled(5, 31);
    try (MergingCursor c = cursor(client, 5, 4, MetricQuery.Builder::descending)) {
      List<Double> v = values(c);
      assertThat(v).hasSize(155).isSortedAccordingTo(Comparator.reverseOrder());
      assertThat(v.get(0)).isEqualTo(154.0);
    }
  }

  @Test
  void merge_sameDdbkitPointInTwoShards_isReturnedOnce() {
    FakeClient client = filled(3, 10);
    MetricPoint dup = new MetricPoint(METRIC, BASE.plusMillis(7), 7, "id7");  // lives in shard 1
    client.add(2, item(2, dup));
    try (MergingCursor c = cursor(client, 3, 4, q -> {})) {
      List<StoredPoint> points = new ArrayList<>();
      c.forEachRemaining(points::add);
      assertThat(points).hasSize(30);
      assertThat(points).extracting(StoredPoint::id).doesNotHaveDuplicates();
    }
  }

  @Test
  void merge_guideItemsWithEqualTimestampInTwoShards_areBothReturned() {
    FakeClient client = new FakeClient();
    Map<String, AttributeValue> a = new HashMap<>();
    a.put(Items.TIMESTAMP, AttributeValue.fromS("2024-01-15T10:30:00.005Z"));
    a.put(Items.VALUE, AttributeValue.fromN("1"));
    Map<String, AttributeValue> b = new HashMap<>(a);
    b.put(Items.VALUE, AttributeValue.fromN("2"));
    a.put(Items.SHARD, AttributeValue.fromS(MetricKeys.shardKey(METRIC, 0)));
    b.put(Items.SHARD, AttributeValue.fromS(MetricKeys.shardKey(METRIC, 1)));
    client.add(0, a);
    client.add(1, b);
    try (MergingCursor c = cursor(client, 2, 10, q -> {})) {
      assertThat(values(c)).containsExactly(1.0, 2.0);
    }
  }

  @Test
  void limit_isMetFromFirstPages_noFurtherPageIsRequested() {
    FakeClient client = filled(4, 100);
    try (MergingCursor c = cursor(client, 4, 10, q -> q.descending().limit(5))) {
      assertThat(values(c)).containsExactly(399.0, 398.0, 397.0, 396.0, 395.0);
      assertThat(c.requestsSent()).isEqualTo(4);
    }
    assertThat(client.total.get()).isEqualTo(4);
  }

  @Test
  void limit_largerThanFirstPages_readsAheadOnlyUntilTheLimitIsCovered() {
    FakeClient client = filled(4, 100);
    try (MergingCursor c = cursor(client, 4, 10, q -> q.limit(60))) {
      assertThat(values(c)).hasSize(60).isSorted().startsWith(0.0, 1.0);
    }
    // 60 points spread evenly need 15 per shard: two pages each, plus at most one read-ahead per shard.
    assertThat(client.total.get()).isBetween(8, 12);
  }

  @Test
  void failingShard_byDefault_failsTheReadNamingTheShard() {
    FakeClient client = filled(3, 20);
    client.failing.add(MetricKeys.shardKey(METRIC, 1));
    try (MergingCursor c = cursor(client, 3, 5, q -> {})) {
      assertThatThrownBy(() -> values(c))
          .isInstanceOfSatisfying(ShardReadException.class, e -> {
            assertThat(e.shard()).isEqualTo(1);
            assertThat(e.shardKey()).isEqualTo("clicks#1");
          });
    }
  }

  @Test
  void failingShard_withPartialResults_isLeftOutAndReported() {
    FakeClient client = filled(3, 20);
    client.failing.add(MetricKeys.shardKey(METRIC, 2));
    try (MergingCursor c = cursor(client, 3, 5, MetricQuery.Builder::allowPartialResults)) {
      List<Double> v = values(c);
      assertThat(v).hasSize(40).isSorted().allMatch(d -> d.intValue() % 3 != 2);
      assertThat(c.missingShards()).containsExactly(2);
    }
  }

  @Test
  void followUpPages_ofDifferentShards_areInFlightAtTheSameTime() {
    FakeClient client = filled(4, 40);
    try (MergingCursor c = cursor(client, 4, 5, q -> {})) {
      assertThat(values(c)).hasSize(160).isSorted();
    }
    // Without read-ahead every follow-up page is requested only when the merge blocks on it: one at a time.
    assertThat(client.maxFollowUpInFlight.get()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void malformedItems_failTheReadWithATypedErrorNamingShardAndKey_neverZero() {
    FakeClient client = filled(2, 3);
    Map<String, AttributeValue> noValue = new HashMap<>(item(1, new MetricPoint(METRIC, BASE.plusMillis(2), 5, "z")));
    noValue.remove(Items.VALUE);
    client.add(1, noValue);
    try (MergingCursor c = cursor(client, 2, 10, q -> {})) {
      assertThatThrownBy(() -> values(c))
          .isInstanceOfSatisfying(MalformedMetricException.class, e -> {
            assertThat(e.shard()).isEqualTo(1);
            assertThat(e.shardKey()).isEqualTo("clicks#1");
            assertThat(e.sortKey()).isEqualTo(MetricKeys.sortKey(BASE.plusMillis(2), "z"));
          });
    }

    FakeClient other = new FakeClient();
    Map<String, AttributeValue> badKey = new HashMap<>();
    badKey.put(Items.SHARD, AttributeValue.fromS("clicks#0"));
    badKey.put(Items.TIMESTAMP, AttributeValue.fromS("2024-01-15T10:30:00.000Z-other"));
    badKey.put(Items.VALUE, AttributeValue.fromN("3"));
    other.add(0, badKey);
    try (MergingCursor c = cursor(other, 1, 10, q -> {})) {
      assertThatThrownBy(() -> values(c))
          .isInstanceOfSatisfying(MalformedMetricException.class, e -> {
            assertThat(e.shard()).isZero();
            assertThat(e.sortKey()).isEqualTo("2024-01-15T10:30:00.000Z-other");
            assertThat(e.getMessage()).contains("clicks#0");
          });
    }
  }
}
