/**
 * Drop-in DynamoDB clients that read and write through a DAX cluster when one is configured and reachable,
 * and through DynamoDB otherwise: {@link dev.ddbkit.dax.DaxAwareClient} and
 * {@link dev.ddbkit.dax.DaxAwareAsyncClient}. Their circuit breaker, routing counts ({@link
 * dev.ddbkit.dax.DaxListener}, {@link dev.ddbkit.dax.DaxMicrometerMetrics}) and {@link
 * dev.ddbkit.dax.DaxHealth} make DAX outages visible to operators without making them visible to users.
 */
@NullMarked
package dev.ddbkit.dax;

import org.jspecify.annotations.NullMarked;
