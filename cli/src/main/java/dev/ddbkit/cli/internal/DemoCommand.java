package dev.ddbkit.cli.internal;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ddbkit demo}: every pattern of the seed, end to end, with a report. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Walk through every pattern of the seed and print a report: orders and their queries with "
        + "pagination, sharded metrics with scatter-gather reads, order processing and credit transfers, "
        + "DAX fallback, and the readiness checklist of each table.",
        "By default runs against the embedded ddbkit emulator, whose data is gone when the demo ends. With --endpoint or "
            + "--region it uses that DynamoDB, provisions the seed's tables there if absent, and leaves its data "
            + "in place (every id starts with demo-)."})
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Option(names = "--orders", paramLabel = "N", defaultValue = "200", description = "Orders to create (default ${DEFAULT-VALUE}).")
  int orders;

  @Option(names = "--customers", paramLabel = "N", defaultValue = "10",
      description = "Customers the orders are spread over (default ${DEFAULT-VALUE}).")
  int customers;

  @Option(names = "--points", paramLabel = "N", defaultValue = "10000",
      description = "Metric points to write (default ${DEFAULT-VALUE}).")
  int points;

  @Option(names = "--no-progress", description = "Do not show progress on stderr.")
  boolean noProgress;

  @Option(names = "--readiness-details",
      description = "List every readiness item of every table in the report, not only a line per table.")
  boolean readinessDetails;

  @Override
  public Integer call() {
    Options.atLeast("--orders", orders, 10);
    if (customers < 1 || customers > orders) {
      throw CliFailure.usage("--customers must be between 1 and --orders (" + orders + ") but was " + customers + ".");
    }
    Options.atLeast("--points", points, 100);
    Environment environment = GlobalOptions.environment(spec);
    environment.tables().forEach(t -> Options.tableName("--env-prefix / --env-suffix", t.name()));
    connection.describeTarget();
    connection.region();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DemoSettings settings = new DemoSettings(orders, customers, points, !noProgress, environment,
        readinessDetails);
    String target = connection.targetsExistingDynamoDb() ? connection.describeTarget() : "the embedded ddbkit emulator";
    DemoReport report;
    try (Connection c = DemoBackend.open(connection, err, settings.progress())) {
      report = new Demo(c, settings, err, Clock.systemUTC()).run();
    } catch (RuntimeException e) {
      throw CliFailure.from(e, target);
    }
    out.print(output.json() ? Json.write(report.toMap()) + System.lineSeparator() : report.toText());
    out.flush();
    if (!report.succeeded()) {
      err.println("ddbkit: demo failed at " + report.firstFailure());
      err.flush();
    }
    return report.exitCode();
  }
}
