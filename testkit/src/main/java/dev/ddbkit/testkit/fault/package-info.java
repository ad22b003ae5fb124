/**
 * Fault injection for tests against DynamoDB Local: {@link dev.ddbkit.testkit.fault.FaultProxy}, an HTTP proxy
 * on loopback that answers a chosen share of requests with the errors, partial results, latency and broken
 * connections that production brings, and {@link dev.ddbkit.testkit.fault.HotPartitionSimulator}, which
 * throttles a partition key the way DynamoDB's per-partition limits do.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.builder()
 *     .target(local.endpoint())
 *     .seed(42)
 *     .rule(FaultRule.forOperation("PutItem").table("orders").throttle(0.10))
 *     .start()) {
 *   DynamoDbClient client = clients(proxy.endpoint());
 *   ...
 *   assertThat(proxy.counters().injected(FaultKind.PROVISIONED_THROUGHPUT_EXCEEDED)).isPositive();
 * }
 * }</pre>
 */
@NullMarked
package dev.ddbkit.testkit.fault;

import org.jspecify.annotations.NullMarked;
