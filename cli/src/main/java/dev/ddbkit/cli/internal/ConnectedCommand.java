package dev.ddbkit.cli.internal;

import dev.ddbkit.cli.ExitCode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that talks to one DynamoDB target; turns every error into a {@link CliFailure} naming it. */
abstract class ConnectedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Override
  public final Integer call() {
    String target = connection.describeTarget();
    try (Connection c = Connection.open(connection)) {
      return run(c);
    } catch (RuntimeException e) {
      throw CliFailure.from(e, target);
    }
  }

  /** Runs the command; returns its {@link ExitCode}. */
  abstract int run(Connection connection);

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  int ok() {
    out().flush();
    return ExitCode.OK;
  }
}
