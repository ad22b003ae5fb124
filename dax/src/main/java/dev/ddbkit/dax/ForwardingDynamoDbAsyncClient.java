package dev.ddbkit.dax;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.*;

/**
 * Not API: the superclass of {@link DaxAwareAsyncClient}, package-private so that no public signature names it.
 *
 * <p>A {@link DynamoDbAsyncClient} that sends every request-object operation to {@link #dynamoDb()}.
 * Subclasses override the operations they route elsewhere; consumer-builder overloads, paginators and
 * waiters keep the interface's defaults, which call back into {@code this}.
 */
abstract class ForwardingDynamoDbAsyncClient implements DynamoDbAsyncClient {

  /** The client that serves every operation this class does not override. */
  protected abstract DynamoDbAsyncClient dynamoDb();

  @Override
  public String serviceName() {
    return dynamoDb().serviceName();
  }

  @Override
  public DynamoDbServiceClientConfiguration serviceClientConfiguration() {
    return dynamoDb().serviceClientConfiguration();
  }

  @Override
  public CompletableFuture<BatchExecuteStatementResponse> batchExecuteStatement(BatchExecuteStatementRequest request) {
    return dynamoDb().batchExecuteStatement(request);
  }

  @Override
  public CompletableFuture<BatchGetItemResponse> batchGetItem(BatchGetItemRequest request) {
    return dynamoDb().batchGetItem(request);
  }

  @Override
  public CompletableFuture<BatchWriteItemResponse> batchWriteItem(BatchWriteItemRequest request) {
    return dynamoDb().batchWriteItem(request);
  }

  @Override
  public CompletableFuture<CreateBackupResponse> createBackup(CreateBackupRequest request) {
    return dynamoDb().createBackup(request);
  }

  @Override
  public CompletableFuture<CreateGlobalTableResponse> createGlobalTable(CreateGlobalTableRequest request) {
    return dynamoDb().createGlobalTable(request);
  }

  @Override
  public CompletableFuture<CreateTableResponse> createTable(CreateTableRequest request) {
    return dynamoDb().createTable(request);
  }

  @Override
  public CompletableFuture<DeleteBackupResponse> deleteBackup(DeleteBackupRequest request) {
    return dynamoDb().deleteBackup(request);
  }

  @Override
  public CompletableFuture<DeleteItemResponse> deleteItem(DeleteItemRequest request) {
    return dynamoDb().deleteItem(request);
  }

  @Override
  public CompletableFuture<DeleteResourcePolicyResponse> deleteResourcePolicy(DeleteResourcePolicyRequest request) {
    return dynamoDb().deleteResourcePolicy(request);
  }

  @Override
  public CompletableFuture<DeleteTableResponse> deleteTable(DeleteTableRequest request) {
    return dynamoDb().deleteTable(request);
  }

  @Override
  public CompletableFuture<DescribeBackupResponse> describeBackup(DescribeBackupRequest request) {
    return dynamoDb().describeBackup(request);
  }

  @Override
  public CompletableFuture<DescribeContinuousBackupsResponse> describeContinuousBackups(DescribeContinuousBackupsRequest request) {
    return dynamoDb().describeContinuousBackups(request);
  }

  @Override
  public CompletableFuture<DescribeContributorInsightsResponse> describeContributorInsights(DescribeContributorInsightsRequest request) {
    return dynamoDb().describeContributorInsights(request);
  }

  @Override
  public CompletableFuture<DescribeEndpointsResponse> describeEndpoints(DescribeEndpointsRequest request) {
    return dynamoDb().describeEndpoints(request);
  }

  @Override
  public CompletableFuture<DescribeExportResponse> describeExport(DescribeExportRequest request) {
    return dynamoDb().describeExport(request);
  }

  @Override
  public CompletableFuture<DescribeGlobalTableResponse> describeGlobalTable(DescribeGlobalTableRequest request) {
    return dynamoDb().describeGlobalTable(request);
  }

  @Override
  public CompletableFuture<DescribeGlobalTableSettingsResponse> describeGlobalTableSettings(DescribeGlobalTableSettingsRequest request) {
    return dynamoDb().describeGlobalTableSettings(request);
  }

  @Override
  public CompletableFuture<DescribeImportResponse> describeImport(DescribeImportRequest request) {
    return dynamoDb().describeImport(request);
  }

  @Override
  public CompletableFuture<DescribeKinesisStreamingDestinationResponse> describeKinesisStreamingDestination(DescribeKinesisStreamingDestinationRequest request) {
    return dynamoDb().describeKinesisStreamingDestination(request);
  }

  @Override
  public CompletableFuture<DescribeLimitsResponse> describeLimits(DescribeLimitsRequest request) {
    return dynamoDb().describeLimits(request);
  }

  @Override
  public CompletableFuture<DescribeTableResponse> describeTable(DescribeTableRequest request) {
    return dynamoDb().describeTable(request);
  }

  @Override
  public CompletableFuture<DescribeTableReplicaAutoScalingResponse> describeTableReplicaAutoScaling(DescribeTableReplicaAutoScalingRequest request) {
    return dynamoDb().describeTableReplicaAutoScaling(request);
  }

  @Override
  public CompletableFuture<DescribeTimeToLiveResponse> describeTimeToLive(DescribeTimeToLiveRequest request) {
    return dynamoDb().describeTimeToLive(request);
  }

  @Override
  public CompletableFuture<DisableKinesisStreamingDestinationResponse> disableKinesisStreamingDestination(DisableKinesisStreamingDestinationRequest request) {
    return dynamoDb().disableKinesisStreamingDestination(request);
  }

  @Override
  public CompletableFuture<EnableKinesisStreamingDestinationResponse> enableKinesisStreamingDestination(EnableKinesisStreamingDestinationRequest request) {
    return dynamoDb().enableKinesisStreamingDestination(request);
  }

  @Override
  public CompletableFuture<ExecuteStatementResponse> executeStatement(ExecuteStatementRequest request) {
    return dynamoDb().executeStatement(request);
  }

  @Override
  public CompletableFuture<ExecuteTransactionResponse> executeTransaction(ExecuteTransactionRequest request) {
    return dynamoDb().executeTransaction(request);
  }

  @Override
  public CompletableFuture<ExportTableToPointInTimeResponse> exportTableToPointInTime(ExportTableToPointInTimeRequest request) {
    return dynamoDb().exportTableToPointInTime(request);
  }

  @Override
  public CompletableFuture<GetItemResponse> getItem(GetItemRequest request) {
    return dynamoDb().getItem(request);
  }

  @Override
  public CompletableFuture<GetResourcePolicyResponse> getResourcePolicy(GetResourcePolicyRequest request) {
    return dynamoDb().getResourcePolicy(request);
  }

  @Override
  public CompletableFuture<ImportTableResponse> importTable(ImportTableRequest request) {
    return dynamoDb().importTable(request);
  }

  @Override
  public CompletableFuture<ListBackupsResponse> listBackups(ListBackupsRequest request) {
    return dynamoDb().listBackups(request);
  }

  @Override
  public CompletableFuture<ListContributorInsightsResponse> listContributorInsights(ListContributorInsightsRequest request) {
    return dynamoDb().listContributorInsights(request);
  }

  @Override
  public CompletableFuture<ListExportsResponse> listExports(ListExportsRequest request) {
    return dynamoDb().listExports(request);
  }

  @Override
  public CompletableFuture<ListGlobalTablesResponse> listGlobalTables(ListGlobalTablesRequest request) {
    return dynamoDb().listGlobalTables(request);
  }

  @Override
  public CompletableFuture<ListImportsResponse> listImports(ListImportsRequest request) {
    return dynamoDb().listImports(request);
  }

  @Override
  public CompletableFuture<ListTablesResponse> listTables(ListTablesRequest request) {
    return dynamoDb().listTables(request);
  }

  @Override
  public CompletableFuture<ListTagsOfResourceResponse> listTagsOfResource(ListTagsOfResourceRequest request) {
    return dynamoDb().listTagsOfResource(request);
  }

  @Override
  public CompletableFuture<PutItemResponse> putItem(PutItemRequest request) {
    return dynamoDb().putItem(request);
  }

  @Override
  public CompletableFuture<PutResourcePolicyResponse> putResourcePolicy(PutResourcePolicyRequest request) {
    return dynamoDb().putResourcePolicy(request);
  }

  @Override
  public CompletableFuture<QueryResponse> query(QueryRequest request) {
    return dynamoDb().query(request);
  }

  @Override
  public CompletableFuture<RestoreTableFromBackupResponse> restoreTableFromBackup(RestoreTableFromBackupRequest request) {
    return dynamoDb().restoreTableFromBackup(request);
  }

  @Override
  public CompletableFuture<RestoreTableToPointInTimeResponse> restoreTableToPointInTime(RestoreTableToPointInTimeRequest request) {
    return dynamoDb().restoreTableToPointInTime(request);
  }

  @Override
  public CompletableFuture<ScanResponse> scan(ScanRequest request) {
    return dynamoDb().scan(request);
  }

  @Override
  public CompletableFuture<TagResourceResponse> tagResource(TagResourceRequest request) {
    return dynamoDb().tagResource(request);
  }

  @Override
  public CompletableFuture<TransactGetItemsResponse> transactGetItems(TransactGetItemsRequest request) {
    return dynamoDb().transactGetItems(request);
  }

  @Override
  public CompletableFuture<TransactWriteItemsResponse> transactWriteItems(TransactWriteItemsRequest request) {
    return dynamoDb().transactWriteItems(request);
  }

  @Override
  public CompletableFuture<UntagResourceResponse> untagResource(UntagResourceRequest request) {
    return dynamoDb().untagResource(request);
  }

  @Override
  public CompletableFuture<UpdateContinuousBackupsResponse> updateContinuousBackups(UpdateContinuousBackupsRequest request) {
    return dynamoDb().updateContinuousBackups(request);
  }

  @Override
  public CompletableFuture<UpdateContributorInsightsResponse> updateContributorInsights(UpdateContributorInsightsRequest request) {
    return dynamoDb().updateContributorInsights(request);
  }

  @Override
  public CompletableFuture<UpdateGlobalTableResponse> updateGlobalTable(UpdateGlobalTableRequest request) {
    return dynamoDb().updateGlobalTable(request);
  }

  @Override
  public CompletableFuture<UpdateGlobalTableSettingsResponse> updateGlobalTableSettings(UpdateGlobalTableSettingsRequest request) {
    return dynamoDb().updateGlobalTableSettings(request);
  }

  @Override
  public CompletableFuture<UpdateItemResponse> updateItem(UpdateItemRequest request) {
    return dynamoDb().updateItem(request);
  }

  @Override
  public CompletableFuture<UpdateKinesisStreamingDestinationResponse> updateKinesisStreamingDestination(UpdateKinesisStreamingDestinationRequest request) {
    return dynamoDb().updateKinesisStreamingDestination(request);
  }

  @Override
  public CompletableFuture<UpdateTableResponse> updateTable(UpdateTableRequest request) {
    return dynamoDb().updateTable(request);
  }

  @Override
  public CompletableFuture<UpdateTableReplicaAutoScalingResponse> updateTableReplicaAutoScaling(UpdateTableReplicaAutoScalingRequest request) {
    return dynamoDb().updateTableReplicaAutoScaling(request);
  }

  @Override
  public CompletableFuture<UpdateTimeToLiveResponse> updateTimeToLive(UpdateTimeToLiveRequest request) {
    return dynamoDb().updateTimeToLive(request);
  }
}
