package dev.ddbkit.core.observation;

import dev.ddbkit.core.error.Require;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Micrometer Observation for ddbkit: every DynamoDB call as an observation ({@value
 * DefaultDynamoDbCallConvention#NAME}, OpenTelemetry's database conventions for DynamoDB), each a child of the
 * ddbkit operation ({@value DdbkitOperationConvention#NAME}) that made it. Any tracer bridge or meter handler
 * registered on the {@link ObservationRegistry} receives them; with none, nothing is recorded.
 *
 * <pre>{@code
 * ClientSettings settings = ClientSettings.builder()
 *     .addInterceptor(DdbkitObservations.interceptor(observationRegistry))
 *     .build();
 * List<Order> page = DdbkitObservations.observe(observationRegistry, "orders.byStatus", "orders-production",
 *     () -> repository.byStatus(OrderStatus.PENDING));   // the Query calls become its children
 * }</pre>
 */
public final class DdbkitObservations {
  private DdbkitObservations() {}

  /** An SDK interceptor observing every call of the client it is added to, with the default convention. */
  public static ExecutionInterceptor interceptor(ObservationRegistry registry) {
    return interceptor(registry, DefaultDynamoDbCallConvention.INSTANCE);
  }

  /** An SDK interceptor observing every call, named and tagged by {@code convention}. */
  public static ExecutionInterceptor interceptor(ObservationRegistry registry, DynamoDbCallConvention convention) {
    return new ObservationInterceptor(Require.nonNull(registry, "registry"), Require.nonNull(convention, "convention"));
  }

  /**
   * Runs {@code work} as the observed ddbkit operation {@code operation} on {@code table}; DynamoDB calls it
   * makes on the calling thread become its children. An exception is recorded and rethrown.
   */
  public static <T> T observe(ObservationRegistry registry, String operation, String table, Supplier<T> work) {
    Require.nonNull(work, "work");
    return observe(registry, operation, table, ctx -> work.get());
  }

  /**
   * Like {@link #observe(ObservationRegistry, String, String, Supplier)}, with the context, so {@code work} can
   * set its {@link DdbkitOperationContext#outcome(dev.ddbkit.core.metrics.OperationOutcome) outcome}.
   *
   * <pre>{@code
   * TransferResult r = DdbkitObservations.observe(registry, "transactions.transfer", "accounts", ctx -> {
   *   TransferResult result = doTransfer();
   *   ctx.outcome(result.replayed() ? OperationOutcome.REPLAY : OperationOutcome.SUCCESS);
   *   return result;
   * });
   * }</pre>
   */
  public static <T> T observe(ObservationRegistry registry, String operation, String table,
      Function<DdbkitOperationContext, T> work) {
    Require.nonNull(registry, "registry");
    Require.nonBlank(operation, "operation");
    Require.nonBlank(table, "table");
    Require.nonNull(work, "work");
    DdbkitOperationContext ctx = new DdbkitOperationContext(operation, table);
    Observation observation = Observation.createNotStarted(null, DdbkitOperationConvention.INSTANCE, () -> ctx,
        registry);
    return observation.observe(() -> work.apply(ctx));
  }
}
