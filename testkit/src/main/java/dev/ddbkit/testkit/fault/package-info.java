/**
 * Fault injection for tests against a local backend (ddbkit's emulator or DynamoDB Local), which on its own never
 * throttles, never conflicts and never fails.
 *
 * <ul>
 *   <li>{@link dev.ddbkit.testkit.fault.FaultProxy}: an HTTP proxy on loopback in front of the backend.
 *       {@link dev.ddbkit.testkit.fault.FaultRule}s choose, by operation and table, a share of requests to
 *       answer with a {@link dev.ddbkit.testkit.fault.Fault}: {@code ProvisionedThroughputExceededException},
 *       {@code ThrottlingException}, 500, 503 or any error in DynamoDB's exact wire format; transaction
 *       conflicts; partial {@code BatchWriteItem}/{@code BatchGetItem} results; added latency; dropped
 *       connections and held responses, before or after the request reached DynamoDB.
 *   <li>{@link dev.ddbkit.testkit.fault.HotPartitionSimulator}: DynamoDB's per-partition throughput limits,
 *       with capacity units computed as DynamoDB computes them.
 *   <li>{@link dev.ddbkit.testkit.fault.FaultCounters}: what the proxy received, forwarded and injected, per
 *       operation and fault kind, to compare with what clients saw.
 * </ul>
 *
 * <pre>{@code
 * @DynamoDbLocalTest
 * class CheckoutResilienceIT {
 *   @Test
 *   void checkout_underThrottling_writesEachOrderOnce(DynamoDbLocal local, TestTables tables) {
 *     String orders = tables.ensure(SeedTables.orders()).name();
 *     try (FaultProxy proxy = FaultProxy.builder()
 *         .target(local.endpoint())
 *         .seed(42)
 *         .rule(FaultRule.forOperation("PutItem").table(orders).throttle(0.10))
 *         .rule(FaultRule.forAnyOperation().latency(Duration.ofMillis(5)))
 *         .start();
 *         DynamoDbClient client = DdbkitClients.newSyncClient(
 *             local.clientSettings().toBuilder().endpointOverride(proxy.endpoint()).build())) {
 *       // ... exercise the service with `client`, then check the table directly
 *       assertThat(proxy.counters().injected(FaultKind.PROVISIONED_THROUGHPUT_EXCEEDED)).isPositive();
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Guarantees: an injected error or a fault "before forwarding" never reaches DynamoDB; items and keys
 * returned unprocessed are never forwarded; responses the proxy rewrites are sent uncompressed with a
 * recomputed {@code x-amz-crc32}, others are relayed byte for byte; decisions are deterministic under the seed
 * (per rule, the n-th matching request); closing the proxy releases its port and threads. Caveats: requests are
 * matched by the {@code X-Amz-Target} header of DynamoDB's JSON protocol (API 2012-08-10), so PartiQL
 * statements match by operation but name no table; the proxy does not re-sign rewritten requests (DynamoDB
 * Local does not check signatures; real DynamoDB would reject them).
 */
@NullMarked
package dev.ddbkit.testkit.fault;

import org.jspecify.annotations.NullMarked;
