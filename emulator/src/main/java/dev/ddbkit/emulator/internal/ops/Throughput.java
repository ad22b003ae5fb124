package dev.ddbkit.emulator.internal.ops;

import dev.ddbkit.emulator.internal.error.DynamoException;
import dev.ddbkit.emulator.internal.store.Table;
import dev.ddbkit.emulator.internal.value.Value;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The optional throughput model: token buckets refilled by the emulator's clock, per partition key (DynamoDB's
 * per-partition limits, 3,000 read and 1,000 write units a second, both billing modes) and per provisioned
 * table (its RCU/WCU a second, with up to 300 seconds of unused capacity kept as burst). A request is refused
 * with ProvisionedThroughputExceededException and DynamoDB's {@code ThrottlingReasons} when a bucket it needs
 * is empty; the units it consumed are taken afterwards, so a bucket may go below zero, as in DynamoDB.
 */
final class Throughput {
  private static final double PARTITION_READ_UNITS = 3000;
  private static final double PARTITION_WRITE_UNITS = 1000;
  private static final double BURST_SECONDS = 300;

  private final boolean enabled;
  private final Clock clock;
  private final Map<Object, Bucket> buckets = new ConcurrentHashMap<>();

  private record PartitionBucket(String tableId, Value partitionKey, boolean write) {}

  private record TableBucket(String tableId, boolean write) {}

  Throughput(boolean enabled, Clock clock) {
    this.enabled = enabled;
    this.clock = clock;
  }

  /** Refuses the request when the partition's or the provisioned table's bucket is empty. */
  void admit(Table table, Optional<Value> partitionKey, boolean write) {
    if (!enabled) {
      return;
    }
    long now = clock.millis();
    if (partitionKey.isPresent()) {
      Bucket b = partitionBucket(table, partitionKey.get(), write);
      if (!b.available(now)) {
        throw throttled(table, write ? "TableWriteKeyRangeThroughputExceeded" : "TableReadKeyRangeThroughputExceeded",
            "Throughput exceeds the current capacity for one or more partitions of your table. "
                + "Reduce the request rate to the affected partition keys.");
      }
    }
    Optional<Bucket> t = tableBucket(table, write);
    if (t.isPresent() && !t.get().available(now)) {
      throw throttled(table, write ? "TableWriteProvisionedThroughputExceeded" : "TableReadProvisionedThroughputExceeded",
          "The level of configured provisioned throughput for the table was exceeded. "
              + "Consider increasing your provisioning level with the UpdateTable API.");
    }
  }

  /** Takes the units a request consumed from its buckets. */
  void charge(Table table, Optional<Value> partitionKey, boolean write, double units) {
    if (!enabled || units <= 0) {
      return;
    }
    long now = clock.millis();
    partitionKey.ifPresent(pk -> partitionBucket(table, pk, write).take(now, units));
    tableBucket(table, write).ifPresent(b -> b.take(now, units));
  }

  private Bucket partitionBucket(Table table, Value pk, boolean write) {
    double rate = write ? PARTITION_WRITE_UNITS : PARTITION_READ_UNITS;
    return buckets.computeIfAbsent(new PartitionBucket(table.tableId(), pk, write), k -> new Bucket(rate, rate, clock.millis()));
  }

  private Optional<Bucket> tableBucket(Table table, boolean write) {
    double rate;
    synchronized (table.settings()) {
      if (!table.settings().billingMode.equals("PROVISIONED")) {
        return Optional.empty();
      }
      rate = write ? table.settings().writeCapacity : table.settings().readCapacity;
    }
    Bucket b = buckets.computeIfAbsent(new TableBucket(table.tableId(), write),
        k -> new Bucket(rate, rate * BURST_SECONDS, clock.millis()));
    b.rate(rate, rate * BURST_SECONDS);
    return Optional.of(b);
  }

  private static DynamoException throttled(Table table, String reason, String message) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("reason", reason);
    r.put("resource", table.arn());
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("ThrottlingReasons", List.of(r));
    return new DetailedException("ProvisionedThroughputExceededException", 400, message, extra);
  }

  private static final class Bucket {
    private double rate;
    private double max;
    private double tokens;
    private long last;

    Bucket(double rate, double max, long now) {
      this.rate = rate;
      this.max = max;
      this.tokens = max;
      this.last = now;
    }

    synchronized void rate(double rate, double max) {
      this.rate = rate;
      this.max = max;
    }

    private void refill(long now) {
      if (now > last) {
        tokens = Math.min(max, tokens + rate * (now - last) / 1000.0);
        last = now;
      }
    }

    synchronized boolean available(long now) {
      refill(now);
      return tokens > 0;
    }

    synchronized void take(long now, double units) {
      refill(now);
      tokens -= units;
    }
  }
}
