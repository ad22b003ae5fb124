package dev.ddbkit.cli.internal;

import dev.ddbkit.core.table.EnsureResult;
import dev.ddbkit.core.table.ReadinessCheck;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.core.table.TableManager;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/** Walks through every pattern of the seed against one connection and fills a {@link DemoReport}. */
final class Demo {
  /** The body of one step. */
  interface Body {
    void run(DemoReport.Step step) throws Exception;
  }

  static final String PROVISION = "Provision the tables";

  private final Connection connection;
  private final DemoSettings settings;
  private final PrintWriter err;
  private final DemoReport report;
  private final String runId;
  private final Clock clock;
  private final byte[] cursorKey = new byte[32];
  private final List<Progress> open = new java.util.ArrayList<>();
  private boolean provisioned;

  Demo(Connection connection, DemoSettings settings, PrintWriter err, Clock clock) {
    this.connection = connection;
    this.settings = settings;
    this.err = err;
    this.report = new DemoReport(connection.target(), settings.readinessDetails());
    this.clock = clock;
    new java.security.SecureRandom().nextBytes(cursorKey);
    // millis plus random characters: two runs in the same millisecond against one endpoint still differ
    this.runId = Long.toString(clock.millis(), 36).toLowerCase(Locale.ROOT)
        + Integer.toString(36 * 36 * 36 * 36 + ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36).substring(1);
  }

  /** The tables' environment. */
  Environment environment() {
    return settings.environment();
  }

  /** The key that signs the cursors of this run's order queries: random, as they never outlive the run. */
  byte[] cursorKey() {
    return cursorKey.clone();
  }

  /** The prefix of every id this run writes: {@code demo-<run>-}. */
  String prefix() {
    return "demo-" + runId + "-";
  }

  DemoReport run() {
    long start = System.nanoTime();
    step(PROVISION, this::provision);
    OrdersSteps orders = new OrdersSteps(this, connection, settings, clock);
    step("Create orders and move them through their statuses", orders::create);
    boolean ordersCreated = !orders.created().isEmpty();
    step("Query orders by customer, with pagination", ordersCreated ? orders::queryByCustomer : null);
    step("Query orders by date (OrderDateIndex)", ordersCreated ? orders::queryByDate : null);
    step("Query orders by status (StatusIndex, keys only, then hydrated)", ordersCreated ? orders::queryByStatus : null);
    MetricsSteps metrics = new MetricsSteps(this, connection, settings, clock);
    step("Write sharded metrics in bulk", metrics::write);
    step("Scatter-gather read of the sharded metric", metrics.written() ? metrics::read : null);
    TransactionsSteps transactions = new TransactionsSteps(this, connection, clock);
    step("Process orders against inventory (transactions)", transactions::processOrders);
    step("Transfer credits, including rejected ones (transactions)", transactions::transferCredits);
    step("DAX fallback: DAX unreachable, DynamoDB serves", ordersCreated ? new DaxSteps(connection, orders)::fallback
        : null);
    List<TableDefinition> tables = environment().tables();
    if (provisioned && settings.progress()) {
      err.println("> Readiness of " + tables.size() + " tables");
      err.flush();
    }
    for (TableDefinition t : tables) {
      if (provisioned) {
        try {
          report.readiness(ReadinessCheck.of(connection.sync()).check(t));
        } catch (RuntimeException e) {
          report.step("Readiness of " + t.name()).fail(CliFailure.from(e, connection.target()).getMessage());
        }
      }
    }
    report.operations(connection.recorder().snapshot());
    report.total(Duration.ofNanos(System.nanoTime() - start));
    return report;
  }

  private void provision(DemoReport.Step s) {
    List<TableDefinition> tables = environment().tables();
    List<EnsureResult> results = Provisioning.ensureAll(TableManager.of(connection.sync()), tables, err,
        settings.progress());
    long created = results.stream().filter(EnsureResult::created).count();
    s.say("TableManager.ensure(SeedTables.*, IdempotencyTable" + (environment().options().isEmpty() ? ""
        : ", named with " + environment().options()) + "): CreateTable where absent, wait until ACTIVE, "
        + "UpdateTimeToLive");
    for (EnsureResult r : results) {
      s.say(r.table() + ": " + (r.created() ? "created" : "already existed")
          + (r.matches() ? "" : ", differs from its definition: " + String.join("; ", r.differences())));
    }
    s.count("tables", results.size()).count("created", created);
    provisioned = true;
  }

  private void step(String title, @Nullable Body body) {
    DemoReport.Step s = report.step(title);
    if (!provisioned && !title.equals(PROVISION)) {
      s.skip("the tables could not be provisioned");
      return;
    }
    if (body == null) {
      s.skip("the step it builds on failed");
      return;
    }
    if (settings.progress()) {
      err.println("> " + title);
      err.flush();
    }
    long t0 = System.nanoTime();
    try {
      body.run(s);
    } catch (Exception e) {
      CliFailure failure = CliFailure.from(e, connection.target());
      s.fail(failure.getMessage(), failure.exitCode());
    } finally {
      open.forEach(Progress::done);
      open.clear();
      s.elapsed(Duration.ofNanos(System.nanoTime() - t0));
    }
  }

  /** Progress of a phase of the current step; ended with the step if the step fails first. */
  Progress progress(String label, long total) {
    Progress p = Progress.start(err, label, total, settings.progress());
    open.add(p);
    return p;
  }
}
