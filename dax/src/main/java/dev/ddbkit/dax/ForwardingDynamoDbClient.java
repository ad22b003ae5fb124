package dev.ddbkit.dax;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.*;

/**
 * Not API: the superclass of {@link DaxAwareClient}, package-private so that no public signature names it.
 *
 * <p>A {@link DynamoDbClient} that sends every request-object operation to {@link #dynamoDb()}. Subclasses
 * override the operations they route elsewhere. Consumer-builder overloads, paginators and waiters are
 * left to the interface's defaults, which call back into the request-object operations of {@code this}, so
 * they follow the subclass's routing.
 */
abstract class ForwardingDynamoDbClient implements DynamoDbClient {

  /** The client that serves every operation this class does not override. */
  protected abstract DynamoDbClient dynamoDb();

  @Override
  public String serviceName() {
    return dynamoDb().serviceName();
  }

  @Override
  public DynamoDbServiceClientConfiguration serviceClientConfiguration() {
    return dynamoDb().serviceClientConfiguration();
  }

  @Override
  public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request) {
    return dynamoDb().batchExecuteStatement(request);
  }

  @Override
  public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
    return dynamoDb().batchGetItem(request);
  }

  @Override
  public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
    return dynamoDb().batchWriteItem(request);
  }

  @Override
  public CreateBackupResponse createBackup(CreateBackupRequest request) {
    return dynamoDb().createBackup(request);
  }

  @Override
  public CreateGlobalTableResponse createGlobalTable(CreateGlobalTableRequest request) {
    return dynamoDb().createGlobalTable(request);
  }

  @Override
  public CreateTableResponse createTable(CreateTableRequest request) {
    return dynamoDb().createTable(request);
  }

  @Override
  public DeleteBackupResponse deleteBackup(DeleteBackupRequest request) {
    return dynamoDb().deleteBackup(request);
  }

  @Override
  public DeleteItemResponse deleteItem(DeleteItemRequest request) {
    return dynamoDb().deleteItem(request);
  }

  @Override
  public DeleteResourcePolicyResponse deleteResourcePolicy(DeleteResourcePolicyRequest request) {
    return dynamoDb().deleteResourcePolicy(request);
  }

  @Override
  public DeleteTableResponse deleteTable(DeleteTableRequest request) {
    return dynamoDb().deleteTable(request);
  }

  @Override
  public DescribeBackupResponse describeBackup(DescribeBackupRequest request) {
    return dynamoDb().describeBackup(request);
  }

  @Override
  public DescribeContinuousBackupsResponse describeContinuousBackups(DescribeContinuousBackupsRequest request) {
    return dynamoDb().describeContinuousBackups(request);
  }

  @Override
  public DescribeContributorInsightsResponse describeContributorInsights(DescribeContributorInsightsRequest request) {
    return dynamoDb().describeContributorInsights(request);
  }

  @Override
  public DescribeEndpointsResponse describeEndpoints(DescribeEndpointsRequest request) {
    return dynamoDb().describeEndpoints(request);
  }

  @Override
  public DescribeExportResponse describeExport(DescribeExportRequest request) {
    return dynamoDb().describeExport(request);
  }

  @Override
  public DescribeGlobalTableResponse describeGlobalTable(DescribeGlobalTableRequest request) {
    return dynamoDb().describeGlobalTable(request);
  }

  @Override
  public DescribeGlobalTableSettingsResponse describeGlobalTableSettings(DescribeGlobalTableSettingsRequest request) {
    return dynamoDb().describeGlobalTableSettings(request);
  }

  @Override
  public DescribeImportResponse describeImport(DescribeImportRequest request) {
    return dynamoDb().describeImport(request);
  }

  @Override
  public DescribeKinesisStreamingDestinationResponse describeKinesisStreamingDestination(DescribeKinesisStreamingDestinationRequest request) {
    return dynamoDb().describeKinesisStreamingDestination(request);
  }

  @Override
  public DescribeLimitsResponse describeLimits(DescribeLimitsRequest request) {
    return dynamoDb().describeLimits(request);
  }

  @Override
  public DescribeTableResponse describeTable(DescribeTableRequest request) {
    return dynamoDb().describeTable(request);
  }

  @Override
  public DescribeTableReplicaAutoScalingResponse describeTableReplicaAutoScaling(DescribeTableReplicaAutoScalingRequest request) {
    return dynamoDb().describeTableReplicaAutoScaling(request);
  }

  @Override
  public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request) {
    return dynamoDb().describeTimeToLive(request);
  }

  @Override
  public DisableKinesisStreamingDestinationResponse disableKinesisStreamingDestination(DisableKinesisStreamingDestinationRequest request) {
    return dynamoDb().disableKinesisStreamingDestination(request);
  }

  @Override
  public EnableKinesisStreamingDestinationResponse enableKinesisStreamingDestination(EnableKinesisStreamingDestinationRequest request) {
    return dynamoDb().enableKinesisStreamingDestination(request);
  }

  @Override
  public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
    return dynamoDb().executeStatement(request);
  }

  @Override
  public ExecuteTransactionResponse executeTransaction(ExecuteTransactionRequest request) {
    return dynamoDb().executeTransaction(request);
  }

  @Override
  public ExportTableToPointInTimeResponse exportTableToPointInTime(ExportTableToPointInTimeRequest request) {
    return dynamoDb().exportTableToPointInTime(request);
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    return dynamoDb().getItem(request);
  }

  @Override
  public GetResourcePolicyResponse getResourcePolicy(GetResourcePolicyRequest request) {
    return dynamoDb().getResourcePolicy(request);
  }

  @Override
  public ImportTableResponse importTable(ImportTableRequest request) {
    return dynamoDb().importTable(request);
  }

  @Override
  public ListBackupsResponse listBackups(ListBackupsRequest request) {
    return dynamoDb().listBackups(request);
  }

  @Override
  public ListContributorInsightsResponse listContributorInsights(ListContributorInsightsRequest request) {
    return dynamoDb().listContributorInsights(request);
  }

  @Override
  public ListExportsResponse listExports(ListExportsRequest request) {
    return dynamoDb().listExports(request);
  }

  @Override
  public ListGlobalTablesResponse listGlobalTables(ListGlobalTablesRequest request) {
    return dynamoDb().listGlobalTables(request);
  }

  @Override
  public ListImportsResponse listImports(ListImportsRequest request) {
    return dynamoDb().listImports(request);
  }

  @Override
  public ListTablesResponse listTables(ListTablesRequest request) {
    return dynamoDb().listTables(request);
  }

  @Override
  public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest request) {
    return dynamoDb().listTagsOfResource(request);
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    return dynamoDb().putItem(request);
  }

  @Override
  public PutResourcePolicyResponse putResourcePolicy(PutResourcePolicyRequest request) {
    return dynamoDb().putResourcePolicy(request);
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    return dynamoDb().query(request);
  }

  @Override
  public RestoreTableFromBackupResponse restoreTableFromBackup(RestoreTableFromBackupRequest request) {
    return dynamoDb().restoreTableFromBackup(request);
  }

  @Override
  public RestoreTableToPointInTimeResponse restoreTableToPointInTime(RestoreTableToPointInTimeRequest request) {
    return dynamoDb().restoreTableToPointInTime(request);
  }

  @Override
  public ScanResponse scan(ScanRequest request) {
    return dynamoDb().scan(request);
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    return dynamoDb().tagResource(request);
  }

  @Override
  public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
    return dynamoDb().transactGetItems(request);
  }

  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
    return dynamoDb().transactWriteItems(request);
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest request) {
    return dynamoDb().untagResource(request);
  }

  @Override
  public UpdateContinuousBackupsResponse updateContinuousBackups(UpdateContinuousBackupsRequest request) {
    return dynamoDb().updateContinuousBackups(request);
  }

  @Override
  public UpdateContributorInsightsResponse updateContributorInsights(UpdateContributorInsightsRequest request) {
    return dynamoDb().updateContributorInsights(request);
  }

  @Override
  public UpdateGlobalTableResponse updateGlobalTable(UpdateGlobalTableRequest request) {
    return dynamoDb().updateGlobalTable(request);
  }

  @Override
  public UpdateGlobalTableSettingsResponse updateGlobalTableSettings(UpdateGlobalTableSettingsRequest request) {
    return dynamoDb().updateGlobalTableSettings(request);
  }

  @Override
  public UpdateItemResponse updateItem(UpdateItemRequest request) {
    return dynamoDb().updateItem(request);
  }

  @Override
  public UpdateKinesisStreamingDestinationResponse updateKinesisStreamingDestination(UpdateKinesisStreamingDestinationRequest request) {
    return dynamoDb().updateKinesisStreamingDestination(request);
  }

  @Override
  public UpdateTableResponse updateTable(UpdateTableRequest request) {
    return dynamoDb().updateTable(request);
  }

  @Override
  public UpdateTableReplicaAutoScalingResponse updateTableReplicaAutoScaling(UpdateTableReplicaAutoScalingRequest request) {
    return dynamoDb().updateTableReplicaAutoScaling(request);
  }

  @Override
  public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request) {
    return dynamoDb().updateTimeToLive(request);
  }
}
