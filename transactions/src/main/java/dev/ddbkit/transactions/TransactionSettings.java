package dev.ddbkit.transactions;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.metrics.MetricsHook;
import dev.ddbkit.core.retry.RetrySettings;
import dev.ddbkit.core.table.SeedTables;
import java.time.Clock;
import java.time.Duration;

/**
 * Immutable settings of {@link DdbkitTransactions}: table names (the seed's by default), the idempotency
 * table, how long an operation id is remembered, the clock that stamps {@code created_at} /
 * {@code updated_at}, and the retry of transaction conflicts and throttling.
 *
 * <pre>{@code
 * TransactionSettings settings = TransactionSettings.builder()
 *     .accountsTable("accounts-staging")
 *     .idempotencyRetention(Duration.ofDays(3))
 *     .build();
 * }</pre>
 */
public final class TransactionSettings {
  /** Default time an applied operation id is remembered. */
  public static final Duration DEFAULT_IDEMPOTENCY_RETENTION = Duration.ofDays(7);
  /** Shortest allowed retention: longer than DynamoDB's own 10-minute client-token window. */
  public static final Duration MIN_IDEMPOTENCY_RETENTION = Duration.ofMinutes(15);
  /**
   * Default time to live of an order written by {@code processOrder} ({@code expires_at}): two years of 365
   * days, as the orders module's {@code OrdersRepository.DEFAULT_TIME_TO_LIVE}.
   */
  public static final Duration DEFAULT_ORDER_TIME_TO_LIVE = Duration.ofDays(2 * 365);

  private final String ordersTable;
  private final String inventoryTable;
  private final String accountsTable;
  private final String idempotencyTable;
  private final Duration idempotencyRetention;
  private final Duration orderTimeToLive;
  private final Clock clock;
  private final RetrySettings retry;
  private final MetricsHook metrics;

  private TransactionSettings(Builder b) {
    this.metrics = b.metrics;
    this.ordersTable = b.ordersTable;
    this.inventoryTable = b.inventoryTable;
    this.accountsTable = b.accountsTable;
    this.idempotencyTable = b.idempotencyTable;
    this.idempotencyRetention = b.idempotencyRetention;
    this.orderTimeToLive = b.orderTimeToLive;
    this.clock = b.clock;
    this.retry = b.retry;
  }

  /** The defaults: seed table names, {@code ddbkit-idempotency}, 7 days, UTC clock, default retry. */
  public static TransactionSettings defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.ordersTable = ordersTable;
    b.inventoryTable = inventoryTable;
    b.accountsTable = accountsTable;
    b.idempotencyTable = idempotencyTable;
    b.idempotencyRetention = idempotencyRetention;
    b.orderTimeToLive = orderTimeToLive;
    b.clock = clock;
    b.retry = retry;
    b.metrics = metrics;
    return b;
  }

  /** The orders table (seed: {@code orders-production}). */
  public String ordersTable() {
    return ordersTable;
  }

  /** The inventory table (seed: {@code inventory-production}). */
  public String inventoryTable() {
    return inventoryTable;
  }

  /** The accounts table (seed: {@code accounts-production}). */
  public String accountsTable() {
    return accountsTable;
  }

  /** The idempotency table; see {@link IdempotencyTable}. */
  public String idempotencyTable() {
    return idempotencyTable;
  }

  /** How long an applied operation id is remembered (the record's TTL). */
  public Duration idempotencyRetention() {
    return idempotencyRetention;
  }

  /** How long after creation an order written by {@code processOrder} expires ({@code expires_at}). */
  public Duration orderTimeToLive() {
    return orderTimeToLive;
  }

  /** The clock that stamps {@code created_at} and {@code updated_at}. */
  public Clock clock() {
    return clock;
  }

  /** Retry of transaction conflicts and throttling; conditional failures are never retried. */
  public RetrySettings retry() {
    return retry;
  }

  /** Where ddbkit's retries of transactions and reads are reported; {@link MetricsHook#noop()} by default. */
  public MetricsHook metrics() {
    return metrics;
  }

  @Override
  public String toString() {
    return "TransactionSettings{orders=" + ordersTable + ", inventory=" + inventoryTable + ", accounts="
        + accountsTable + ", idempotency=" + idempotencyTable + ", retention=" + idempotencyRetention + ", orderTimeToLive=" + orderTimeToLive + ", retry="
        + retry + "}";
  }

  /** Builder of {@link TransactionSettings}; checks each value with a sentence naming it. */
  public static final class Builder {
    private String ordersTable = SeedTables.ORDERS;
    private String inventoryTable = SeedTables.INVENTORY;
    private String accountsTable = SeedTables.ACCOUNTS;
    private String idempotencyTable = IdempotencyTable.DEFAULT_NAME;
    private Duration idempotencyRetention = DEFAULT_IDEMPOTENCY_RETENTION;
    private Duration orderTimeToLive = DEFAULT_ORDER_TIME_TO_LIVE;
    private Clock clock = Clock.systemUTC();
    private RetrySettings retry = RetrySettings.defaults();
    private MetricsHook metrics = MetricsHook.noop();

    private Builder() {}

    /** The orders table name: 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'. */
    public Builder ordersTable(String name) {
      this.ordersTable = Require.tableName(name, "ordersTable");
      return this;
    }

    /** The inventory table name: 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'. */
    public Builder inventoryTable(String name) {
      this.inventoryTable = Require.tableName(name, "inventoryTable");
      return this;
    }

    /** The accounts table name: 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'. */
    public Builder accountsTable(String name) {
      this.accountsTable = Require.tableName(name, "accountsTable");
      return this;
    }

    /** The idempotency table name: 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'. */
    public Builder idempotencyTable(String name) {
      this.idempotencyTable = Require.tableName(name, "idempotencyTable");
      return this;
    }

    /** How long applied operation ids are remembered; at least 15 minutes. */
    public Builder idempotencyRetention(Duration retention) {
      Require.nonNull(retention, "idempotencyRetention");
      Require.argument(retention.compareTo(MIN_IDEMPOTENCY_RETENTION) >= 0, "idempotencyRetention",
          "idempotencyRetention must be at least " + MIN_IDEMPOTENCY_RETENTION
              + " (longer than DynamoDB's 10-minute token window) but was " + retention + ".");
      this.idempotencyRetention = retention;
      return this;
    }

    /** How long after creation an order written by {@code processOrder} expires; positive. */
    public Builder orderTimeToLive(Duration timeToLive) {
      Require.nonNull(timeToLive, "orderTimeToLive");
      Require.argument(!timeToLive.isNegative() && !timeToLive.isZero(), "orderTimeToLive",
          "orderTimeToLive must be positive but was " + timeToLive + ".");
      this.orderTimeToLive = timeToLive;
      return this;
    }

    /** The clock; tests pass a fixed or stepping clock. */
    public Builder clock(Clock clock) {
      this.clock = Require.nonNull(clock, "clock");
      return this;
    }

    /** The retry of conflicts and throttling. */
    public Builder retry(RetrySettings retry) {
      this.retry = Require.nonNull(retry, "retry");
      return this;
    }

    /**
     * Where ddbkit's own retries (conflicts, throttling) are reported, as
     * {@code retried("TransactWriteItems", table, DDBKIT)}; pass {@code ClientSettings.metrics()} so
     * {@code ddbkit.retries{source=ddbkit}} counts them. Records nothing by default.
     */
    public Builder metrics(MetricsHook metrics) {
      this.metrics = Require.nonNull(metrics, "metrics");
      return this;
    }

    /** Builds the settings. */
    public TransactionSettings build() {
      return new TransactionSettings(this);
    }
  }
}
