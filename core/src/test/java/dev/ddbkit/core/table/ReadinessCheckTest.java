package dev.ddbkit.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.table.ReadinessCheck.Facts;
import dev.ddbkit.core.table.ReadinessCheck.Probe;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AutoScalingPolicyDescription;
import software.amazon.awssdk.services.dynamodb.model.AutoScalingSettingsDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ReplicaAutoScalingDescription;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.TableAutoScalingDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class ReadinessCheckTest {

  /** The live description DynamoDB would return for a definition created exactly as defined. */
  private static TableDescription.Builder liveOf(TableDefinition def, String arn) {
    var request = def.toCreateTableRequest();
    TableDescription.Builder b = TableDescription.builder()
        .tableName(def.name())
        .tableArn(arn)
        .tableStatus(TableStatus.ACTIVE)
        .keySchema(request.keySchema())
        .attributeDefinitions(request.attributeDefinitions())
        .billingModeSummary(s -> s.billingMode(def.capacity().mode()));
    if (request.hasGlobalSecondaryIndexes()) {
      b.globalSecondaryIndexes(request.globalSecondaryIndexes().stream()
          .map(g -> software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription.builder()
              .indexName(g.indexName()).keySchema(g.keySchema()).projection(g.projection()).indexStatus("ACTIVE").build())
          .toList());
    }
    if (def.capacity().isProvisioned()) {
      b.provisionedThroughput(p -> p.readCapacityUnits(def.capacity().readUnits())
          .writeCapacityUnits(def.capacity().writeUnits()));
    }
    return b;
  }

  private static final String AWS_ARN = "arn:aws:dynamodb:eu-west-1:123456789012:table/";

  @Test
  void productionReadyOrdersTable_meetsEveryCheckableItem() {
    TableDefinition orders = SeedTables.orders();
    TableDescription live = liveOf(orders, AWS_ARN + orders.name())
        .sseDescription(s -> s.status(SSEStatus.ENABLED).sseType(SSEType.KMS)).build();
    Facts facts = new Facts(live,
        Probe.of(ContinuousBackupsDescription.builder().continuousBackupsStatus(ContinuousBackupsStatus.ENABLED)
            .pointInTimeRecoveryDescription(p -> p.pointInTimeRecoveryStatus(PointInTimeRecoveryStatus.ENABLED)).build()),
        Probe.of(TimeToLiveDescription.builder().timeToLiveStatus(TimeToLiveStatus.ENABLED).attributeName("expires_at").build()),
        Probe.of(List.of(Tag.builder().key("Environment").value("production").build(),
            Tag.builder().key("Service").value("order-service").build())),
        Probe.of(List.of(BackupSummary.builder().backupName("daily").build())),
        Probe.unavailable("not needed for an on-demand table"));

    ReadinessReport report = ReadinessCheck.evaluate(orders, facts);

    assertThat(report.ready()).isTrue();
    assertThat(report.missing()).isEmpty();
    assertThat(report.notCheckable()).extracting(ReadinessItem::name).containsExactly("CloudWatch alarms");
    assertThat(report.items()).extracting(ReadinessItem::name).contains(
        "Capacity mode", "Auto scaling", "Encryption at rest", "Point-in-time recovery", "Backups", "Key schema",
        "GSI OrderDateIndex", "GSI StatusIndex", "TTL", "Tags");
    assertThat(report.toText()).startsWith("Readiness of table orders-production: 11 met, 0 missing, 1 not checkable")
        .contains("[MET]", "GSI StatusIndex");
  }

  @Test
  void driftedTable_reportsEachMissingItemWithASentence() {
    TableDefinition orders = SeedTables.orders();
    TableDescription live = liveOf(orders, AWS_ARN + orders.name())
        .billingModeSummary(s -> s.billingMode(BillingMode.PROVISIONED))
        .globalSecondaryIndexes(software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription.builder()
            .indexName("StatusIndex")
            .keySchema(k -> k.attributeName("status").keyType("HASH"), k -> k.attributeName("order_date").keyType("RANGE"))
            .projection(p -> p.projectionType("ALL")).indexStatus("ACTIVE").build())
        .build();
    Facts facts = new Facts(live,
        Probe.of(ContinuousBackupsDescription.builder()
            .pointInTimeRecoveryDescription(p -> p.pointInTimeRecoveryStatus(PointInTimeRecoveryStatus.DISABLED)).build()),
        Probe.of(TimeToLiveDescription.builder().timeToLiveStatus(TimeToLiveStatus.DISABLED).build()),
        Probe.of(List.of()),
        Probe.of(List.of()),
        Probe.unavailable("n/a"));

    ReadinessReport report = ReadinessCheck.evaluate(orders, facts);

    assertThat(report.ready()).isFalse();
    assertThat(report.missing()).extracting(ReadinessItem::name).containsExactly(
        "Capacity mode", "Encryption at rest", "Point-in-time recovery", "Backups", "GSI OrderDateIndex",
        "GSI StatusIndex", "TTL", "Tags");
    assertThat(report.item("GSI StatusIndex")).hasValueSatisfying(i ->
        assertThat(i.detail()).isEqualTo("The index projects ALL, the definition says KEYS_ONLY."));
    assertThat(report.item("Capacity mode")).hasValueSatisfying(i ->
        assertThat(i.detail()).isEqualTo("The table is PROVISIONED; the definition says PAY_PER_REQUEST."));
    assertThat(report.item("Tags")).hasValueSatisfying(i ->
        assertThat(i.detail()).contains("Environment=production", "Service=order-service"));
  }

  @Test
  void dynamoDbLocal_marksWhatItCannotTellAsNotCheckable() {
    TableDefinition sessions = SeedTables.sessions();
    TableDescription live = liveOf(sessions, "arn:aws:dynamodb:ddblocal:000000000000:table/" + sessions.name()).build();
    Facts facts = new Facts(live,
        Probe.unavailable("this backend answered UnknownOperationException"),
        Probe.of(TimeToLiveDescription.builder().timeToLiveStatus(TimeToLiveStatus.ENABLED).attributeName("expires_at").build()),
        Probe.unavailable("this backend answered UnknownOperationException"),
        Probe.unavailable("this backend answered UnknownOperationException"),
        Probe.unavailable("this backend answered UnknownOperationException"));

    ReadinessReport report = ReadinessCheck.evaluate(sessions, facts);

    assertThat(report.ready()).isTrue();
    assertThat(report.notCheckable()).extracting(ReadinessItem::name).containsExactly(
        "Auto scaling", "Encryption at rest", "Point-in-time recovery", "Backups", "CloudWatch alarms");
    assertThat(report.item("Capacity mode").orElseThrow().detail()).contains("100 RCU / 50 WCU");
  }

  @Test
  void provisionedTableWithAutoScalingOnBothDimensions_meetsAutoScaling() {
    TableDefinition sessions = SeedTables.sessions();
    TableDescription live = liveOf(sessions, AWS_ARN + sessions.name()).build();
    AutoScalingSettingsDescription scaling = AutoScalingSettingsDescription.builder().autoScalingDisabled(false)
        .minimumUnits(50L).maximumUnits(1000L)
        .scalingPolicies(AutoScalingPolicyDescription.builder().policyName("DynamoDBReadAutoScaling").build()).build();
    Facts facts = new Facts(live, Probe.unavailable("x"), Probe.unavailable("x"), Probe.of(List.of()), Probe.of(List.of()),
        Probe.of(TableAutoScalingDescription.builder().replicas(ReplicaAutoScalingDescription.builder()
            .replicaProvisionedReadCapacityAutoScalingSettings(scaling)
            .replicaProvisionedWriteCapacityAutoScalingSettings(scaling).build()).build()));

    ReadinessReport report = ReadinessCheck.evaluate(sessions, facts);

    assertThat(report.item("Auto scaling").orElseThrow().status()).isEqualTo(ReadinessStatus.MET);
  }

  @Test
  void provisionedTableCheckedAsAnOnDemandKind_isNotToldItNeedsNoAutoScaling_andNamesTheAbsentSortKey() {
    TableDescription live = liveOf(SeedTables.sessions(), AWS_ARN + "sessions-production").build();
    Facts facts = new Facts(live, Probe.unavailable("x"), Probe.unavailable("x"), Probe.of(List.of()),
        Probe.of(List.of()), Probe.unavailable("DescribeTableReplicaAutoScaling is not supported"));

    ReadinessReport report = ReadinessCheck.evaluate(SeedTables.orders().withName("sessions-production"), facts);

    ReadinessItem scaling = report.item("Auto scaling").orElseThrow();
    assertThat(scaling.status()).isNotEqualTo(ReadinessStatus.MET);
    assertThat(scaling.detail()).doesNotContain("on-demand");
    assertThat(report.item("Capacity mode").orElseThrow().status()).isEqualTo(ReadinessStatus.MISSING);
    assertThat(report.item("Key schema").orElseThrow().detail())
        .contains("table has no sort key, the definition says order_id").doesNotContain("null");
  }
}
