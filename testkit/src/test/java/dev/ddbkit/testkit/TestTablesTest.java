package dev.ddbkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableDefinition;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class TestTablesTest {

  @Test
  void ensure_thenClose_createsUniqueTablesAndDropsThem() {
    try (DynamoDbLocal local = DynamoDbLocal.start()) {
      DynamoDbClient client = local.clients().sync();
      TableDefinition first;
      TableDefinition second;
      try (TestTables a = new TestTables(client); TestTables b = new TestTables(client)) {
        first = a.ensure(SeedTables.orders());
        second = b.ensure(SeedTables.orders());
        assertThat(first.name()).isNotEqualTo(second.name()).startsWith("orders-production-t");
        assertThat(first.globalSecondaryIndexes()).isEqualTo(SeedTables.orders().globalSecondaryIndexes());
        assertThat(client.listTables().tableNames()).contains(first.name(), second.name());
      }
      assertThat(client.listTables().tableNames()).doesNotContain(first.name(), second.name());
    }
  }
}
