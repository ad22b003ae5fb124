package dev.ddbkit.cli.internal;

import dev.ddbkit.cli.ExitCode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to one DynamoDB target. Every option is checked before a client is created
 * ({@link #validate}), and every error becomes a {@link CliFailure} naming the target.
 */
abstract class ConnectedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  private Environment environment = Environment.seed();

  @Override
  public final Integer call() {
    environment = GlobalOptions.environment(spec);
    String target = connection.describeTarget();
    connection.region();
    validate(environment);
    try (Connection c = Connection.open(connection)) {
      return run(c);
    } catch (RuntimeException e) {
      throw CliFailure.from(e, target);
    }
  }

  /**
   * Checks the command's own options before anything connects; a bad one is a {@link CliFailure#usage} naming
   * the option. {@code environment} is the one selected by {@code --env-prefix} / {@code --env-suffix}.
   */
  abstract void validate(Environment environment);

  /** Runs the command; returns its {@link ExitCode}. */
  abstract int run(Connection connection);

  /** The environment of this run's table names. */
  Environment environment() {
    return environment;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  int ok() {
    out().flush();
    return ExitCode.OK;
  }
}
