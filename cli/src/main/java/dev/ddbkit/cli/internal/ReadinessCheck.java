package dev.ddbkit.cli.internal;

import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.ErrorContext;
import dev.ddbkit.core.error.ResourceNotFoundException;
import dev.ddbkit.core.table.TableManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The seed's production checklist for one live table, read with DescribeTable, DescribeTimeToLive,
 * DescribeContinuousBackups and ListTagsOfResource. Items a backend cannot show (DynamoDB Local has no
 * backups, no encryption settings, no Application Auto Scaling) are reported as not checkable, never as met.
 */
public final class ReadinessCheck {
  private final DynamoDbClient client;

  private ReadinessCheck(DynamoDbClient client) {
    this.client = client;
  }

  /** A check using {@code client}. */
  public static ReadinessCheck using(DynamoDbClient client) {
    return new ReadinessCheck(client);
  }

  /** The status of a checklist item. */
  public enum Status { MET, MISSING, NOT_CHECKABLE }

  /** One checklist item. */
  public record Item(String name, Status status, String detail) {
    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("item", name);
      m.put("status", status.name());
      m.put("detail", detail);
      return m;
    }
  }

  /** The checklist of one table. */
  public record Report(String table, List<Item> items) {
    /** Whether any item is missing. */
    public boolean anyMissing() {
      return items.stream().anyMatch(i -> i.status() == Status.MISSING);
    }

    /** As a map, for JSON. */
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("table", table);
      m.put("ready", !anyMissing());
      m.put("items", items.stream().map(Item::toMap).collect(Collectors.toList()));
      return m;
    }
  }

  /**
   * Checks {@code table}; a missing table raises {@link dev.ddbkit.core.error.ResourceNotFoundException}.
   */
  public Report check(String table) {
    TableDescription d = TableManager.of(client).describe(table).orElseThrow(() -> ResourceNotFoundException.of(
        "Table " + table + " does not exist.", ErrorContext.of("DescribeTable", table)));
    boolean local = d.tableArn() != null && d.tableArn().contains(":ddblocal:");
    List<Item> items = new ArrayList<>();

    items.add(new Item("Table status", d.tableStatus().toString().equals("ACTIVE") ? Status.MET : Status.MISSING,
        String.valueOf(d.tableStatus())));

    BillingMode mode = d.billingModeSummary() == null ? BillingMode.PROVISIONED : d.billingModeSummary().billingMode();
    if (mode == BillingMode.PAY_PER_REQUEST) {
      items.add(new Item("Capacity mode selected", Status.MET, "on-demand (PAY_PER_REQUEST)"));
      items.add(new Item("Auto Scaling (if provisioned)", Status.MET, "not needed: on-demand"));
    } else {
      var t = d.provisionedThroughput();
      items.add(new Item("Capacity mode selected", Status.MET,
          "provisioned " + t.readCapacityUnits() + " RCU / " + t.writeCapacityUnits() + " WCU"));
      items.add(new Item("Auto Scaling (if provisioned)", Status.NOT_CHECKABLE,
          "needs the Application Auto Scaling API; check its scalable targets"));
    }

    if (local) {
      items.add(new Item("Encryption at rest", Status.NOT_CHECKABLE, "DynamoDB Local does not encrypt"));
    } else if (d.sseDescription() != null && d.sseDescription().status() == SSEStatus.ENABLED) {
      items.add(new Item("Encryption at rest", Status.MET, "KMS (" + d.sseDescription().sseType() + ")"));
    } else {
      items.add(new Item("Encryption at rest", Status.MET, "AWS owned key (DynamoDB default)"));
    }

    items.add(pointInTimeRecovery(table, local));
    items.add(ttl(table));

    if (d.hasGlobalSecondaryIndexes() && !d.globalSecondaryIndexes().isEmpty()) {
      String gsis = d.globalSecondaryIndexes().stream()
          .map(g -> g.indexName() + " " + g.projection().projectionType() + " " + g.indexStatus())
          .collect(Collectors.joining(", "));
      boolean active = d.globalSecondaryIndexes().stream().allMatch(g -> "ACTIVE".equals(String.valueOf(g.indexStatus())));
      items.add(new Item("GSIs active with projections", active ? Status.MET : Status.MISSING, gsis));
    }

    items.add(tags(d.tableArn(), local));
    return new Report(table, items);
  }

  private Item pointInTimeRecovery(String table, boolean local) {
    if (local) {
      return new Item("Point-in-time recovery", Status.NOT_CHECKABLE, "DynamoDB Local has no backups");
    }
    try {
      ContinuousBackupsDescription c = client.describeContinuousBackups(r -> r.tableName(table))
          .continuousBackupsDescription();
      boolean on = c.pointInTimeRecoveryDescription() != null
          && c.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus() == PointInTimeRecoveryStatus.ENABLED;
      return new Item("Point-in-time recovery", on ? Status.MET : Status.MISSING, on ? "enabled" : "disabled");
    } catch (SdkException e) {
      return new Item("Point-in-time recovery", Status.NOT_CHECKABLE, "DescribeContinuousBackups failed: "
          + DdbkitErrors.translate(e, "DescribeContinuousBackups", table).errorCode());
    }
  }

  private Item ttl(String table) {
    try {
      var d = client.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
      boolean on = d != null && (d.timeToLiveStatus() == TimeToLiveStatus.ENABLED
          || d.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
      return new Item("TTL for expiring data", on ? Status.MET : Status.MISSING,
          on ? "on " + d.attributeName() : "disabled");
    } catch (SdkException e) {
      return new Item("TTL for expiring data", Status.NOT_CHECKABLE, "DescribeTimeToLive failed: "
          + DdbkitErrors.translate(e, "DescribeTimeToLive", table).errorCode());
    }
  }

  private Item tags(String arn, boolean local) {
    try {
      var tags = client.listTagsOfResource(r -> r.resourceArn(arn)).tags();
      if (tags.isEmpty()) {
        return new Item("Tags", local ? Status.NOT_CHECKABLE : Status.MISSING, "none");
      }
      return new Item("Tags", Status.MET, tags.stream().map(t -> t.key() + "=" + t.value())
          .collect(Collectors.joining(", ")));
    } catch (SdkException e) {
      return new Item("Tags", Status.NOT_CHECKABLE, "this backend does not answer ListTagsOfResource");
    }
  }
}
