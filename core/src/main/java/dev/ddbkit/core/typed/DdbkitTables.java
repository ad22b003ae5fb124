package dev.ddbkit.core.typed;

import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.metrics.MetricsHook;
import dev.ddbkit.core.retry.DdbkitRetry;
import dev.ddbkit.core.retry.RetrySettings;
import dev.ddbkit.core.typed.internal.Calls;
import dev.ddbkit.core.typed.internal.Cursors;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The entry to typed tables: one object per application holding the clients, the cursor key, ddbkit's retry,
 * the metrics hook and the environment's {@link TableNaming}; it hands out a {@link DdbkitTable} per entity.
 *
 * <pre>{@code
 * DdbkitTables tables = DdbkitTables.builder(clients)             // DdbkitClients, or a DynamoDbClient
 *     .cursorKey(secretFromYourVault)                             // required: signs query cursors
 *     .naming(TableNaming.fromEnvironment(System.getenv()))
 *     .build();
 * DdbkitTable<Customer> customers = tables.table("customers", TableSchema.fromBean(Customer.class));
 * }</pre>
 */
public final class DdbkitTables {
  /** Shortest accepted cursor key, in bytes. */
  public static final int MIN_CURSOR_KEY_BYTES = 16;

  private final DynamoDbClient client;
  private final DynamoDbEnhancedClient enhanced;
  private final TableNaming naming;
  private final RetrySettings retrySettings;
  private final MetricsHook metrics;
  private final Cursors cursors;
  private final Clock clock;

  private DdbkitTables(Builder b) {
    this.client = b.client;
    this.enhanced = b.enhanced != null ? b.enhanced : DynamoDbEnhancedClient.builder().dynamoDbClient(b.client).build();
    this.naming = b.naming;
    this.retrySettings = b.retry;
    this.metrics = b.metrics;
    this.cursors = new Cursors(Require.nonNull(b.cursorKey, "cursorKey"));
    this.clock = b.clock;
  }

  /** A builder over the clients of {@code clients} (its sync client and enhanced client). */
  public static Builder builder(DdbkitClients clients) {
    Require.nonNull(clients, "clients");
    return new Builder(clients.sync()).enhancedClient(clients.enhanced());
  }

  /** A builder over {@code client}; the enhanced client is built on it with the SDK's default extensions. */
  public static Builder builder(DynamoDbClient client) {
    return new Builder(Require.nonNull(client, "client"));
  }

  /**
   * The table {@code baseName} (named through this object's {@link TableNaming}) holding items of
   * {@code schema}. Cheap; keep one per entity.
   */
  public <T> DdbkitTable<T> table(String baseName, TableSchema<T> schema) {
    Require.nonNull(schema, "schema");
    String name = naming.apply(baseName);
    return new DdbkitTable<>(this, name, schema, enhanced.table(name, schema));
  }

  /**
   * Idempotent transactions recording operation ids in the table {@code idempotencyBaseName} (named through
   * {@link TableNaming}; define it with {@link IdempotentTransactions#tableDefinition(String)}).
   */
  public IdempotentTransactions transactions(String idempotencyBaseName) {
    return new IdempotentTransactions(this, naming.apply(idempotencyBaseName));
  }

  /** The low-level client. */
  public DynamoDbClient client() {
    return client;
  }

  /** The enhanced client. */
  public DynamoDbEnhancedClient enhancedClient() {
    return enhanced;
  }

  /** The naming applied to every table name. */
  public TableNaming naming() {
    return naming;
  }

  /** ddbkit's retry settings (unprocessed batch items, conflicts, failures the SDK gave up on). */
  public RetrySettings retrySettings() {
    return retrySettings;
  }

  Calls calls(String name) {
    return new Calls(DdbkitRetry.of(name, retrySettings), metrics);
  }

  Cursors cursors() {
    return cursors;
  }

  Clock clock() {
    return clock;
  }

  /** Builder of {@link DdbkitTables}. */
  public static final class Builder {
    private final DynamoDbClient client;
    private @Nullable DynamoDbEnhancedClient enhanced;
    private TableNaming naming = TableNaming.none();
    private RetrySettings retry = RetrySettings.defaults();
    private MetricsHook metrics = MetricsHook.noop();
    private byte @Nullable [] cursorKey;
    private Clock clock = Clock.systemUTC();

    private Builder(DynamoDbClient client) {
      this.client = client;
    }

    /** The enhanced client to map items with (its extensions apply); by default one over the sync client. */
    public Builder enhancedClient(DynamoDbEnhancedClient enhancedClient) {
      this.enhanced = Require.nonNull(enhancedClient, "enhancedClient");
      return this;
    }

    /** The environment's table naming; none by default. */
    public Builder naming(TableNaming naming) {
      this.naming = Require.nonNull(naming, "naming");
      return this;
    }

    /** ddbkit's own retries on top of the SDK's; {@link RetrySettings#defaults()} by default. */
    public Builder retry(RetrySettings retry) {
      this.retry = Require.nonNull(retry, "retry");
      return this;
    }

    /** Receives ddbkit's retries ({@code retried(..., DDBKIT)}); DynamoDB calls are measured by the client. */
    public Builder metrics(MetricsHook metrics) {
      this.metrics = Require.nonNull(metrics, "metrics");
      return this;
    }

    /**
     * The secret (at least 16 bytes) signing query cursors. Required, with no random default: every process
     * serving the same cursors must share it, and a restart must not invalidate cursors in flight.
     */
    public Builder cursorKey(byte[] cursorKey) {
      Require.nonNull(cursorKey, "cursorKey");
      Require.argument(cursorKey.length >= MIN_CURSOR_KEY_BYTES, "cursorKey",
          "The cursor key must be at least " + MIN_CURSOR_KEY_BYTES + " bytes but was " + cursorKey.length + ".");
      this.cursorKey = cursorKey.clone();
      return this;
    }

    /** The clock stamping idempotency records; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Require.nonNull(clock, "clock");
      return this;
    }

    /** Builds; fails with a sentence naming {@code cursorKey} if it was not set. */
    public DdbkitTables build() {
      Require.argument(cursorKey != null, "cursorKey",
          "A cursor key is required: pass the same secret of at least 16 bytes to every process serving queries.");
      return new DdbkitTables(this);
    }
  }
}
