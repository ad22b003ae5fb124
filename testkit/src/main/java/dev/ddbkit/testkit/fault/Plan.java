package dev.ddbkit.testkit.fault;

import dev.ddbkit.testkit.fault.internal.BatchRewrite;
import dev.ddbkit.testkit.fault.internal.WireResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** What the proxy does with one request, as decided by {@link FaultEngine}. */
final class Plan {
  final String requestId;
  Duration delay = Duration.ZERO;
  /** Answer without forwarding. */
  @Nullable WireResponse reply;
  /** Forward, then send this instead of DynamoDB's answer. */
  @Nullable WireResponse replyAfterForwarding;
  /** Drop or hold the connection, before or after forwarding. */
  @Nullable Fault connectionFault;
  /** Items or keys held back from a batch. */
  @Nullable BatchRewrite batch;
  /** Told the parsed body of a successful response (hot-partition read charging). */
  @Nullable Consumer<Map<String, Object>> onSuccess;

  Plan(String requestId) {
    this.requestId = requestId;
  }

  boolean forwards() {
    if (reply != null) {
      return false;
    }
    if (connectionFault != null && !connectionFault.afterForwarding()) {
      return false;
    }
    return batch == null || batch.anyRemaining();
  }
}
