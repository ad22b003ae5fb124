package dev.ddbkit.integration.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.ClientSettings;
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
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoDbLocalTest
class ClientFactoryIT {

  private static TableSchema<EnhancedDocument> inventorySchema() {
    return TableSchema.documentSchemaBuilder()
        .addIndexPartitionKey(TableMetadata.primaryIndexName(), "product_id", AttributeValueType.S)
        .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
        .build();
  }

  @Test
  void everyClientType_fromOneSettings_readsWhatTheOthersWrote(DynamoDbLocal local, TestTables tables) {
    TableDefinition inventory = tables.ensure(SeedTables.inventory());
    ClientSettings settings = local.clientSettings().toBuilder().maxAttempts(2).build();

    try (DdbkitClients clients = DdbkitClients.create(settings)) {
      clients.sync().putItem(r -> r.tableName(inventory.name())
          .item(Map.of("product_id", AttributeValue.fromS("P-sync"), "quantity", AttributeValue.fromN("1"))));
      clients.async().putItem(r -> r.tableName(inventory.name())
          .item(Map.of("product_id", AttributeValue.fromS("P-async"), "quantity", AttributeValue.fromN("2")))).join();
      clients.enhanced().table(inventory.name(), inventorySchema()).putItem(EnhancedDocument.builder()
          .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
          .putString("product_id", "P-enhanced").putNumber("quantity", 3).build());

      assertThat(clients.sync().getItem(r -> r.tableName(inventory.name())
          .key(Map.of("product_id", AttributeValue.fromS("P-enhanced")))).item().get("quantity").n()).isEqualTo("3");
      assertThat(clients.async().getItem(r -> r.tableName(inventory.name())
          .key(Map.of("product_id", AttributeValue.fromS("P-sync")))).join().item().get("quantity").n()).isEqualTo("1");
      EnhancedDocument viaEnhanced = clients.enhanced().table(inventory.name(), inventorySchema())
          .getItem(Key.builder().partitionValue("P-async").build());
      assertThat(viaEnhanced.getNumber("quantity").intValue()).isEqualTo(2);
      EnhancedDocument viaEnhancedAsync = clients.enhancedAsync().table(inventory.name(), inventorySchema())
          .getItem(Key.builder().partitionValue("P-sync").build()).join();
      assertThat(viaEnhancedAsync.getNumber("quantity").intValue()).isEqualTo(1);
      assertThat(clients.sync()).isSameAs(clients.sync());
      assertThat(clients.settings()).isSameAs(settings);
    }
  }

  @Test
  void closedClients_refuseToCreateNewOnes(DynamoDbLocal local) {
    DdbkitClients clients = DdbkitClients.create(local.clientSettings());
    clients.close();

    assertThatThrownBy(clients::sync).isInstanceOf(IllegalStateException.class).hasMessage("These DdbkitClients are closed.");
    assertThatThrownBy(clients::async).isInstanceOf(IllegalStateException.class);
  }
}
