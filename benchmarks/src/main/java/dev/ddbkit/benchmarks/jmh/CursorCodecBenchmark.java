package dev.ddbkit.benchmarks.jmh;

import dev.ddbkit.orders.internal.CursorCodec;
import dev.ddbkit.orders.internal.QuerySpec;
import java.nio.charset.StandardCharsets;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Signing and verifying an orders cursor (HMAC-SHA256 over the last key and the query's fingerprint). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CursorCodecBenchmark {
  private CursorCodec codec;
  private QuerySpec spec;
  private Map<String, AttributeValue> lastKey;
  private String cursor;

  /** A customer query's cursor. */
  @Setup
  public void setUp() {
    codec = new CursorCodec("benchmark-cursor-key-0123456789".getBytes(StandardCharsets.UTF_8));
    spec = new QuerySpec(QuerySpec.Kind.CUSTOMER, "orders-production", null, "customer_id", "customer-0042",
        "order_id", null, null, false, false, List.of("customer_id", "order_id"));
    lastKey = Map.of("customer_id", AttributeValue.fromS("customer-0042"),
        "order_id", AttributeValue.fromS("ORD_1700000000000_1a2b3c4d"));
    cursor = codec.encode(spec, lastKey);
  }

  /** Encodes and signs a cursor. */
  @Benchmark
  public String encode() {
    return codec.encode(spec, lastKey);
  }

  /** Verifies and decodes a cursor. */
  @Benchmark
  public Map<String, AttributeValue> decode() {
    return codec.decode(spec, cursor);
  }
}
