package dev.ddbkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class ControlPlaneTest extends EmulatorTestSupport {

  @Test
  void createTable_isActiveAtOnce_andDescribed() {
    String t = table(ScalarAttributeType.N);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", 1, "v", "abc")));
    TableDescription d = ddb.describeTable(b -> b.tableName(t)).table();
    assertThat(d.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(d.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/" + t);
    assertThat(d.itemCount()).isEqualTo(1);
    assertThat(d.tableSizeBytes()).isEqualTo(2 + 1 + 2 + 2 + 1 + 3);
    assertThat(d.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(d.tableId()).isNotBlank();
    assertThat(d.creationDateTime()).isNotNull();
  }

  @Test
  void createTable_twice_isResourceInUse_andBadDefinitionsAreRejected() {
    String t = table(null);
    assertThatThrownBy(() -> table(t, "pk"))
        .isInstanceOf(ResourceInUseException.class);
    assertThatThrownBy(() -> ddb.createTable(b -> b.tableName(tableName()).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("unused").attributeType(ScalarAttributeType.S).build())))
        .hasMessageContaining("Some AttributeDefinitions are not used");
    assertThatThrownBy(() -> ddb.createTable(b -> b.tableName(tableName())
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())))
        .hasMessageContaining("ReadCapacityUnits and WriteCapacityUnits must both be specified");
  }

  private static void table(String name, String key) {
    ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName(key).keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName(key).attributeType(ScalarAttributeType.S).build()));
  }

  @Test
  void listTables_pagesByName_andDeleteTableRemoves() {
    try (DynamoDbEmulator own = DynamoDbEmulator.start();
         var client = client(own, "eu-west-1", "AKID")) {
      for (String name : List.of("ccc", "aaa", "bbb")) {
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
            .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build()));
      }
      ListTablesResponse first = client.listTables(b -> b.limit(2));
      assertThat(first.tableNames()).containsExactly("aaa", "bbb");
      assertThat(first.lastEvaluatedTableName()).isEqualTo("bbb");
      ListTablesResponse second = client.listTables(b -> b.limit(2).exclusiveStartTableName("bbb"));
      assertThat(second.tableNames()).containsExactly("ccc");
      assertThat(second.lastEvaluatedTableName()).isNull();

      client.deleteTable(b -> b.tableName("bbb"));
      assertThat(client.listTables().tableNames()).containsExactly("aaa", "ccc");
      assertThatThrownBy(() -> client.describeTable(b -> b.tableName("bbb")))
          .isInstanceOf(ResourceNotFoundException.class)
          .hasMessageContaining("Requested resource not found: Table: bbb not found");
    }
  }

  @Test
  void updateTable_createsAGlobalIndexWithBackfill_andDeletesIt() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "g", "x")));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "b", "g", "x")));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "c")));
    ddb.updateTable(b -> b.tableName(t)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S).build())
        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(CreateGlobalSecondaryIndexAction.builder()
            .indexName("byG").keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build())
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()).build()));
    assertThat(ddb.query(b -> b.tableName(t).indexName("byG").keyConditionExpression("g = :x")
        .expressionAttributeValues(Map.of(":x", s("x")))).count()).isEqualTo(2);
    TableDescription d = ddb.describeTable(b -> b.tableName(t)).table();
    assertThat(d.globalSecondaryIndexes()).singleElement().satisfies(i -> {
      assertThat(i.indexName()).isEqualTo("byG");
      assertThat(i.itemCount()).isEqualTo(2);
    });
    ddb.updateTable(b -> b.tableName(t).globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
        .delete(x -> x.indexName("byG")).build()));
    assertThat(ddb.describeTable(b -> b.tableName(t)).table().hasGlobalSecondaryIndexes()).isFalse();
  }

  @Test
  void updateTable_switchesBillingMode() {
    String t = table(null);
    ddb.updateTable(b -> b.tableName(t).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(7L).build()));
    TableDescription d = ddb.describeTable(b -> b.tableName(t)).table();
    assertThat(d.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
    assertThat(d.provisionedThroughput().writeCapacityUnits()).isEqualTo(7L);
  }

  @Test
  void timeToLive_describedAndSweptByTheClock() {
    String t = table(null);
    long now = System.currentTimeMillis() / 1000;
    ddb.updateTimeToLive(b -> b.tableName(t).timeToLiveSpecification(s -> s.attributeName("exp").enabled(true)));
    assertThat(ddb.describeTimeToLive(b -> b.tableName(t)).timeToLiveDescription().timeToLiveStatus())
        .isEqualTo(TimeToLiveStatus.ENABLED);
    assertThatThrownBy(() -> ddb.updateTimeToLive(b -> b.tableName(t)
        .timeToLiveSpecification(s -> s.attributeName("exp").enabled(true))))
        .hasMessageContaining("TimeToLive is already enabled");
    ddb.putItem(b -> b.tableName(t).item(item("pk", "old", "exp", now - 60)));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "ancient", "exp", now - 6L * 365 * 24 * 3600)));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "future", "exp", now + 3600)));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "text", "exp", "soon")));
    emulator.deleteExpiredItems();
    List<String> left = new ArrayList<>();
    ddb.scan(b -> b.tableName(t)).items().forEach(i -> left.add(i.get("pk").s()));
    assertThat(left).containsExactlyInAnyOrder("ancient", "future", "text");
  }

  @Test
  void tags_backups_continuousBackups_limits_endpoints() {
    String t = table(null);
    String arn = ddb.describeTable(b -> b.tableName(t)).table().tableArn();
    ddb.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("team").value("a").build(),
        Tag.builder().key("env").value("test").build()));
    ddb.untagResource(b -> b.resourceArn(arn).tagKeys("env"));
    assertThat(ddb.listTagsOfResource(b -> b.resourceArn(arn)).tags())
        .containsExactly(Tag.builder().key("team").value("a").build());

    ddb.updateContinuousBackups(b -> b.tableName(t).pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
    assertThat(ddb.describeContinuousBackups(b -> b.tableName(t)).continuousBackupsDescription()
        .pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString()).isEqualTo("ENABLED");

    BackupDetails backup = ddb.createBackup(b -> b.tableName(t).backupName("nightly")).backupDetails();
    assertThat(ddb.listBackups(b -> b.tableName(t)).backupSummaries()).singleElement()
        .satisfies(s -> assertThat(s.backupName()).isEqualTo("nightly"));
    assertThat(ddb.describeBackup(b -> b.backupArn(backup.backupArn())).backupDescription()
        .sourceTableDetails().tableName()).isEqualTo(t);
    ddb.deleteBackup(b -> b.backupArn(backup.backupArn()));
    assertThat(ddb.listBackups(b -> b.tableName(t)).backupSummaries()).isEmpty();

    assertThat(ddb.describeLimits().tableMaxReadCapacityUnits()).isPositive();
    assertThat(ddb.describeEndpoints().endpoints()).singleElement()
        .satisfies(e -> assertThat(e.address()).isEqualTo("127.0.0.1:" + emulator.port()));
  }
}
