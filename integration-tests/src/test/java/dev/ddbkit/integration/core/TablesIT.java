package dev.ddbkit.integration.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.core.table.Capacity;
import dev.ddbkit.core.table.EnsureResult;
import dev.ddbkit.core.table.IndexDefinition;
import dev.ddbkit.core.table.KeyAttribute;
import dev.ddbkit.core.table.ReadinessCheck;
import dev.ddbkit.core.table.ReadinessItem;
import dev.ddbkit.core.table.ReadinessReport;
import dev.ddbkit.core.table.ReadinessStatus;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.core.table.TableManager;
import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** {@code TableManager.ensure} idempotence and drift reporting, and the readiness report of each seed table. */
@DynamoDbLocalTest
class TablesIT {
  private static final Logger log = LoggerFactory.getLogger(TablesIT.class);

  static Stream<TableDefinition> seedTables() {
    return SeedTables.all().stream();
  }

  @Test
  void ensureTwice_isANoOp(DynamoDbClient client, DynamoDbLocal local, TestTables tables) {
    TableDefinition orders = tables.ensure(SeedTables.orders());
    var before = client.describeTable(r -> r.tableName(orders.name())).table();
    List<String> operations = new CopyOnWriteArrayList<>();
    ExecutionInterceptor recorder = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
      }
    };

    EnsureResult again;
    try (DdbkitClients recording = DdbkitClients.create(local.clientSettings().toBuilder().addInterceptor(recorder).build())) {
      again = TableManager.of(recording.sync()).ensure(orders);
    }

    var after = client.describeTable(r -> r.tableName(orders.name())).table();
    assertThat(operations).isNotEmpty().allMatch(op -> op.startsWith("Describe") || op.startsWith("List"));
    assertThat(again.created()).isFalse();
    assertThat(again.matches()).isTrue();
    assertThat(again.differences()).isEmpty();
    assertThat(after.creationDateTime()).isEqualTo(before.creationDateTime());
    assertThat(after.globalSecondaryIndexes()).hasSameSizeAs(before.globalSecondaryIndexes());
  }

  @Test
  void changedDefinition_isReportedNotApplied(DynamoDbClient client, TestTables tables) {
    TableDefinition orders = tables.ensure(SeedTables.orders());
    TableDefinition changed = TableDefinition.builder(orders.name())
        .partitionKey(KeyAttribute.string("customer_id"))
        .sortKey(KeyAttribute.string("order_id"))
        .globalSecondaryIndex(IndexDefinition.of(SeedTables.ORDER_DATE_INDEX, KeyAttribute.string("order_date"),
            KeyAttribute.string("order_id"), ProjectionType.ALL))
        .globalSecondaryIndex(IndexDefinition.of(SeedTables.STATUS_INDEX, KeyAttribute.string("status"),
            KeyAttribute.string("order_date"), ProjectionType.ALL))
        .globalSecondaryIndex(IndexDefinition.of("ByTotal", KeyAttribute.number("total"), ProjectionType.KEYS_ONLY))
        .capacity(Capacity.provisioned(5, 5))
        .ttlAttribute("valid_until")
        .build();

    EnsureResult result = TableManager.of(client).ensure(changed);

    assertThat(result.created()).isFalse();
    assertThat(result.matches()).isFalse();
    assertThat(result.differences()).containsExactlyInAnyOrder(
        "index StatusIndex projects KEYS_ONLY, the definition says ALL",
        "index ByTotal is missing",
        "billing mode is PAY_PER_REQUEST, the definition says PROVISIONED",
        "server-side encryption with KMS is ENABLED, the definition says disabled",
        "TTL is on attribute expires_at, the definition says valid_until");
    var live = client.describeTable(r -> r.tableName(orders.name())).table();
    assertThat(live.globalSecondaryIndexes()).hasSize(2);
    assertThat(live.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
  }

  @Test
  void changedTags_areReportedNotApplied(DynamoDbClient client, TestTables tables) {
    TableDefinition orders = tables.ensure(SeedTables.orders());
    String arn = client.describeTable(r -> r.tableName(orders.name())).table().tableArn();

    EnsureResult result = TableManager.of(client).ensure(orders.toBuilder()
        .tag("Service", "billing-service").tag("Team", "payments").build());

    assertThat(result.created()).isFalse();
    assertThat(result.differences()).containsExactlyInAnyOrder(
        "tag Service is order-service, the definition says billing-service",
        "tag Team is missing, the definition says payments");
    assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags())
        .extracting(t -> t.key() + "=" + t.value())
        .containsExactlyInAnyOrder("Environment=production", "Service=order-service");
  }

  @Test
  void changedProvisionedCapacity_isReported(DynamoDbClient client, TestTables tables) {
    TableDefinition sessions = tables.ensure(SeedTables.sessions());

    EnsureResult result = TableManager.of(client).ensure(sessions.toBuilder().capacity(Capacity.provisioned(200, 50)).build());

    assertThat(result.differences()).containsExactly("provisioned capacity is 100/50, the definition says 200/50");
  }

  @ParameterizedTest
  @MethodSource("seedTables")
  void readiness_ofEachSeedTableWithABackup_isReady_withOnlyAlarmsAndAutoScalingUncheckable(
      TableDefinition seed, DynamoDbClient client, TestTables tables) {
    TableDefinition table = tables.ensure(seed);
    // the checklist asks for backups; like DynamoDB, the backend reports none for a new table
    assertThat(ReadinessCheck.of(client).check(table).item("Backups").orElseThrow().status())
        .isEqualTo(ReadinessStatus.MISSING);
    client.createBackup(r -> r.tableName(table.name()).backupName("readiness"));

    ReadinessReport report = ReadinessCheck.of(client).check(table);
    log.info("{}", report.toText());

    assertThat(report.table()).isEqualTo(table.name());
    assertThat(report.missing()).as(report.toText()).isEmpty();
    assertThat(report.ready()).isTrue();
    List<String> notCheckable = report.notCheckable().stream().map(ReadinessItem::name).toList();
    assertThat(notCheckable).as(report.toText()).containsExactlyInAnyOrderElementsOf(table.capacity().isProvisioned()
        ? List.of("CloudWatch alarms", "Auto scaling") : List.of("CloudWatch alarms"));
    for (String item : List.of("Point-in-time recovery", "Backups", "Encryption at rest", "Tags", "TTL")) {
      assertThat(report.item(item).orElseThrow().status()).as(item).isEqualTo(ReadinessStatus.MET);
    }
    assertThat(report.item("Auto scaling").orElseThrow().status())
        .isEqualTo(table.capacity().isProvisioned() ? ReadinessStatus.NOT_CHECKABLE : ReadinessStatus.MET);
    for (var index : table.globalSecondaryIndexes()) {
      assertThat(report.item("GSI " + index.name()).orElseThrow().status()).isEqualTo(ReadinessStatus.MET);
    }
    assertThat(report.toText()).contains(table.name(), "[NOT_CHECKABLE]", "[MET]");
  }

  @Test
  void readiness_ofATableBuiltAgainstAnotherDefinition_namesWhatIsMissing(DynamoDbClient client, TestTables tables) {
    TableDefinition drifted = tables.ensure(TableDefinition.builder(SeedTables.ORDERS)
        .partitionKey(KeyAttribute.string("customer_id"))
        .sortKey(KeyAttribute.string("order_id"))
        .globalSecondaryIndex(IndexDefinition.of(SeedTables.STATUS_INDEX, KeyAttribute.string("status"),
            KeyAttribute.string("order_date"), ProjectionType.ALL))
        .build());

    ReadinessReport report = ReadinessCheck.of(client).check(SeedTables.orders().withName(drifted.name()));

    assertThat(report.ready()).isFalse();
    assertThat(report.missing()).extracting(ReadinessItem::name)
        .containsExactlyInAnyOrder("GSI OrderDateIndex", "GSI StatusIndex", "TTL",
            "Encryption at rest", "Point-in-time recovery", "Backups", "Tags");
    assertThat(report.item("GSI StatusIndex").orElseThrow().detail())
        .isEqualTo("The index projects ALL, the definition says KEYS_ONLY.");
  }
}
