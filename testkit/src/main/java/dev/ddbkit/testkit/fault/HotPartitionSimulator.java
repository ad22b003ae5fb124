package dev.ddbkit.testkit.fault;

import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.testkit.fault.internal.TokenBucket;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Models DynamoDB's per-partition throughput limits inside a {@link FaultProxy}: every partition key value of a
 * registered table gets a write and a read token bucket (1,000 write units and 3,000 read units per second by
 * default, {@link Builder#scale scalable} down so that tests hit the limit quickly), and a request whose key's
 * bucket is empty is answered as DynamoDB answers it: {@code ProvisionedThroughputExceededException} for
 * single-item calls, unprocessed items or keys for batches, and a {@code TransactionCanceledException} with
 * reason {@code ThrottlingError} for transactions.
 *
 * <p>Capacity is computed as DynamoDB does: 1 write unit per started KB, 1 read unit per started 4 KB, half for
 * eventually consistent reads, double for transactions. {@code GetItem} and {@code Query} on the table are
 * admitted while their bucket holds any tokens and charged by the size actually returned; each key of a
 * {@code BatchGetItem} and {@code TransactGetItems} is admitted only if its bucket holds, and is charged, a flat
 * minimum (one started 4 KB read in its mode: 0.5, 1 or 2 units) whatever the size of the item returned.
 * Caveats: updates and deletes are charged by the size of the key
 * and new values (the proxy cannot see the stored item); queries on a secondary index, scans and PartiQL are
 * not limited.
 *
 * <pre>{@code
 * HotPartitionSimulator partitions = HotPartitionSimulator.builder()
 *     .table(metricsTable)          // a TableDefinition: its partition key attribute is used
 *     .scale(0.01)                  // 10 WCU and 30 RCU per second per partition key
 *     .build();
 * FaultProxy proxy = FaultProxy.builder().target(local.endpoint()).hotPartitions(partitions).start();
 * }</pre>
 */
public final class HotPartitionSimulator {
  /** DynamoDB's write limit per partition, in write capacity units per second. */
  public static final double DEFAULT_WRITE_UNITS_PER_SECOND = 1000;
  /** DynamoDB's read limit per partition, in (strongly consistent) read capacity units per second. */
  public static final double DEFAULT_READ_UNITS_PER_SECOND = 3000;

  private final double writeUnitsPerSecond;
  private final double readUnitsPerSecond;
  private final Duration burst;
  private final Map<String, String> partitionKeys;
  private final Clock clock;
  private final Map<String, TokenBucket> writeBuckets = new ConcurrentHashMap<>();
  private final Map<String, TokenBucket> readBuckets = new ConcurrentHashMap<>();

  private HotPartitionSimulator(Builder b) {
    this.writeUnitsPerSecond = b.writeUnitsPerSecond * b.scale;
    this.readUnitsPerSecond = b.readUnitsPerSecond * b.scale;
    this.burst = b.burst;
    this.partitionKeys = Map.copyOf(b.partitionKeys);
    this.clock = b.clock;
  }

  /** A builder with DynamoDB's limits, a one-second burst and the system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** Write units per second per partition key, after scaling. */
  public double writeUnitsPerSecond() {
    return writeUnitsPerSecond;
  }

  /** Read units per second per partition key, after scaling. */
  public double readUnitsPerSecond() {
    return readUnitsPerSecond;
  }

  /** How much unused throughput a partition key may save up: each bucket holds rate times burst. */
  public Duration burst() {
    return burst;
  }

  /** The partition key attribute of each simulated table, by table name. */
  public Map<String, String> partitionKeys() {
    return partitionKeys;
  }

  /** The partition key attribute of {@code table}, when the table is simulated. */
  public Optional<String> partitionKey(String table) {
    return Optional.ofNullable(partitionKeys.get(table));
  }

  /**
   * Write units the partition of {@code table} whose key attribute, in DynamoDB JSON, is {@code keyJson} (for
   * example {@code {"S":"metric#3"}}) can spend now; negative while in debt.
   */
  public double availableWriteUnits(String table, String keyJson) {
    return writeBucket(table, keyJson).available();
  }

  /** Refills every bucket, as if the table had been idle. */
  public void reset() {
    writeBuckets.clear();
    readBuckets.clear();
  }

  TokenBucket writeBucket(String table, String keyJson) {
    return writeBuckets.computeIfAbsent(table + '\u0000' + keyJson,
        k -> new TokenBucket(writeUnitsPerSecond, capacity(writeUnitsPerSecond), clock));
  }

  TokenBucket readBucket(String table, String keyJson) {
    return readBuckets.computeIfAbsent(table + '\u0000' + keyJson,
        k -> new TokenBucket(readUnitsPerSecond, capacity(readUnitsPerSecond), clock));
  }

  private double capacity(double rate) {
    return rate * burst.toNanos() / 1e9;
  }

  @Override
  public String toString() {
    return "HotPartitionSimulator{write=" + writeUnitsPerSecond + "/s, read=" + readUnitsPerSecond + "/s, burst="
        + burst + ", tables=" + partitionKeys.keySet() + "}";
  }

  /** Builder of {@link HotPartitionSimulator}; each setter validates and names the setting in its message. */
  public static final class Builder {
    private double writeUnitsPerSecond = DEFAULT_WRITE_UNITS_PER_SECOND;
    private double readUnitsPerSecond = DEFAULT_READ_UNITS_PER_SECOND;
    private double scale = 1.0;
    private Duration burst = Duration.ofSeconds(1);
    private final Map<String, String> partitionKeys = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Write units per second per partition key before scaling; DynamoDB's is 1,000. */
    public Builder writeUnitsPerSecond(double units) {
      this.writeUnitsPerSecond = positive(units, "writeUnitsPerSecond");
      return this;
    }

    /** Read units per second per partition key before scaling; DynamoDB's is 3,000. */
    public Builder readUnitsPerSecond(double units) {
      this.readUnitsPerSecond = positive(units, "readUnitsPerSecond");
      return this;
    }

    /** Multiplies both limits, such as {@code 0.01} for 10 write units per second. */
    public Builder scale(double factor) {
      this.scale = positive(factor, "scale");
      return this;
    }

    /** How long a partition key may save unused throughput for; 1 second by default. */
    public Builder burst(Duration burst) {
      Objects.requireNonNull(burst, "burst");
      if (burst.isNegative() || burst.isZero()) {
        throw new IllegalArgumentException("burst must be positive but was " + burst + ".");
      }
      this.burst = burst;
      return this;
    }

    /** Simulates {@code table}, keyed by its partition key attribute. */
    public Builder table(TableDefinition table) {
      Objects.requireNonNull(table, "table");
      return table(table.name(), table.partitionKey().name());
    }

    /** Simulates the table named {@code tableName}, whose partition key attribute is {@code partitionKey}. */
    public Builder table(String tableName, String partitionKey) {
      if (tableName == null || tableName.isBlank() || partitionKey == null || partitionKey.isBlank()) {
        throw new IllegalArgumentException("tableName and partitionKey must not be blank but were '" + tableName
            + "' and '" + partitionKey + "'.");
      }
      partitionKeys.put(tableName, partitionKey);
      return this;
    }

    /** The clock the buckets refill by; tests pass a clock they move by hand. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Builds the simulator; at least one table must be registered. */
    public HotPartitionSimulator build() {
      if (partitionKeys.isEmpty()) {
        throw new IllegalArgumentException("tables must name at least one table to simulate; call table(...).");
      }
      return new HotPartitionSimulator(this);
    }

    private static double positive(double value, String name) {
      if (!(value > 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(name + " must be a positive number but was " + value + ".");
      }
      return value;
    }
  }
}
