/**
 * A drop-in {@link software.amazon.awssdk.services.dynamodb.DynamoDbClient} that reads and writes through a
 * DAX cluster when one is configured and reachable, and through DynamoDB otherwise: {@link
 * dev.ddbkit.dax.DaxAwareClient}. Its circuit breaker, routing counts and {@link dev.ddbkit.dax.DaxHealth}
 * make DAX outages visible without making them user-visible.
 */
@NullMarked
package dev.ddbkit.dax;

import org.jspecify.annotations.NullMarked;
