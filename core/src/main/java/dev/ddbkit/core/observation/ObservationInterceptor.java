package dev.ddbkit.core.observation;

import dev.ddbkit.core.metrics.MetricsHook;
import dev.ddbkit.core.metrics.internal.CallDetails;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Starts an observation when the SDK starts a call (on the caller's thread, so the caller's current observation
 * becomes its parent) and stops it when the call ends, after the last attempt.
 */
final class ObservationInterceptor implements ExecutionInterceptor {
  private static final Logger log = LoggerFactory.getLogger(ObservationInterceptor.class);
  private static final ExecutionAttribute<Observation> OBSERVATION = new ExecutionAttribute<>("ddbkit.observation");
  private static final ExecutionAttribute<DynamoDbCallContext> CONTEXT =
      new ExecutionAttribute<>("ddbkit.observation.context");

  private final ObservationRegistry registry;
  private final DynamoDbCallConvention convention;

  ObservationInterceptor(ObservationRegistry registry, DynamoDbCallConvention convention) {
    this.registry = registry;
    this.convention = convention;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (registry.isNoop()) {
      return;
    }
    try {
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      String table = CallDetails.tableOf(context.request());
      List<String> tables = MetricsHook.UNKNOWN_TABLE.equals(table) ? List.of() : List.of(table);
      if (MetricsHook.MULTIPLE_TABLES.equals(table)) {
        tables = CallDetails.tablesOf(context.request());
      }
      DynamoDbCallContext ctx = new DynamoDbCallContext(operation == null ? "Unknown" : operation, tables,
          context.request());
      Observation observation = Observation.createNotStarted(convention, DefaultDynamoDbCallConvention.INSTANCE,
          () -> ctx, registry);
      Observation parent = registry.getCurrentObservation();
      if (parent != null) {
        observation.parentObservation(parent);
      }
      attributes.putAttribute(CONTEXT, ctx);
      attributes.putAttribute(OBSERVATION, observation.start());
    } catch (RuntimeException e) {
      log.debug("Could not start the observation of a DynamoDB call", e);
    }
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    DynamoDbCallContext ctx = attributes.getAttribute(CONTEXT);
    if (ctx != null) {
      ctx.requestId(context.httpResponse().firstMatchingHeader("x-amzn-RequestId").orElse(null));
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    Observation observation = attributes.getAttribute(OBSERVATION);
    DynamoDbCallContext ctx = attributes.getAttribute(CONTEXT);
    if (observation == null || ctx == null) {
      return;
    }
    ctx.response(context.response());
    stop(observation);
  }

  /** Stops {@code observation}; a failing convention or handler is logged and never fails the DynamoDB call. */
  private static void stop(Observation observation) {
    try {
      observation.stop();
    } catch (RuntimeException e) {
      log.warn("An observation handler or convention failed; the DynamoDB call is not affected", e);
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    Observation observation = attributes.getAttribute(OBSERVATION);
    if (observation == null) {
      return;
    }
    context.response().ifPresent(r -> {
      DynamoDbCallContext ctx = attributes.getAttribute(CONTEXT);
      if (ctx != null) {
        ctx.response(r);
      }
    });
    try {
      observation.error(context.exception());
    } catch (RuntimeException e) {
      log.warn("An observation handler failed; the DynamoDB call is not affected", e);
    }
    stop(observation);
  }
}
