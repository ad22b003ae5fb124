package dev.ddbkit.core.metrics;

import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.error.TransactionCanceledException;
import dev.ddbkit.core.metrics.MetricsHook.CapacityType;
import dev.ddbkit.core.metrics.MetricsHook.RetrySource;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * An SDK {@link ExecutionInterceptor} that feeds a {@link MetricsHook}: one {@code operationCompleted} per
 * call (whole duration, attempts, outcome), one {@code retried(SDK)} per SDK retry, one {@code throttled} per
 * throttled attempt, and the capacity each call consumed per table and index.
 *
 * <p><b>Consumed capacity.</b> Unless built with {@code requestConsumedCapacity(false)}, the interceptor sets
 * {@code ReturnConsumedCapacity=INDEXES} on every data-plane request that did not set it, so capacity can be
 * reported per table and per index; responses then carry {@code ConsumedCapacity}. A request that set
 * {@code TOTAL} or {@code NONE} itself is left alone (with {@code TOTAL} the table figure includes its indexes).
 *
 * <p><b>Throttles.</b> The SDK retries an HTTP 400/429 answer only for throttling (and, rarely, clock skew),
 * so an attempt that answered 400/429 and was followed by another attempt counts as throttled; a call whose
 * final failure is a throttling error, or a transaction cancelled because an item was throttled, counts once
 * more for its last attempt.
 *
 * <pre>{@code
 * ClientSettings settings = ClientSettings.builder()
 *     .addInterceptor(MetricsInterceptor.builder(hook).requestConsumedCapacity(false).build())
 *     .build();
 * }</pre>
 * Most users call {@code ClientSettings.builder().metrics(hook)} instead, which installs this interceptor.
 *
 * @deprecated use {@code ClientSettings.Builder.metrics(hook)}, which measures through the SDK's
 *     {@code MetricPublisher}; adding this interceptor as well counts every call twice. Removed in a later phase.
 */
@Deprecated(since = "0.1.0")
public final class MetricsInterceptor implements ExecutionInterceptor {
  private static final Logger log = LoggerFactory.getLogger(MetricsInterceptor.class);
  private static final ExecutionAttribute<CallState> STATE = new ExecutionAttribute<>("ddbkit.metrics.call");
  private static final Set<String> READ_OPERATIONS =
      Set.of("GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems");

  private final MetricsHook hook;
  private final boolean requestConsumedCapacity;

  private MetricsInterceptor(Builder b) {
    this.hook = b.hook;
    this.requestConsumedCapacity = b.requestConsumedCapacity;
  }

  /** An interceptor feeding {@code hook} that asks for consumed capacity per index. */
  public static MetricsInterceptor of(MetricsHook hook) {
    return builder(hook).build();
  }

  /** A builder for an interceptor feeding {@code hook}. */
  public static Builder builder(MetricsHook hook) {
    return new Builder(Require.nonNull(hook, "hook"));
  }

  /** The hook this interceptor feeds. */
  public MetricsHook hook() {
    return hook;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    String table;
    try {
      table = tableOf(context.request());
    } catch (RuntimeException e) {
      log.debug("Could not tell the table of {}", context.request().getClass().getSimpleName(), e);
      table = MetricsHook.UNKNOWN_TABLE;
    }
    attributes.putAttribute(STATE, new CallState(operation == null ? "Unknown" : operation, table));
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (!requestConsumedCapacity) {
      return request;
    }
    try {
      return withIndexesCapacity(request);
    } catch (RuntimeException e) {
      log.debug("Could not ask for consumed capacity on {}", request.getClass().getSimpleName(), e);
      return request;
    }
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    CallState state = attributes.getAttribute(STATE);
    if (state == null) {
      return;
    }
    int attempt = state.attempts.incrementAndGet();
    int previousStatus = state.lastStatus;
    state.lastStatus = 0;
    if (attempt > 1) {
      safely(() -> {
        if (previousStatus == 400 || previousStatus == 429) {
          hook.throttled(state.operation, state.table);
        }
        hook.retried(state.operation, state.table, RetrySource.SDK);
      });
    }
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    CallState state = attributes.getAttribute(STATE);
    if (state != null) {
      state.lastStatus = context.httpResponse().statusCode();
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    CallState state = attributes.getAttribute(STATE);
    if (state == null) {
      return;
    }
    safely(() -> {
      recordCapacity(state, context.request(), context.response());
      hook.operationCompleted(state.operation, state.table, Outcome.SUCCESS, state.elapsed(), state.attemptsMade());
    });
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    CallState state = attributes.getAttribute(STATE);
    if (state == null) {
      return;
    }
    safely(() -> {
      Outcome outcome = Outcome.of(context.exception());
      if (outcome == Outcome.THROTTLED || outcome == Outcome.TRANSACTION_CANCELED && throttledReason(context.exception())) {
        hook.throttled(state.operation, state.table);
      }
      hook.operationCompleted(state.operation, state.table, outcome, state.elapsed(), state.attemptsMade());
    });
  }

  private static boolean throttledReason(Throwable error) {
    return DdbkitErrors.translate(error, null, null) instanceof TransactionCanceledException tce
        && tce.failedReasons().stream().anyMatch(r -> "ThrottlingError".equals(r.code())
            || "ProvisionedThroughputExceeded".equals(r.code()));
  }

  private void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      log.warn("A metrics hook failed; the DynamoDB call is not affected", e);
    }
  }

  private static SdkRequest withIndexesCapacity(SdkRequest request) {
    Optional<SdkField<?>> field = request.sdkFields().stream()
        .filter(f -> "ReturnConsumedCapacity".equals(f.memberName())).findFirst();
    if (field.isEmpty() || request.getValueForField("ReturnConsumedCapacity", Object.class).isPresent()) {
      return request;
    }
    SdkRequest.Builder builder = request.toBuilder();
    field.get().set(builder, ReturnConsumedCapacity.INDEXES.toString());
    return builder.build();
  }

  private void recordCapacity(CallState state, SdkRequest request, SdkResponse response) {
    Object consumed = response.getValueForField("ConsumedCapacity", Object.class).orElse(null);
    CapacityType fallback = fallbackType(state.operation, request);
    if (consumed instanceof ConsumedCapacity cc) {
      record(cc, fallback);
    } else if (consumed instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof ConsumedCapacity cc) {
          record(cc, fallback);
        }
      }
    }
  }

  private void record(ConsumedCapacity cc, CapacityType fallback) {
    String table = cc.tableName() == null ? MetricsHook.UNKNOWN_TABLE : cc.tableName();
    if (cc.table() == null && !cc.hasGlobalSecondaryIndexes() && !cc.hasLocalSecondaryIndexes()) {
      record(table, MetricsHook.NO_INDEX, cc.readCapacityUnits(), cc.writeCapacityUnits(), cc.capacityUnits(), fallback);
      return;
    }
    Capacity own = cc.table();
    if (own != null) {
      record(table, MetricsHook.NO_INDEX, own.readCapacityUnits(), own.writeCapacityUnits(), own.capacityUnits(), fallback);
    }
    for (Map.Entry<String, Capacity> e : cc.globalSecondaryIndexes().entrySet()) {
      Capacity c = e.getValue();
      record(table, e.getKey(), c.readCapacityUnits(), c.writeCapacityUnits(), c.capacityUnits(), fallback);
    }
    for (Map.Entry<String, Capacity> e : cc.localSecondaryIndexes().entrySet()) {
      Capacity c = e.getValue();
      record(table, e.getKey(), c.readCapacityUnits(), c.writeCapacityUnits(), c.capacityUnits(), fallback);
    }
  }

  private void record(String table, String index, @Nullable Double read, @Nullable Double write,
      @Nullable Double total, CapacityType fallback) {
    boolean split = false;
    if (read != null && read > 0) {
      hook.capacityConsumed(table, index, CapacityType.READ, read);
      split = true;
    }
    if (write != null && write > 0) {
      hook.capacityConsumed(table, index, CapacityType.WRITE, write);
      split = true;
    }
    if (!split && read == null && write == null && total != null && total > 0) {
      hook.capacityConsumed(table, index, fallback, total);
    }
  }

  private static CapacityType fallbackType(String operation, SdkRequest request) {
    if (READ_OPERATIONS.contains(operation)) {
      return CapacityType.READ;
    }
    if ("ExecuteStatement".equals(operation)) {
      String statement = request.getValueForField("Statement", String.class).orElse("");
      return statement.stripLeading().toLowerCase(Locale.ROOT).startsWith("select") ? CapacityType.READ : CapacityType.WRITE;
    }
    return CapacityType.WRITE;
  }

  static String tableOf(SdkRequest request) {
    Optional<String> single = request.getValueForField("TableName", String.class);
    if (single.isPresent()) {
      return single.get();
    }
    Set<@Nullable String> tables = new java.util.HashSet<>();
    if (request instanceof BatchGetItemRequest r) {
      tables.addAll(r.requestItems().keySet());
    } else if (request instanceof BatchWriteItemRequest r) {
      tables.addAll(r.requestItems().keySet());
    } else if (request instanceof TransactWriteItemsRequest r) {
      for (TransactWriteItem i : r.transactItems()) {
        if (i.put() != null) {
          tables.add(i.put().tableName());
        } else if (i.update() != null) {
          tables.add(i.update().tableName());
        } else if (i.delete() != null) {
          tables.add(i.delete().tableName());
        } else if (i.conditionCheck() != null) {
          tables.add(i.conditionCheck().tableName());
        }
      }
    } else if (request instanceof TransactGetItemsRequest r) {
      for (TransactGetItem i : r.transactItems()) {
        if (i.get() != null) {
          tables.add(i.get().tableName());
        }
      }
    }
    tables.remove(null);
    if (tables.isEmpty()) {
      return MetricsHook.UNKNOWN_TABLE;
    }
    String only = tables.iterator().next();
    return tables.size() == 1 && only != null ? only : MetricsHook.MULTIPLE_TABLES;
  }

  /** Per-call state shared by the attempts of one execution. */
  private static final class CallState {
    final String operation;
    final String table;
    final long startNanos = System.nanoTime();
    final AtomicInteger attempts = new AtomicInteger();
    volatile int lastStatus;

    CallState(String operation, String table) {
      this.operation = operation;
      this.table = table;
    }

    Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    int attemptsMade() {
      return Math.max(1, attempts.get());
    }
  }

  /** Builder of {@link MetricsInterceptor}. */
  public static final class Builder {
    private final MetricsHook hook;
    private boolean requestConsumedCapacity = true;

    private Builder(MetricsHook hook) {
      this.hook = hook;
    }

    /**
     * Whether to set {@code ReturnConsumedCapacity=INDEXES} on requests that did not set it (default true).
     * Without it, capacity is recorded only for requests that ask for it themselves.
     */
    public Builder requestConsumedCapacity(boolean enabled) {
      this.requestConsumedCapacity = enabled;
      return this;
    }

    /** Builds the interceptor. */
    public MetricsInterceptor build() {
      return new MetricsInterceptor(this);
    }
  }
}
