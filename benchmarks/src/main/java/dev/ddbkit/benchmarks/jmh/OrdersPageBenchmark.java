package dev.ddbkit.benchmarks.jmh;

import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrdersRepository;
import dev.ddbkit.orders.Page;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * ddbkit's own CPU cost for one page of 20 orders by customer (build the request, map 21 items to orders, sign
 * the cursor) against the raw SDK call of the same shape, both answered from memory: the difference is what
 * the orders repository adds to every page, without network or server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OrdersPageBenchmark {
  private static final String CUSTOMER = "bench-1";
  private DynamoDbClient client;
  private OrdersRepository repository;

  /** A customer of 21 orders in the seed's layout, answered from memory. */
  @Setup
  public void setUp() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("customer_id", AttributeValue.fromS(CUSTOMER));
      item.put("order_id", AttributeValue.fromS("ORD_17" + (64_000_000_000L + i) + "_1a2b3c4d"));
      item.put("order_date", AttributeValue.fromS("2026-11-24"));
      item.put("created_at", AttributeValue.fromS("2026-11-24T11:00:00.000Z"));
      item.put("status", AttributeValue.fromS("pending"));
      item.put("expires_at", AttributeValue.fromN("1890000000"));
      item.put("total", AttributeValue.fromN("1990"));
      items.add(item);
    }
    QueryResponse response = QueryResponse.builder().items(items).count(items.size())
        .lastEvaluatedKey(Map.of("customer_id", items.get(20).get("customer_id"),
            "order_id", items.get(20).get("order_id")))
        .build();
    client = new DynamoDbClient() {
      @Override
      public String serviceName() {
        return SERVICE_NAME;
      }

      @Override
      public void close() {}

      @Override
      public QueryResponse query(QueryRequest request) {
        return response;
      }
    };
    repository = OrdersRepository.builder().client(client)
        .cursorKey("ddbkit-benchmark-cursor-key-0001".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).build();
  }

  /** The raw SDK: the Query request a service would write by hand, items returned as maps. */
  @Benchmark
  public List<Map<String, AttributeValue>> rawQuery() {
    return client.query(q -> q.tableName(SeedTables.ORDERS).keyConditionExpression("customer_id = :c")
        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(CUSTOMER)))
        .scanIndexForward(false).limit(20)).items();
  }

  /** ddbkit: one page of 20 orders, newest first, with its cursor. */
  @Benchmark
  public Page<Order> ddbkitPage() {
    return repository.byCustomer(CUSTOMER, q -> q.pageSize(20));
  }
}
