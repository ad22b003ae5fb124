package dev.ddbkit.emulator.internal.ops;

import dev.ddbkit.emulator.internal.error.DynamoException;
import dev.ddbkit.emulator.internal.store.Catalog;
import dev.ddbkit.emulator.internal.store.Table;
import java.time.Clock;
import java.util.Map;

/**
 * Executes DynamoDB operations on the catalog: one method per operation, each taking the parsed request and
 * returning the response object. Knows nothing of HTTP.
 */
public final class Engine {
  final Catalog catalog = new Catalog();
  final Clock clock;
  final String endpointAddress;
  final Throughput throughput;
  private final ControlPlane control;
  private final DataPlane data;
  private final Transactions transactions;

  public Engine(Clock clock, String endpointAddress) {
    this(clock, endpointAddress, false);
  }

  /** With {@code enforceThroughput}, requests beyond partition or provisioned table limits are throttled. */
  public Engine(Clock clock, String endpointAddress, boolean enforceThroughput) {
    this.clock = clock;
    this.endpointAddress = endpointAddress;
    this.throughput = new Throughput(enforceThroughput, clock);
    this.control = new ControlPlane(this);
    this.data = new DataPlane(this);
    this.transactions = new Transactions(this, data);
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Runs one operation in a region; throws {@link DynamoException} for every DynamoDB error. */
  public Map<String, Object> execute(String operation, String region, Request request) {
    return switch (operation) {
      case "CreateTable" -> control.createTable(region, request);
      case "DescribeTable" -> control.describeTable(region, request);
      case "ListTables" -> control.listTables(region, request);
      case "DeleteTable" -> control.deleteTable(region, request);
      case "UpdateTable" -> control.updateTable(region, request);
      case "UpdateTimeToLive" -> control.updateTimeToLive(region, request);
      case "DescribeTimeToLive" -> control.describeTimeToLive(region, request);
      case "TagResource" -> control.tagResource(region, request);
      case "UntagResource" -> control.untagResource(region, request);
      case "ListTagsOfResource" -> control.listTags(region, request);
      case "DescribeContinuousBackups" -> control.describeContinuousBackups(region, request);
      case "UpdateContinuousBackups" -> control.updateContinuousBackups(region, request);
      case "CreateBackup" -> control.createBackup(region, request);
      case "ListBackups" -> control.listBackups(region, request);
      case "DescribeBackup" -> control.describeBackup(region, request);
      case "DeleteBackup" -> control.deleteBackup(region, request);
      case "DescribeLimits" -> control.describeLimits();
      case "DescribeEndpoints" -> control.describeEndpoints();
      case "GetItem" -> data.getItem(region, request);
      case "PutItem" -> data.putItem(region, request);
      case "UpdateItem" -> data.updateItem(region, request);
      case "DeleteItem" -> data.deleteItem(region, request);
      case "Query" -> data.query(region, request);
      case "Scan" -> data.scan(region, request);
      case "BatchGetItem" -> data.batchGetItem(region, request);
      case "BatchWriteItem" -> data.batchWriteItem(region, request);
      case "TransactGetItems" -> transactions.transactGet(region, request);
      case "TransactWriteItems" -> transactions.transactWrite(region, request);
      default -> throw DynamoException.unknownOperation("Unknown operation: " + operation);
    };
  }

  Table table(String region, String name) {
    return catalog.table(region, name).orElseThrow(() -> DynamoException.resourceNotFound(
        "Requested resource not found"));
  }

  /** Deletes every item whose TTL attribute holds an epoch-seconds number before now; returns how many. */
  public int sweepExpired() {
    return data.sweepExpired();
  }
}
