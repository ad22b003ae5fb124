package dev.ddbkit.core.metrics.internal;

import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.ThrottlingReason;
import dev.ddbkit.core.error.TransactionCanceledException;
import dev.ddbkit.core.metrics.Outcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.metrics.MetricCollector;
import software.amazon.awssdk.metrics.SdkMetric;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * Adds to the SDK's metric collection of each call what the SDK does not measure: the table, consumed
 * capacity per table and index ({@code ReturnConsumedCapacity=INDEXES} is asked for when a request did not
 * set it), items returned, unprocessed items, the outcome and DynamoDB's throttling reasons.
 * {@link HookMetricPublisher} reads them with the SDK's own metrics.
 */
public final class CallMetricsInterceptor implements ExecutionInterceptor {
  private static final Logger log = LoggerFactory.getLogger(CallMetricsInterceptor.class);
  /** The first {@code "reason":"..."} of a {@code ThrottlingReasons} member. */
  private static final Pattern REASON = Pattern.compile("\"ThrottlingReasons\"\\s*:\\s*\\[\\s*\\{[^}]*?\"reason\"\\s*:\\s*\"([A-Za-z]{1,80})\"");
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final boolean requestConsumedCapacity;

  public CallMetricsInterceptor(boolean requestConsumedCapacity) {
    this.requestConsumedCapacity = requestConsumedCapacity;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    safely(() -> {
      String table = CallDetails.tableOf(context.request());
      report(attributes, DdbkitSdkMetrics.TABLE, table);
    });
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (!requestConsumedCapacity) {
      return request;
    }
    try {
      return CallDetails.withIndexesCapacity(request);
    } catch (RuntimeException e) {
      log.debug("Could not ask for consumed capacity on {}", request.getClass().getSimpleName(), e);
      return request;
    }
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
      ExecutionAttributes attributes) {
    Optional<InputStream> body = context.responseBody();
    int status = context.httpResponse().statusCode();
    if (body.isEmpty() || status != 400 && status != 429) {
      return body;
    }
    MetricCollector attempt = attributes.getAttribute(SdkExecutionAttribute.API_CALL_ATTEMPT_METRIC_COLLECTOR);
    if (attempt == null) {
      return body;
    }
    try (InputStream in = body.get()) {
      byte[] bytes = in.readNBytes(MAX_ERROR_BODY);
      byte[] rest = in.readAllBytes();
      byte[] all = rest.length == 0 ? bytes : concat(bytes, rest);
      Matcher m = REASON.matcher(new String(bytes, StandardCharsets.UTF_8));
      if (m.find()) {
        attempt.reportMetric(DdbkitSdkMetrics.THROTTLING_REASON, ThrottlingReason.parse(m.group(1), null).tagValue());
      }
      return Optional.of(new ByteArrayInputStream(all));
    } catch (IOException e) {
      log.debug("Could not read an error body for its throttling reasons", e);
      return Optional.of(new ByteArrayInputStream(new byte[0]));
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    safely(() -> {
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      for (ConsumedCapacity cc : CallDetails.consumedCapacity(context.response())) {
        report(attributes, DdbkitSdkMetrics.CONSUMED_CAPACITY, cc);
      }
      report(attributes, DdbkitSdkMetrics.READ_OPERATION,
          CallDetails.isRead(operation == null ? "" : operation, context.request()));
      CallDetails.itemsReturned(context.response()).ifPresent(n -> report(attributes, DdbkitSdkMetrics.ITEMS_RETURNED, n));
      CallDetails.unprocessed(context.response()).ifPresent(n -> report(attributes, DdbkitSdkMetrics.UNPROCESSED_ITEMS, n));
      report(attributes, DdbkitSdkMetrics.OUTCOME, Outcome.SUCCESS.name());
    });
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    safely(() -> {
      Throwable error = context.exception();
      Outcome outcome = Outcome.of(error);
      report(attributes, DdbkitSdkMetrics.OUTCOME, outcome.name());
      List<ThrottlingReason> reasons = DdbkitErrors.throttlingReasons(error);
      if (!reasons.isEmpty()) {
        report(attributes, DdbkitSdkMetrics.THROTTLING_REASON, reasons.get(0).tagValue());
      }
      if (outcome == Outcome.TRANSACTION_CANCELED && itemThrottled(error)) {
        report(attributes, DdbkitSdkMetrics.ITEM_THROTTLED, Boolean.TRUE);
      }
    });
  }

  private static boolean itemThrottled(Throwable error) {
    return DdbkitErrors.translate(error, null, null) instanceof TransactionCanceledException tce
        && tce.failedReasons().stream().anyMatch(r -> "ThrottlingError".equals(r.code())
            || "ProvisionedThroughputExceeded".equals(r.code()));
  }

  private static <T> void report(ExecutionAttributes attributes, SdkMetric<T> metric, T value) {
    MetricCollector call = attributes.getAttribute(SdkExecutionAttribute.API_CALL_METRIC_COLLECTOR);
    if (call != null) {
      call.reportMetric(metric, value);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      log.debug("Could not add ddbkit's details to the SDK metrics of a call", e);
    }
  }
}
