package dev.ddbkit.core.metrics.internal;

import software.amazon.awssdk.metrics.MetricCategory;
import software.amazon.awssdk.metrics.MetricLevel;
import software.amazon.awssdk.metrics.SdkMetric;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * What the SDK's metric collection lacks, reported into it by {@link CallMetricsInterceptor} so that one
 * {@code MetricCollection} per call carries everything {@link HookMetricPublisher} needs.
 */
public final class DdbkitSdkMetrics {
  /** The table tag of the call. */
  public static final SdkMetric<String> TABLE =
      SdkMetric.create("ddbkit.Table", String.class, MetricLevel.INFO, MetricCategory.CUSTOM);
  /** One {@code ConsumedCapacity} entry of the response. */
  public static final SdkMetric<ConsumedCapacity> CONSUMED_CAPACITY =
      SdkMetric.create("ddbkit.ConsumedCapacity", ConsumedCapacity.class, MetricLevel.INFO, MetricCategory.CUSTOM);
  /** Whether capacity without a read/write split counts as read. */
  public static final SdkMetric<Boolean> READ_OPERATION =
      SdkMetric.create("ddbkit.ReadOperation", Boolean.class, MetricLevel.INFO, MetricCategory.CUSTOM);
  /** Items a read returned. */
  public static final SdkMetric<Long> ITEMS_RETURNED =
      SdkMetric.create("ddbkit.ItemsReturned", Long.class, MetricLevel.INFO, MetricCategory.CUSTOM);
  /** Unprocessed items or keys of a batch call. */
  public static final SdkMetric<Long> UNPROCESSED_ITEMS =
      SdkMetric.create("ddbkit.UnprocessedItems", Long.class, MetricLevel.INFO, MetricCategory.CUSTOM);
  /** The {@code Outcome} name of the call. */
  public static final SdkMetric<String> OUTCOME =
      SdkMetric.create("ddbkit.Outcome", String.class, MetricLevel.INFO, MetricCategory.CUSTOM);
  /** The throttling reason tag of an attempt, or of the last attempt when only the final error says it. */
  public static final SdkMetric<String> THROTTLING_REASON =
      SdkMetric.create("ddbkit.ThrottlingReason", String.class, MetricLevel.INFO, MetricCategory.CUSTOM);
  /** A transaction was cancelled because one of its items was throttled. */
  public static final SdkMetric<Boolean> ITEM_THROTTLED =
      SdkMetric.create("ddbkit.ItemThrottled", Boolean.class, MetricLevel.INFO, MetricCategory.CUSTOM);

  private DdbkitSdkMetrics() {}
}
