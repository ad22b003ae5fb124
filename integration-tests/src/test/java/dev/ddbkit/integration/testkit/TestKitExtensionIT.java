package dev.ddbkit.integration.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoDbLocalTest
class TestKitExtensionIT {

  @Test
  void injectedClients_allReachTheSameServerOverHttp(DynamoDbLocal local, DynamoDbClient sync,
      DynamoDbAsyncClient async, DynamoDbEnhancedClient enhanced, DdbkitClients clients, TestTables tables) {
    assertThat(local.endpoint().getScheme()).isEqualTo("http");
    assertThat(clients.sync()).isSameAs(sync);
    TableDefinition inventory = tables.ensure(SeedTables.inventory());

    sync.putItem(r -> r.tableName(inventory.name())
        .item(Map.of("product_id", AttributeValue.fromS("P-1"), "quantity", AttributeValue.fromN("5"))));

    assertThat(async.listTables().join().tableNames()).contains(inventory.name());
    DynamoDbTable<EnhancedDocument> table = enhanced.table(inventory.name(), TableSchema.documentSchemaBuilder()
        .addIndexPartitionKey(TableMetadata.primaryIndexName(), "product_id", AttributeValueType.S)
        .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
        .build());
    EnhancedDocument read = table.getItem(Key.builder().partitionValue("P-1").build());
    assertThat(read.getNumber("quantity").intValue()).isEqualTo(5);
  }
}
