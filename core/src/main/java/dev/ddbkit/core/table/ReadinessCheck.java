package dev.ddbkit.core.table;

import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.Require;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AutoScalingSettingsDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ReplicaAutoScalingDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.TableAutoScalingDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Checks a live table against the seed guide's production checklist and its {@link TableDefinition}:
 * table status, capacity mode, auto scaling (when provisioned), encryption, point-in-time recovery, backups,
 * alarms, key schema, every GSI's keys and projection, TTL and tags. Read-only: it calls
 * {@code DescribeTable}, {@code DescribeContinuousBackups}, {@code DescribeTimeToLive},
 * {@code ListTagsOfResource}, {@code ListBackups} and {@code DescribeTableReplicaAutoScaling}; an item whose
 * call the backend does not support (DynamoDB Local: PITR, backups, tags, auto scaling) or that lies outside
 * the DynamoDB API (CloudWatch alarms) is reported as {@link ReadinessStatus#NOT_CHECKABLE}. Only an answer
 * that the operation is unknown or unsupported (such as {@code UnknownOperationException} or HTTP 501) counts
 * as a backend limitation; any other service error (access denied, throttling, validation) is thrown
 * translated as a {@link dev.ddbkit.core.error.DdbkitException}, so a missing permission never looks like an
 * unsupported feature. A client-side failure (network, timeout) of one probe makes that item NOT_CHECKABLE.
 *
 * <pre>{@code
 * ReadinessReport report = ReadinessCheck.of(client).check(SeedTables.orders());
 * log.info(report.toText());
 * }</pre>
 */
public final class ReadinessCheck {
  static final String CAPACITY = "Capacity";
  static final String SECURITY = "Security";
  static final String BACKUP = "Backup";
  static final String MONITORING = "Monitoring";
  static final String DESIGN = "Design";

  private final DynamoDbClient client;

  private ReadinessCheck(DynamoDbClient client) {
    this.client = client;
  }

  /** A check using {@code client}. */
  public static ReadinessCheck of(DynamoDbClient client) {
    return new ReadinessCheck(Require.nonNull(client, "client"));
  }

  /**
   * Checks the live table named by {@code definition}.
   *
   * @throws dev.ddbkit.core.error.ResourceNotFoundException if the table does not exist
   */
  public ReadinessReport check(TableDefinition definition) {
    Require.nonNull(definition, "definition");
    String name = definition.name();
    TableDescription table;
    try {
      table = client.describeTable(r -> r.tableName(name)).table();
    } catch (SdkException e) {
      throw DdbkitErrors.translate(e, "DescribeTable", name);
    }
    Facts facts = new Facts(
        table,
        probe(() -> client.describeContinuousBackups(r -> r.tableName(name)).continuousBackupsDescription()),
        probe(() -> client.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription()),
        probe(() -> tags(table.tableArn())),
        probe(() -> client.listBackups(r -> r.tableName(name).backupType(BackupTypeFilter.ALL)).backupSummaries()),
        definition.capacity().isProvisioned() || isProvisioned(table)
            ? probe(() -> client.describeTableReplicaAutoScaling(r -> r.tableName(name)).tableAutoScalingDescription())
            : Probe.unavailable("not needed for an on-demand table"));
    return evaluate(definition, facts);
  }

  private List<Tag> tags(String arn) {
    List<Tag> all = new ArrayList<>();
    String next = null;
    do {
      String token = next;
      ListTagsOfResourceResponse page = client.listTagsOfResource(r -> r.resourceArn(arn).nextToken(token));
      all.addAll(page.tags());
      next = page.nextToken();
    } while (next != null);
    return all;
  }

  static <T> Probe<T> probe(Supplier<T> call) {
    try {
      return Probe.of(call.get());
    } catch (ResourceNotFoundException e) {
      throw DdbkitErrors.translate(e, null, null);
    } catch (AwsServiceException e) {
      if (!UnsupportedOperations.isUnsupported(e)) {
        // access denied, throttling, validation...: a real failure, not a limitation of the backend
        throw DdbkitErrors.translate(e, null, null);
      }
      String code = e.awsErrorDetails() == null ? "Unknown" : e.awsErrorDetails().errorCode();
      String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
      String detail = message == null ? "" : ": " + message.strip().replaceAll("\\.+$", "");
      return Probe.unavailable("this backend answered " + code + detail);
    } catch (SdkException e) {
      return Probe.unavailable("the call failed: " + e.getMessage());
    }
  }

  /** Evaluates gathered facts; separate from the calls so every rule can be unit-tested. */
  static ReadinessReport evaluate(TableDefinition def, Facts facts) {
    TableDescription live = facts.table();
    // DynamoDB Local names its region "ddblocal" in every ARN; it never reports SSE, so its silence proves nothing.
    boolean local = live.tableArn() != null && live.tableArn().contains(":ddblocal:");
    List<ReadinessItem> items = new ArrayList<>();

    items.add(live.tableStatus() == TableStatus.ACTIVE
        ? ReadinessItem.met(CAPACITY, "Table status", "The table is ACTIVE.")
        : ReadinessItem.missing(CAPACITY, "Table status", "The table is " + live.tableStatusAsString() + ", not ACTIVE."));
    items.add(capacityMode(def, live));
    items.add(autoScaling(def, live, facts.autoScaling()));
    items.add(encryption(def, live, local));
    items.add(pointInTimeRecovery(facts.continuousBackups()));
    items.add(backups(facts.backups()));
    items.add(ReadinessItem.notCheckable(MONITORING, "CloudWatch alarms",
        "Alarms on throttling, errors and latency live in CloudWatch, outside the DynamoDB API."));
    items.add(keySchema(def, live));
    items.addAll(indexes(def, live));
    items.add(ttl(def, facts.ttl()));
    items.add(tags(def, facts.tags()));
    return new ReadinessReport(def.name(), items);
  }

  private static ReadinessItem capacityMode(TableDefinition def, TableDescription live) {
    String name = "Capacity mode";
    String liveMode = live.billingModeSummary() == null || live.billingModeSummary().billingMode() == null
        ? "PROVISIONED" : live.billingModeSummary().billingModeAsString();
    String wanted = def.capacity().mode().toString();
    if (!liveMode.equals(wanted)) {
      return ReadinessItem.missing(CAPACITY, name, "The table is " + liveMode + "; the definition says " + wanted + ".");
    }
    if (def.capacity().isProvisioned() && live.provisionedThroughput() != null) {
      long r = live.provisionedThroughput().readCapacityUnits();
      long w = live.provisionedThroughput().writeCapacityUnits();
      if (r != def.capacity().readUnits() || w != def.capacity().writeUnits()) {
        return ReadinessItem.missing(CAPACITY, name, "PROVISIONED with " + r + " RCU / " + w
            + " WCU; the definition says " + def.capacity().readUnits() + " / " + def.capacity().writeUnits() + ".");
      }
      return ReadinessItem.met(CAPACITY, name, "PROVISIONED with " + r + " RCU / " + w + " WCU, as defined.");
    }
    return ReadinessItem.met(CAPACITY, name, liveMode + ", as defined.");
  }

  private static ReadinessItem autoScaling(TableDefinition def, TableDescription live,
      Probe<TableAutoScalingDescription> probe) {
    String name = "Auto scaling";
    if (!isProvisioned(live)) {
      return ReadinessItem.met(CAPACITY, name, "Not needed: the table is on-demand and scales by itself.");
    }
    if (probe.value() == null) {
      return ReadinessItem.notCheckable(CAPACITY, name, "Auto scaling is configured in Application Auto Scaling and "
          + "not visible through DescribeTableReplicaAutoScaling here: " + probe.unavailable() + ".");
    }
    boolean read = false;
    boolean write = false;
    for (ReplicaAutoScalingDescription replica : probe.value().replicas()) {
      read |= enabled(replica.replicaProvisionedReadCapacityAutoScalingSettings());
      write |= enabled(replica.replicaProvisionedWriteCapacityAutoScalingSettings());
    }
    if (read && write) {
      return ReadinessItem.met(CAPACITY, name, "Read and write capacity scale automatically.");
    }
    return ReadinessItem.missing(CAPACITY, name, "Provisioned " + (read ? "write" : write ? "read" : "read and write")
        + " capacity has no auto scaling.");
  }

  /** Whether the live table is PROVISIONED (a table created before billing modes existed has no summary). */
  private static boolean isProvisioned(TableDescription live) {
    var summary = live.billingModeSummary();
    return summary == null || summary.billingMode() == null || summary.billingMode() == BillingMode.PROVISIONED;
  }

  private static boolean enabled(@Nullable AutoScalingSettingsDescription s) {
    return s != null && !Boolean.TRUE.equals(s.autoScalingDisabled()) && s.hasScalingPolicies()
        && !s.scalingPolicies().isEmpty();
  }

  private static ReadinessItem encryption(TableDefinition def, TableDescription live, boolean local) {
    String name = "Encryption at rest";
    var sse = live.sseDescription();
    boolean kms = sse != null && (sse.status() == SSEStatus.ENABLED || sse.status() == SSEStatus.ENABLING);
    if (kms) {
      return ReadinessItem.met(SECURITY, name, "Encrypted with a KMS key (" + sse.sseTypeAsString() + ").");
    }
    if (!def.serverSideEncryption()) {
      return ReadinessItem.met(SECURITY, name,
          "Encrypted with an AWS owned key, as DynamoDB does for every table; the definition asks for nothing more.");
    }
    if (local) {
      return ReadinessItem.notCheckable(SECURITY, name, "DynamoDB Local does not report server-side encryption.");
    }
    return ReadinessItem.missing(SECURITY, name,
        "Encrypted only with an AWS owned key; the definition asks for server-side encryption with a KMS key.");
  }

  private static ReadinessItem pointInTimeRecovery(Probe<ContinuousBackupsDescription> probe) {
    String name = "Point-in-time recovery";
    if (probe.value() == null) {
      return ReadinessItem.notCheckable(BACKUP, name, "DescribeContinuousBackups is not available: " + probe.unavailable() + ".");
    }
    var pitr = probe.value().pointInTimeRecoveryDescription();
    if (pitr != null && pitr.pointInTimeRecoveryStatus() == PointInTimeRecoveryStatus.ENABLED) {
      return ReadinessItem.met(BACKUP, name, "Enabled.");
    }
    return ReadinessItem.missing(BACKUP, name, "Disabled; the checklist requires it for production tables.");
  }

  private static ReadinessItem backups(Probe<List<BackupSummary>> probe) {
    String name = "Backups";
    if (probe.value() == null) {
      return ReadinessItem.notCheckable(BACKUP, name, "ListBackups is not available: " + probe.unavailable() + ".");
    }
    if (probe.value().isEmpty()) {
      return ReadinessItem.missing(BACKUP, name,
          "No on-demand or AWS Backup backup exists; the checklist requires an AWS Backup plan.");
    }
    return ReadinessItem.met(BACKUP, name, probe.value().size() + " backup(s) exist; the plan itself is in AWS Backup.");
  }

  private static ReadinessItem keySchema(TableDefinition def, TableDescription live) {
    String name = "Key schema";
    List<String> diffs = TableDifferences.between(def, live).stream()
        .filter(d -> d.startsWith("table ") || d.startsWith("attribute ")).toList();
    return diffs.isEmpty()
        ? ReadinessItem.met(DESIGN, name, "Keys " + keys(def.partitionKey(), def.sortKey().orElse(null)) + " as defined.")
        : ReadinessItem.missing(DESIGN, name, String.join("; ", diffs) + ".");
  }

  private static List<ReadinessItem> indexes(TableDefinition def, TableDescription live) {
    List<ReadinessItem> items = new ArrayList<>();
    Map<String, GlobalSecondaryIndexDescription> liveIndexes = new HashMap<>();
    live.globalSecondaryIndexes().forEach(i -> liveIndexes.put(i.indexName(), i));
    for (IndexDefinition index : def.globalSecondaryIndexes()) {
      String name = "GSI " + index.name();
      GlobalSecondaryIndexDescription l = liveIndexes.remove(index.name());
      if (l == null) {
        items.add(ReadinessItem.missing(DESIGN, name, "The index does not exist."));
        continue;
      }
      List<String> problems = new ArrayList<>();
      String liveKeys = liveKeys(l.keySchema());
      String wantedKeys = keys(index.partitionKey(), index.sortKey().orElse(null));
      if (!liveKeys.equals(wantedKeys)) {
        problems.add("keys are " + liveKeys + ", the definition says " + wantedKeys);
      }
      String liveProjection = l.projection() == null ? "none" : l.projection().projectionTypeAsString();
      if (!index.projection().toString().equals(liveProjection)) {
        problems.add("projects " + liveProjection + ", the definition says " + index.projection());
      } else if (!index.nonKeyAttributes().isEmpty()) {
        Set<String> liveAttrs = new HashSet<>(l.projection().nonKeyAttributes());
        if (!liveAttrs.equals(new HashSet<>(index.nonKeyAttributes()))) {
          problems.add("includes " + liveAttrs + ", the definition says " + index.nonKeyAttributes());
        }
      }
      if (l.indexStatus() != null && !"ACTIVE".equals(l.indexStatusAsString())) {
        problems.add("is " + l.indexStatusAsString() + ", not ACTIVE");
      }
      items.add(problems.isEmpty()
          ? ReadinessItem.met(DESIGN, name, "Keys " + wantedKeys + ", projection " + index.projection() + ", as defined.")
          : ReadinessItem.missing(DESIGN, name, "The index " + String.join("; ", problems) + "."));
    }
    liveIndexes.keySet().stream().sorted().forEach(n -> items.add(ReadinessItem.missing(DESIGN, "GSI " + n,
        "The index exists on the table but not in the definition.")));
    return items;
  }

  private static ReadinessItem ttl(TableDefinition def, Probe<TimeToLiveDescription> probe) {
    String name = "TTL";
    if (def.ttlAttribute().isEmpty()) {
      return ReadinessItem.met(DESIGN, name, "The definition keeps no expiring data, so no TTL is needed.");
    }
    String wanted = def.ttlAttribute().get();
    if (probe.value() == null) {
      return ReadinessItem.notCheckable(DESIGN, name, "DescribeTimeToLive is not available: " + probe.unavailable() + ".");
    }
    TimeToLiveDescription d = probe.value();
    boolean on = d.timeToLiveStatus() == TimeToLiveStatus.ENABLED || d.timeToLiveStatus() == TimeToLiveStatus.ENABLING;
    if (on && wanted.equals(d.attributeName())) {
      return ReadinessItem.met(DESIGN, name, "Enabled on " + wanted + ".");
    }
    if (on) {
      return ReadinessItem.missing(DESIGN, name, "Enabled on " + d.attributeName() + "; the definition says " + wanted + ".");
    }
    return ReadinessItem.missing(DESIGN, name, "Disabled; the definition expires items by " + wanted + ".");
  }

  private static ReadinessItem tags(TableDefinition def, Probe<List<Tag>> probe) {
    String name = "Tags";
    if (def.tags().isEmpty()) {
      return ReadinessItem.met(DESIGN, name, "The definition has no tags.");
    }
    if (probe.value() == null) {
      return ReadinessItem.notCheckable(DESIGN, name, "ListTagsOfResource is not available: " + probe.unavailable() + ".");
    }
    Map<String, String> live = new HashMap<>();
    probe.value().forEach(t -> live.put(t.key(), t.value()));
    List<String> wrong = def.tags().entrySet().stream()
        .filter(e -> !Objects.equals(live.get(e.getKey()), e.getValue()))
        .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
    return wrong.isEmpty()
        ? ReadinessItem.met(DESIGN, name, "Every defined tag is set.")
        : ReadinessItem.missing(DESIGN, name, "Tags not set as defined: " + String.join(", ", wrong) + ".");
  }

  private static String keys(KeyAttribute pk, @Nullable KeyAttribute sk) {
    return "(" + pk.name() + (sk == null ? "" : ", " + sk.name()) + ")";
  }

  private static String liveKeys(List<KeySchemaElement> schema) {
    String pk = null;
    String sk = null;
    for (KeySchemaElement e : schema) {
      if (e.keyType() == KeyType.HASH) {
        pk = e.attributeName();
      } else if (e.keyType() == KeyType.RANGE) {
        sk = e.attributeName();
      }
    }
    return "(" + pk + (sk == null ? "" : ", " + sk) + ")";
  }

  /** What a backend answered for one call, or why it could not. */
  record Probe<T>(@Nullable T value, String unavailable) {
    static <T> Probe<T> of(T value) {
      return new Probe<>(value, "");
    }

    static <T> Probe<T> unavailable(String why) {
      return new Probe<>(null, why);
    }
  }

  /** Everything the check gathered about one table. */
  record Facts(
      TableDescription table,
      Probe<ContinuousBackupsDescription> continuousBackups,
      Probe<TimeToLiveDescription> ttl,
      Probe<List<Tag>> tags,
      Probe<List<BackupSummary>> backups,
      Probe<TableAutoScalingDescription> autoScaling) {}
}
