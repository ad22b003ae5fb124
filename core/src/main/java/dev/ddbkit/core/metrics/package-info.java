/**
 * Metrics hooks: {@link dev.ddbkit.core.metrics.MetricsHook} (no dependency), the SDK interceptor that feeds
 * it ({@link dev.ddbkit.core.metrics.MetricsInterceptor}, installed by
 * {@code ClientSettings.Builder.metrics(hook)}), a Micrometer adapter
 * ({@link dev.ddbkit.core.metrics.MicrometerMetrics}; Micrometer is an optional dependency); ddbkit's own
 * retries report to the hook given to {@code DdbkitRetry.of(name, settings, hook)}. Tags are bounded: operation,
 * table, index, outcome, source and capacity type; never keys or item values.
 */
@NullMarked
package dev.ddbkit.core.metrics;

import org.jspecify.annotations.NullMarked;
