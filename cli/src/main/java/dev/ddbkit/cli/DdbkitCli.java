package dev.ddbkit.cli;

import dev.ddbkit.cli.internal.CliFailure;
import dev.ddbkit.cli.internal.DemoCommand;
import dev.ddbkit.cli.internal.GlobalOptions;
import dev.ddbkit.cli.internal.Json;
import dev.ddbkit.cli.internal.JulQuieting;
import dev.ddbkit.cli.internal.MetricsCommand;
import dev.ddbkit.cli.internal.OrdersCommand;
import dev.ddbkit.cli.internal.ProvisionCommand;
import dev.ddbkit.cli.internal.ReadinessCommand;
import dev.ddbkit.cli.internal.Version;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
    versionProvider = DdbkitCli.VersionProvider.class,
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

  @Mixin(name = GlobalOptions.MIXIN) GlobalOptions global;

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
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
        report(CliFailure.from(ex), ex, commandLine, parseResult.originalArgs()));
    cli.setParameterExceptionHandler((ex, args) -> {
      String message = ex.getMessage();
      if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
        message += " Did you mean " + String.join(" or ", u.getSuggestions()) + "?";
      }
      return report(CliFailure.usage(message), ex, ex.getCommandLine(), Arrays.asList(args));
    });
    return cli;
  }

  /**
   * Reports {@code failure}: {@code ddbkit: <message>} on the error stream, for a usage error a one-line hint
   * to the command's help, and with {@code --json} a JSON error object on stdout, so that scripts can parse
   * every outcome.
   */
  static int report(CliFailure failure, Throwable cause, CommandLine commandLine, List<String> args) {
    PrintWriter err = commandLine.getErr();
    if (args.contains("--json")) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", CliFailure.codeName(failure.exitCode()));
      error.put("exitCode", failure.exitCode());
      error.put("message", failure.getMessage());
      commandLine.getOut().println(Json.write(Json.document(Map.of("error", error))));
      commandLine.getOut().flush();
    }
    err.println("ddbkit: " + failure.getMessage());
    if (args.contains("--stacktrace")) {
      err.print(CliFailure.stackTrace(cause));
    } else if (failure.exitCode() == ExitCode.USAGE) {
      err.println("see '" + commandLine.getCommandSpec().qualifiedName() + " --help'");
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

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"ddbkit " + Version.current()};
    }
  }
}
