package dev.ddbkit.cli;

import dev.ddbkit.cli.internal.CliFailure;
import dev.ddbkit.cli.internal.DemoCommand;
import dev.ddbkit.cli.internal.JulQuieting;
import dev.ddbkit.cli.internal.MetricsCommand;
import dev.ddbkit.cli.internal.OrdersCommand;
import dev.ddbkit.cli.internal.ProvisionCommand;
import dev.ddbkit.cli.internal.ReadinessCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code ddbkit} command line. Run {@code java -jar ddbkit.jar --help} for the commands;
 * {@link #execute(PrintWriter, PrintWriter, String...)} runs one in-process and returns its {@link ExitCode}.
 *
 * <pre>{@code
 * int code = DdbkitCli.execute(out, err, "readiness", "--table", "orders-production", "--json");
 * }</pre>
 */
@Command(
    name = "ddbkit",
    mixinStandardHelpOptions = true,
    versionProvider = DdbkitCli.Version.class,
    description = "Production-ready Amazon DynamoDB: the demo of every pattern, and operator commands.",
    subcommands = {
      DemoCommand.class,
      ProvisionCommand.class,
      ReadinessCommand.class,
      OrdersCommand.class,
      MetricsCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the command did what it was asked",
      "1:failure (a DynamoDB error, a failed demo step)",
      "2:usage error (unknown command or option, bad value)",
      "3:endpoint unreachable or table missing",
      "4:credentials rejected or missing",
      "5:readiness --strict found a missing checklist item"
    })
public final class DdbkitCli implements Runnable {

  @Spec CommandSpec spec;

  @Option(names = "--stacktrace", scope = CommandLine.ScopeType.INHERIT,
      description = "Print the stack trace of an error.")
  boolean stacktrace;

  private DdbkitCli() {}

  /** Runs the command line and exits the JVM with the command's {@link ExitCode}. */
  public static void main(String... args) {
    JulQuieting.apply();
    PrintWriter out = new PrintWriter(new PrintStream(System.out, true, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new PrintStream(System.err, true, StandardCharsets.UTF_8), true);
    int code = execute(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs one command in-process, writing its report to {@code out} and errors to {@code err}.
   *
   * @return the {@link ExitCode}
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return commandLine(out, err).execute(args);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new DdbkitCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      boolean trace = parseResult.originalArgs().contains("--stacktrace");
      return report(ex, commandLine.getErr(), trace);
    });
    return cli;
  }

  static int report(Exception ex, PrintWriter err, boolean stacktrace) {
    CliFailure failure = CliFailure.from(ex);
    err.println("ddbkit: " + failure.getMessage());
    if (stacktrace) {
      err.print(CliFailure.stackTrace(ex));
    } else if (failure.exitCode() == ExitCode.FAILURE) {
      err.println("(run again with --stacktrace for details)");
    }
    err.flush();
    return failure.exitCode();
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
        + String.join(", ", spec.subcommands().keySet()) + ".");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = DdbkitCli.class.getPackage().getImplementationVersion();
      return new String[] {"ddbkit " + (v == null ? "(development build)" : v)};
    }
  }
}
