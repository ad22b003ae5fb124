package dev.ddbkit.integration.typed;

import dev.ddbkit.core.retry.RetrySettings;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.core.typed.DdbkitTable;
import dev.ddbkit.core.typed.DdbkitTables;
import dev.ddbkit.core.typed.IndexProjection;
import dev.ddbkit.core.typed.SchemaDefinitions;
import dev.ddbkit.testkit.TestTables;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The customers table of the typed-layer tests, derived from the {@link Customer} schema. */
final class TypedFixture {
  static final TableSchema<Customer> SCHEMA = TableSchema.fromBean(Customer.class);
  static final byte[] CURSOR_KEY = "typed-tables-test-cursor-key-0001".getBytes(StandardCharsets.UTF_8);
  /** Short waits, many attempts: the tests inject faults and must not sleep for seconds. */
  static final RetrySettings FAST_RETRY = RetrySettings.builder().maxAttempts(12)
      .baseDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(20)).build();

  private TypedFixture() {}

  static TableDefinition definition() {
    return SchemaDefinitions.from(SCHEMA, "customers", Map.of("by_tier", IndexProjection.keysOnly()))
        .ttlAttribute("expiresAt").tag("team", "typed-tests").build();
  }

  static DdbkitTables tables(DynamoDbClient client) {
    return DdbkitTables.builder(client).cursorKey(CURSOR_KEY).retry(FAST_RETRY).build();
  }

  /** A fresh customers table for one test. */
  static DdbkitTable<Customer> customers(TestTables testTables, DynamoDbClient client) {
    String name = testTables.ensure(definition()).name();
    return tables(client).table(name, SCHEMA);
  }
}
