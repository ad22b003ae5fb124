/**
 * Tracing with Micrometer Observation: {@link dev.ddbkit.core.observation.DdbkitObservations#interceptor} makes
 * every DynamoDB call an observation named and tagged after OpenTelemetry's database semantic conventions for
 * DynamoDB, a child of the ddbkit operation ({@link dev.ddbkit.core.observation.DdbkitObservations#observe})
 * that made it. {@code io.micrometer:micrometer-observation} is an optional dependency; nothing here is needed
 * to use ddbkit, and no tracer is required.
 */
@NullMarked
package dev.ddbkit.core.observation;

import org.jspecify.annotations.NullMarked;
