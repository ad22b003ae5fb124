package dev.ddbkit.conformance;

import static dev.ddbkit.conformance.Conformance.assertError;
import static dev.ddbkit.conformance.Conformance.assertValidation;
import static dev.ddbkit.conformance.Conformance.attribute;
import static dev.ddbkit.conformance.Conformance.hash;
import static dev.ddbkit.conformance.Conformance.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.ddbkit.conformance.Conformance.Tables;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** CreateTable, DescribeTable, ListTables, UpdateTable, DeleteTable, TTL, tags and continuous backups. */
@DynamoDbLocalTest
class ControlPlaneIT {
  private static DynamoDbClient client;
  private static Tables tables;

  @BeforeAll
  static void connect(DynamoDbLocal local) {
    client = Conformance.client(local);
    tables = new Tables(client);
  }

  @AfterAll
  static void deleteTables() {
    tables.close();
  }

  private static String region() {
    return client.serviceClientConfiguration().region().id();
  }

  @Nested
  class CreateAndDescribe {
    @Test
    void createTable_withIndexesOfEveryProjection_describesThemBack() {
      String name = tables.create("indexes", r -> r
          .keySchema(hash("pk"), range("sk"))
          .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.S),
              attribute("g", ScalarAttributeType.S), attribute("gn", ScalarAttributeType.N),
              attribute("l", ScalarAttributeType.B))
          .globalSecondaryIndexes(
              gsi("all", ProjectionType.ALL, List.of(), "g", "gn"),
              gsi("keys", ProjectionType.KEYS_ONLY, List.of(), "gn", null),
              gsi("include", ProjectionType.INCLUDE, List.of("a", "b"), "g", null))
          .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("local")
              .keySchema(hash("pk"), range("l"))
              .projection(p -> p.projectionType(ProjectionType.ALL)).build()));

      TableDescription table = client.describeTable(r -> r.tableName(name)).table();

      assertThat(table.tableName()).isEqualTo(name);
      assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertThat(table.tableArn()).startsWith("arn:").endsWith(":table/" + name);
      assertThat(table.keySchema()).containsExactly(hash("pk"), range("sk"));
      assertThat(table.attributeDefinitions()).containsExactlyInAnyOrder(
          attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.S),
          attribute("g", ScalarAttributeType.S), attribute("gn", ScalarAttributeType.N),
          attribute("l", ScalarAttributeType.B));
      assertThat(table.itemCount()).isZero();
      assertThat(table.tableSizeBytes()).isZero();
      assertThat(table.creationDateTime()).isNotNull();
      assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);

      Map<String, GlobalSecondaryIndexDescription> gsis = table.globalSecondaryIndexes().stream()
          .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, g -> g));
      assertThat(gsis).containsOnlyKeys("all", "keys", "include");
      assertThat(gsis.get("all").keySchema()).containsExactly(hash("g"), range("gn"));
      assertThat(gsis.get("all").projection().projectionType()).isEqualTo(ProjectionType.ALL);
      assertThat(gsis.get("keys").keySchema()).containsExactly(hash("gn"));
      assertThat(gsis.get("keys").projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
      assertThat(gsis.get("include").projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
      assertThat(gsis.get("include").projection().nonKeyAttributes()).containsExactlyInAnyOrder("a", "b");
      for (GlobalSecondaryIndexDescription gsi : gsis.values()) {
        assertThat(gsi.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(gsi.indexArn()).isEqualTo(table.tableArn() + "/index/" + gsi.indexName());
        assertThat(gsi.itemCount()).isZero();
      }

      assertThat(table.localSecondaryIndexes()).hasSize(1);
      LocalSecondaryIndexDescription lsi = table.localSecondaryIndexes().get(0);
      assertThat(lsi.indexName()).isEqualTo("local");
      assertThat(lsi.keySchema()).containsExactly(hash("pk"), range("l"));
      assertThat(lsi.projection().projectionType()).isEqualTo(ProjectionType.ALL);
      assertThat(lsi.indexArn()).isEqualTo(table.tableArn() + "/index/local");
    }

    @Test
    void describeTable_arnNamesTheClientsRegion() {
      assumeFalse(Conformance.isDynamoDbLocal(), "DynamoDB Local puts 'ddblocal' in ARNs instead of the region");
      String name = tables.create("arn", false);

      String arn = client.describeTable(r -> r.tableName(name)).table().tableArn();

      assertThat(arn).startsWith("arn:aws").contains(":dynamodb:" + region() + ":").endsWith(":table/" + name);
    }

    @Test
    void createTable_provisioned_describesItsThroughput() {
      String name = tables.create("provisioned", r -> r.keySchema(hash("pk"))
          .attributeDefinitions(attribute("pk", ScalarAttributeType.S))
          .billingMode(BillingMode.PROVISIONED)
          .provisionedThroughput(throughput(5, 3)));

      TableDescription table = client.describeTable(r -> r.tableName(name)).table();

      assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
      assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(3L);
    }

    @Test
    void createTable_provisionedWithoutThroughput_isRejected() {
      String name = Conformance.uniqueName("no-throughput");
      assertValidation(() -> client.createTable(r -> r.tableName(name).keySchema(hash("pk"))
          .attributeDefinitions(attribute("pk", ScalarAttributeType.S)).billingMode(BillingMode.PROVISIONED)));
    }

    @Test
    void createTable_attributeDefinitionThatNoKeyUses_isRejected() {
      String name = Conformance.uniqueName("extra-definition");
      assertValidation(() -> client.createTable(r -> r.tableName(name).keySchema(hash("pk"))
          .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("other", ScalarAttributeType.S))
          .billingMode(BillingMode.PAY_PER_REQUEST)));
    }

    @Test
    void createTable_nameInUse_isResourceInUse() {
      String name = tables.create("duplicate", false);
      assertError(() -> client.createTable(r -> r.tableName(name).keySchema(hash("pk"))
          .attributeDefinitions(attribute("pk", ScalarAttributeType.S)).billingMode(BillingMode.PAY_PER_REQUEST)),
          "ResourceInUseException", 400);
      assertThat(catchThrowable(() -> client.createTable(r -> r.tableName(name)
          .keySchema(hash("pk")).attributeDefinitions(attribute("pk", ScalarAttributeType.S))
          .billingMode(BillingMode.PAY_PER_REQUEST)))).isInstanceOf(ResourceInUseException.class);
    }

    @Test
    void describeTable_missingTable_isResourceNotFound() {
      String name = Conformance.uniqueName("missing");
      assertError(() -> client.describeTable(r -> r.tableName(name)), "ResourceNotFoundException", 400);
    }

    @Test
    void getItem_onMissingTable_isResourceNotFound() {
      String name = Conformance.uniqueName("missing");
      assertThat(catchThrowable(() -> client.getItem(r -> r.tableName(name)
          .key(Conformance.item("pk", "x"))))).isInstanceOf(ResourceNotFoundException.class);
    }
  }

  @Nested
  class ListAndDelete {
    @Test
    void listTables_pagesWithLimitAndLastEvaluatedTableName_coverEveryTableOnce() {
      Set<String> mine = Set.of(tables.create("list-a", false), tables.create("list-b", false),
          tables.create("list-c", false));

      List<String> seen = new ArrayList<>();
      String start = null;
      do {
        String from = start;
        ListTablesResponse page = client.listTables(r -> r.limit(2).exclusiveStartTableName(from));
        assertThat(page.tableNames()).hasSizeLessThanOrEqualTo(2);
        seen.addAll(page.tableNames());
        start = page.lastEvaluatedTableName();
        if (start != null) {
          assertThat(page.tableNames()).last().isEqualTo(start);
        }
      } while (start != null);

      assertThat(seen).containsAll(mine).doesNotHaveDuplicates();
    }

    @Test
    void listTables_limitAbove100_isRejected() {
      assertValidation(() -> client.listTables(r -> r.limit(101)));
    }

    @Test
    void deleteTable_describesTheTableBeingDeleted_andTheTableIsGone() {
      String name = tables.create("delete", false);

      DeleteTableResponse deleted = client.deleteTable(r -> r.tableName(name));

      assertThat(deleted.tableDescription().tableName()).isEqualTo(name);
      Conformance.awaitDeleted(client, name);
      assertError(() -> client.describeTable(r -> r.tableName(name)), "ResourceNotFoundException", 400);
      assertThat(client.listTables().tableNames()).doesNotContain(name);
    }

    @Test
    void deleteTable_answersWithStatusDeleting() {
      assumeFalse(Conformance.isDynamoDbLocal(), "DynamoDB Local answers DeleteTable with status ACTIVE");
      String name = tables.create("deleting", false);

      assertThat(client.deleteTable(r -> r.tableName(name)).tableDescription().tableStatus())
          .isEqualTo(TableStatus.DELETING);
    }

    @Test
    void deleteTable_missingTable_isResourceNotFound() {
      String name = Conformance.uniqueName("missing");
      assertError(() -> client.deleteTable(r -> r.tableName(name)), "ResourceNotFoundException", 400);
    }
  }

  @Nested
  class Update {
    @Test
    void updateTable_provisionedThroughput_isDescribedBack() {
      String name = tables.create("throughput", r -> r.keySchema(hash("pk"))
          .attributeDefinitions(attribute("pk", ScalarAttributeType.S))
          .billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(1, 1)));

      client.updateTable(r -> r.tableName(name).provisionedThroughput(throughput(2, 3)));
      TableDescription table = Conformance.awaitActive(client, name);

      assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(2L);
      assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(3L);
    }

    @Test
    void updateTable_provisionedToOnDemand_changesTheBillingMode() {
      String name = tables.create("billing", r -> r.keySchema(hash("pk"))
          .attributeDefinitions(attribute("pk", ScalarAttributeType.S))
          .billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(1, 1)));

      client.updateTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST));
      TableDescription table = Conformance.awaitActive(client, name);

      assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    }

    @Test
    void updateTable_missingTable_isResourceNotFound() {
      String name = Conformance.uniqueName("missing");
      assertError(() -> client.updateTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)),
          "ResourceNotFoundException", 400);
    }
  }

  @Nested
  class TimeToLive {
    @Test
    void timeToLive_isDisabledOnANewTable_andEnablingIsDescribedBack() {
      String name = tables.create("ttl", false);
      assertThat(client.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription().timeToLiveStatus())
          .isEqualTo(TimeToLiveStatus.DISABLED);

      var updated = client.updateTimeToLive(r -> r.tableName(name)
          .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires_at")));
      assertThat(updated.timeToLiveSpecification().enabled()).isTrue();
      assertThat(updated.timeToLiveSpecification().attributeName()).isEqualTo("expires_at");

      TimeToLiveDescription described = client.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription();
      assertThat(described.timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLING, TimeToLiveStatus.ENABLED);
      assertThat(described.attributeName()).isEqualTo("expires_at");
    }

    @Test
    void describeTimeToLive_missingTable_isResourceNotFound() {
      String name = Conformance.uniqueName("missing");
      assertError(() -> client.describeTimeToLive(r -> r.tableName(name)), "ResourceNotFoundException", 400);
    }

    @Test
    void updateTimeToLive_enablingTwice_isRejected() {
      // documented: further UpdateTimeToLive calls on the table within the hour of a change are rejected
      String name = tables.create("ttl-twice", false);
      client.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(s -> s.enabled(true)
          .attributeName("expires_at")));

      assertValidation(() -> client.updateTimeToLive(r -> r.tableName(name)
          .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires_at"))));
    }
  }

  @Nested
  class Tags {
    @Test
    void tags_givenAtCreation_addedAndRemoved_areListedBack() {
      assumeFalse(Conformance.isDynamoDbLocal(), "DynamoDB Local does not support tagging");
      String name = tables.create("tags", r -> r.keySchema(hash("pk"))
          .attributeDefinitions(attribute("pk", ScalarAttributeType.S))
          .tags(tag("team", "storage")));
      String arn = client.describeTable(r -> r.tableName(name)).table().tableArn();
      assertThat(tags(arn)).containsExactly(entry("team", "storage"));

      client.tagResource(r -> r.resourceArn(arn).tags(tag("env", "test"), tag("team", "core")));
      assertThat(tags(arn)).containsOnly(entry("team", "core"), entry("env", "test"));

      client.untagResource(r -> r.resourceArn(arn).tagKeys("team"));
      assertThat(tags(arn)).containsOnly(entry("env", "test"));
    }

    private Map<String, String> tags(String arn) {
      List<Tag> all = new ArrayList<>();
      String token = null;
      do {
        String from = token;
        var page = client.listTagsOfResource(r -> r.resourceArn(arn).nextToken(from));
        all.addAll(page.tags());
        token = page.nextToken();
      } while (token != null);
      Set<String> keys = new HashSet<>();
      all.forEach(t -> assertThat(keys.add(t.key())).as("tag %s listed twice", t.key()).isTrue());
      return all.stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }
  }

  @Nested
  class ContinuousBackups {
    @Test
    void continuousBackups_areOnWithPointInTimeRecoveryOff_untilRecoveryIsEnabled() {
      assumeFalse(Conformance.isDynamoDbLocal(), "DynamoDB Local does not implement continuous backups");
      String name = tables.create("backups", false);
      ContinuousBackupsDescription initial = client.describeContinuousBackups(r -> r.tableName(name))
          .continuousBackupsDescription();
      assertThat(initial.continuousBackupsStatus()).isEqualTo(ContinuousBackupsStatus.ENABLED);
      assertThat(initial.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
          .isEqualTo(PointInTimeRecoveryStatus.DISABLED);

      ContinuousBackupsDescription updated = client.updateContinuousBackups(r -> r.tableName(name)
          .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true))).continuousBackupsDescription();
      assertThat(updated.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
          .isEqualTo(PointInTimeRecoveryStatus.ENABLED);

      assertThat(client.describeContinuousBackups(r -> r.tableName(name)).continuousBackupsDescription()
          .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
          .isEqualTo(PointInTimeRecoveryStatus.ENABLED);
    }

    @Test
    void describeContinuousBackups_missingTable_isTableNotFound() {
      assumeFalse(Conformance.isDynamoDbLocal(), "DynamoDB Local does not implement continuous backups");
      String name = Conformance.uniqueName("missing");
      assertError(() -> client.describeContinuousBackups(r -> r.tableName(name)), "TableNotFoundException", 400);
    }
  }

  private static GlobalSecondaryIndex gsi(String name, ProjectionType type, List<String> included, String hashKey,
      String rangeKey) {
    Projection.Builder projection = Projection.builder().projectionType(type);
    if (!included.isEmpty()) {
      projection.nonKeyAttributes(included);
    }
    return GlobalSecondaryIndex.builder().indexName(name)
        .keySchema(rangeKey == null ? List.of(hash(hashKey)) : List.of(hash(hashKey), range(rangeKey)))
        .projection(projection.build()).build();
  }

  private static ProvisionedThroughput throughput(long read, long write) {
    return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }
}
