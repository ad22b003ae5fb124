package dev.ddbkit.testkit.fault;

import dev.ddbkit.testkit.fault.internal.BatchRewrite;
import dev.ddbkit.testkit.fault.internal.DdbRequest;
import dev.ddbkit.testkit.fault.internal.WireResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Decides, for each request, which faults apply. Deterministic: whether a rule fires for the n-th request it
 * matches depends only on the seed, the rule's position and n, so a sequential client sees the same faults on
 * every run and concurrent clients see the same number of faults for the same number of requests.
 */
final class FaultEngine {
  private static final Set<String> SINGLE_WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem");
  private static final Set<String> TRANSACTIONS = Set.of("TransactWriteItems", "TransactGetItems");

  private final long seed;
  private final CounterStore counters;
  private final @Nullable HotPartitions hotPartitions;
  private final List<RuleState> rules = new CopyOnWriteArrayList<>();
  private final AtomicInteger nextRuleId = new AtomicInteger();
  private final AtomicLong requestNumber = new AtomicLong();

  FaultEngine(long seed, CounterStore counters, @Nullable HotPartitionSimulator simulator) {
    this.seed = seed;
    this.counters = counters;
    this.hotPartitions = simulator == null ? null : new HotPartitions(simulator, counters);
  }

  /** Adds a rule after the existing ones; returns its handle for removal. */
  RuleState add(FaultRule rule) {
    RuleState state = new RuleState(nextRuleId.getAndIncrement(), rule);
    rules.add(state);
    return state;
  }

  boolean remove(RuleState state) {
    return rules.remove(state);
  }

  void clear() {
    rules.clear();
  }

  List<FaultRule> rules() {
    List<FaultRule> out = new ArrayList<>();
    for (RuleState s : rules) {
      out.add(s.rule);
    }
    return Collections.unmodifiableList(out);
  }

  Plan plan(DdbRequest request) {
    String op = request.operation();
    counters.request(op);
    long n = requestNumber.getAndIncrement();
    Plan plan = new Plan(new UUID(mix(seed ^ 0x5DEECE66DL ^ n), mix(n + 0x632BE59BD9B4E019L)).toString()
        .toUpperCase(java.util.Locale.ROOT));
    BatchRewrite batch = null;
    int unprocessedRules = 0;
    for (RuleState state : rules) {
      FaultRule rule = state.rule;
      Fault fault = rule.fault();
      if (!rule.matches(op, request.tables()) || !applies(fault, request)) {
        continue;
      }
      long match = state.matches.getAndIncrement();
      if (unit(state.id, match) >= rule.share() || !state.takeInjection()) {
        continue;
      }
      SplittableRandom random = new SplittableRandom(mix(seed + 0x9E3779B97F4A7C15L * (state.id + 1) + match));
      if (fault.kind() != FaultKind.UNPROCESSED) {
        counters.injected(fault.kind(), op);
      }
      switch (fault.kind()) {
        case LATENCY -> {
          Duration d = fault.latency().orElseThrow().sample(random);
          plan.delay = plan.delay.plus(d);
        }
        case UNPROCESSED -> {
          if (batch == null) {
            batch = BatchRewrite.of(request).orElseThrow();
          }
          holdBack(batch, rule, fault.unprocessedShare(), random);
          unprocessedRules++;
        }
        case DROPPED_CONNECTION, TIMEOUT -> {
          plan.connectionFault = fault;
          return finish(plan, batch, unprocessedRules, op);
        }
        case TRANSACTION_CONFLICT -> {
          plan.reply = conflict(request, rule, fault, plan.requestId);
          return finish(plan, batch, unprocessedRules, op);
        }
        default -> {
          if (fault.afterForwarding()) {
            plan.replyAfterForwarding = WireResponse.error(fault.status(), fault.errorType(), fault.message(),
                plan.requestId);
            return finish(plan, batch, unprocessedRules, op);
          }
          plan.reply = fault.throttlingReasons().isEmpty()
              ? WireResponse.error(fault.status(), fault.errorType(), fault.message(), plan.requestId)
              : WireResponse.throttlingError(fault.status(), fault.errorType(), fault.message(), plan.requestId,
                  reasons(fault, request));
          return finish(plan, batch, unprocessedRules, op);
        }
      }
    }
    if (hotPartitions != null) {
      if (batch == null) {
        batch = BatchRewrite.of(request).orElse(null);
      }
      hotPartitions.apply(request, plan, batch);
    }
    return finish(plan, batch, unprocessedRules, op);
  }

  /** Attaches held-back items to the plan, counting them only when the client will see them. */
  private Plan finish(Plan plan, @Nullable BatchRewrite batch, int unprocessedRules, String op) {
    if (batch == null || batch.heldBack() == 0 || plan.reply != null) {
      return plan;
    }
    plan.batch = batch;
    if (plan.connectionFault == null && plan.replyAfterForwarding == null) {
      counters.unprocessed(batch.heldBack());
      for (int i = 0; i < unprocessedRules; i++) {
        counters.injected(FaultKind.UNPROCESSED, op);
      }
    }
    return plan;
  }

  private static boolean applies(Fault fault, DdbRequest request) {
    String op = request.operation();
    return switch (fault.kind()) {
      case UNPROCESSED -> ("BatchWriteItem".equals(op) || "BatchGetItem".equals(op)) && request.json().isPresent();
      case TRANSACTION_CONFLICT -> SINGLE_WRITES.contains(op) || TRANSACTIONS.contains(op);
      default -> true;
    };
  }

  private static void holdBack(BatchRewrite batch, FaultRule rule, double share, SplittableRandom random) {
    List<BatchRewrite.Entry> eligible = new ArrayList<>();
    for (BatchRewrite.Entry e : batch.remaining()) {
      if (rule.tables().isEmpty() || rule.tables().contains(e.table())) {
        eligible.add(e);
      }
    }
    if (eligible.isEmpty()) {
      return;
    }
    int count = (int) Math.max(1, Math.min(eligible.size(), Math.round(share * eligible.size())));
    // partial Fisher-Yates: the first `count` positions become a seeded random sample
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(eligible.size() - i);
      Collections.swap(eligible, i, j);
      batch.holdBack(eligible.get(i));
    }
  }

  private static WireResponse conflict(DdbRequest request, FaultRule rule, Fault fault, String requestId) {
    if (!TRANSACTIONS.contains(request.operation())) {
      return WireResponse.error(400, Fault.DYNAMODB_NS + "TransactionConflictException",
          "Transaction is ongoing for the item", requestId);
    }
    List<String> itemTables = request.transactItemTables();
    int index = fault.conflictIndex().orElseGet(() -> {
      for (int i = 0; i < itemTables.size(); i++) {
        if (rule.tables().isEmpty() || rule.tables().contains(itemTables.get(i))) {
          return i;
        }
      }
      return 0;
    });
    int count = Math.max(itemTables.size(), index + 1);
    return WireResponse.transactionCanceled(count, List.of(index), "TransactionConflict",
        "Transaction is ongoing for the item", requestId);
  }

  private double unit(int ruleId, long match) {
    long bits = mix(seed ^ mix((ruleId + 1L) * 0xBF58476D1CE4E5B9L + match));
    return (bits >>> 11) * 0x1.0p-53;
  }

  /** SplitMix64's finalizer: a well-mixed 64-bit hash. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A rule and its counters. */
  static final class RuleState {
    final int id;
    final FaultRule rule;
    final AtomicLong matches = new AtomicLong();
    final AtomicLong injections = new AtomicLong();

    RuleState(int id, FaultRule rule) {
      this.id = id;
      this.rule = rule;
    }

    boolean takeInjection() {
      long max = rule.maxInjections();
      while (true) {
        long n = injections.get();
        if (n >= max) {
          return false;
        }
        if (injections.compareAndSet(n, n + 1)) {
          return true;
        }
      }
    }
  }

  /** A fault's throttling reasons as wire pairs, a missing ARN filled with the request's one table. */
  private static List<Map.Entry<String, String>> reasons(Fault fault, DdbRequest request) {
    String tableArn = request.tables().size() == 1
        ? "arn:aws:dynamodb:local:000000000000:table/" + request.tables().iterator().next()
        : "";
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (dev.ddbkit.core.error.ThrottlingReason r : fault.throttlingReasons()) {
      out.add(Map.entry(r.code(), r.resourceArn().orElse(tableArn)));
    }
    return out;
  }
}
