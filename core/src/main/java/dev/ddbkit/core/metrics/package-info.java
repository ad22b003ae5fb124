/**
 * Metrics: {@link dev.ddbkit.core.metrics.MetricsHook} (no dependency), fed once per DynamoDB call by the SDK's
 * own {@code MetricPublisher} when set with {@code ClientSettings.Builder.metrics(hook)}; the Micrometer binder
 * {@link dev.ddbkit.core.metrics.DdbkitMeterBinder} (Micrometer is an optional dependency); the outcome
 * vocabularies {@link dev.ddbkit.core.metrics.Outcome} (one DynamoDB call) and
 * {@link dev.ddbkit.core.metrics.OperationOutcome} (one ddbkit operation); ddbkit's own retries report to the
 * hook given to {@code DdbkitRetry.of(name, settings, hook)}. Tags are bounded: operation,
 * table, index, outcome, source, reason and capacity type; never keys or item values.
 */
@NullMarked
package dev.ddbkit.core.metrics;

import org.jspecify.annotations.NullMarked;
