/**
 * Retries for work the AWS SDK does not retry itself, built on resilience4j-retry with full-jitter
 * exponential backoff ({@link dev.ddbkit.core.retry.Backoff}) and an injectable
 * {@link dev.ddbkit.core.retry.Sleeper}.
 */
@NullMarked
package dev.ddbkit.core.retry;

import org.jspecify.annotations.NullMarked;
