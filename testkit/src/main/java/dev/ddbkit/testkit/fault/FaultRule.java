package dev.ddbkit.testkit.fault;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * When the {@link FaultProxy} injects a {@link Fault}: the operations and tables a request must match, the
 * share of matching requests affected and an optional cap on the number of injections. Immutable.
 *
 * <pre>{@code
 * FaultRule.forOperation("PutItem").table("orders").throttle(0.10);          // 10 % of PutItem on orders
 * FaultRule.forAnyOperation().serverError(0.02);                             // 2 % of everything: HTTP 500
 * FaultRule.forOperation("TransactWriteItems").transactionConflict(1.0).times(1); // the next one only
 * FaultRule.forOperation("BatchWriteItem").unprocessed(0.5, 0.3);            // half the batches lose 30 %
 * }</pre>
 *
 * <p>A request is matched against the rules in the order they were added; latency rules add up, the first
 * other rule that fires decides the request.
 */
public final class FaultRule {

  /** Every operation name of the DynamoDB API version 2012-08-10 that a rule may name. */
  static final Set<String> OPERATIONS = Set.of("BatchExecuteStatement", "BatchGetItem", "BatchWriteItem",
      "CreateBackup", "CreateGlobalTable", "CreateTable", "DeleteBackup", "DeleteItem", "DeleteResourcePolicy",
      "DeleteTable", "DescribeBackup", "DescribeContinuousBackups", "DescribeContributorInsights",
      "DescribeEndpoints", "DescribeExport", "DescribeGlobalTable", "DescribeGlobalTableSettings",
      "DescribeImport", "DescribeKinesisStreamingDestination", "DescribeLimits", "DescribeTable",
      "DescribeTableReplicaAutoScaling", "DescribeTimeToLive", "DisableKinesisStreamingDestination",
      "EnableKinesisStreamingDestination", "ExecuteStatement", "ExecuteTransaction",
      "ExportTableToPointInTime", "GetItem", "GetResourcePolicy", "ImportTable", "ListBackups",
      "ListContributorInsights", "ListExports", "ListGlobalTables", "ListImports", "ListTables",
      "ListTagsOfResource", "PutItem", "PutResourcePolicy", "Query", "RestoreTableFromBackup",
      "RestoreTableToPointInTime", "Scan", "TagResource", "TransactGetItems", "TransactWriteItems",
      "UntagResource", "UpdateContinuousBackups", "UpdateContributorInsights", "UpdateGlobalTable",
      "UpdateGlobalTableSettings", "UpdateItem", "UpdateKinesisStreamingDestination", "UpdateTable",
      "UpdateTableReplicaAutoScaling", "UpdateTimeToLive");

  private final Set<String> operations;
  private final Set<String> tables;
  private final Fault fault;
  private final double share;
  private final long maxInjections;

  private FaultRule(Set<String> operations, Set<String> tables, Fault fault, double share, long maxInjections) {
    this.operations = operations;
    this.tables = tables;
    this.fault = fault;
    this.share = share;
    this.maxInjections = maxInjections;
  }

  /** Starts a rule for requests of the named operations, such as {@code "PutItem"}. */
  public static Matcher forOperation(String... operations) {
    Objects.requireNonNull(operations, "operations");
    if (operations.length == 0) {
      throw new IllegalArgumentException("operations must name at least one operation; use forAnyOperation().");
    }
    Set<String> ops = new LinkedHashSet<>();
    for (String op : operations) {
      if (op == null || !OPERATIONS.contains(op)) {
        throw new IllegalArgumentException("operations contains '" + op
            + "', which is not a DynamoDB operation name (names look like PutItem, Query, BatchWriteItem).");
      }
      ops.add(op);
    }
    return new Matcher(Set.copyOf(ops), Set.of());
  }

  /** Starts a rule for requests of any operation. */
  public static Matcher forAnyOperation() {
    return new Matcher(Set.of(), Set.of());
  }

  /** The operations this rule matches; empty means any. */
  public Set<String> operations() {
    return operations;
  }

  /** The tables this rule matches; empty means any (including requests that name no table). */
  public Set<String> tables() {
    return tables;
  }

  /** What this rule injects. */
  public Fault fault() {
    return fault;
  }

  /** The share of matching requests affected, from 0 to 1. */
  public double share() {
    return share;
  }

  /** The most injections this rule makes; {@link Long#MAX_VALUE} when unlimited. */
  public long maxInjections() {
    return maxInjections;
  }

  /** A copy of this rule that stops after {@code count} injections. */
  public FaultRule times(long count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1 but was " + count + ".");
    }
    return new FaultRule(operations, tables, fault, share, count);
  }

  /** Whether a request of {@code operation} touching {@code requestTables} matches this rule. */
  boolean matches(String operation, Set<String> requestTables) {
    if (!operations.isEmpty() && !operations.contains(operation)) {
      return false;
    }
    if (tables.isEmpty()) {
      return true;
    }
    for (String t : requestTables) {
      if (tables.contains(t)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "FaultRule{" + (operations.isEmpty() ? "any operation" : operations)
        + (tables.isEmpty() ? "" : " on " + tables) + ": " + fault + " x " + share
        + (maxInjections == Long.MAX_VALUE ? "" : ", at most " + maxInjections) + "}";
  }

  /** The request side of a rule under construction; each terminal method returns the finished rule. */
  public static final class Matcher {
    private final Set<String> operations;
    private final Set<String> tables;

    private Matcher(Set<String> operations, Set<String> tables) {
      this.operations = operations;
      this.tables = tables;
    }

    /**
     * Narrows the rule to requests touching one of {@code tableNames}: the {@code TableName} of single-table
     * operations, the {@code RequestItems} of batches, the items of transactions.
     */
    public Matcher table(String... tableNames) {
      Objects.requireNonNull(tableNames, "tableNames");
      Set<String> t = new LinkedHashSet<>(tables);
      for (String name : tableNames) {
        if (name == null || name.isBlank()) {
          throw new IllegalArgumentException("tableNames must not contain a blank name but was "
              + Arrays.toString(tableNames) + ".");
        }
        t.add(name);
      }
      return new Matcher(operations, Set.copyOf(t));
    }

    /** Injects {@code fault} into {@code share} (0 to 1) of matching requests. */
    public FaultRule inject(Fault fault, double share) {
      Objects.requireNonNull(fault, "fault");
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("share must be between 0 and 1 but was " + share + ".");
      }
      return new FaultRule(operations, tables, fault, share, Long.MAX_VALUE);
    }

    /** {@code ProvisionedThroughputExceededException} for {@code share} of matching requests. */
    public FaultRule throttle(double share) {
      return inject(Fault.provisionedThroughputExceeded(), share);
    }

    /** {@code ThrottlingException} for {@code share} of matching requests. */
    public FaultRule throttlingException(double share) {
      return inject(Fault.throttling(), share);
    }

    /** HTTP 500 {@code InternalServerError} for {@code share} of matching requests. */
    public FaultRule serverError(double share) {
      return inject(Fault.internalServerError(), share);
    }

    /** HTTP 503 for {@code share} of matching requests. */
    public FaultRule serviceUnavailable(double share) {
      return inject(Fault.serviceUnavailable(), share);
    }

    /** A transaction conflict (see {@link Fault#transactionConflict()}) for {@code share} of matching requests. */
    public FaultRule transactionConflict(double share) {
      return inject(Fault.transactionConflict(), share);
    }

    /**
     * For {@code share} of matching batch requests, holds back {@code itemShare} of their items or keys as
     * unprocessed (see {@link Fault#unprocessed(double)}).
     */
    public FaultRule unprocessed(double share, double itemShare) {
      return inject(Fault.unprocessed(itemShare), share);
    }

    /** Adds {@code delay} to every matching request. */
    public FaultRule latency(Duration delay) {
      return inject(Fault.latency(delay), 1.0);
    }

    /** Adds latency drawn from {@code latency} to every matching request. */
    public FaultRule latency(Latency latency) {
      return inject(Fault.latency(latency), 1.0);
    }

    /** Drops the connection, before forwarding, for {@code share} of matching requests. */
    public FaultRule dropConnection(double share) {
      return inject(Fault.dropConnection(), share);
    }

    /** Holds the response, without forwarding, for {@code share} of matching requests. */
    public FaultRule timeout(double share) {
      return inject(Fault.timeout(), share);
    }
  }
}
