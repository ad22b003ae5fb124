package dev.ddbkit.cli.internal;

import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Options every command takes, before or after the command name: the environment's table naming
 * ({@code --env-prefix}, {@code --env-suffix}) and {@code --stacktrace}.
 */
public final class GlobalOptions {
  /** The name under which the root command mixes these options in. */
  public static final String MIXIN = "global";

  @Option(names = "--env-prefix", paramLabel = "PREFIX", scope = CommandLine.ScopeType.INHERIT,
      description = "Put PREFIX before every table name (env DDBKIT_TABLE_PREFIX; default none).")
  @Nullable String envPrefix;

  @Option(names = "--env-suffix", paramLabel = "SUFFIX", scope = CommandLine.ScopeType.INHERIT,
      description = {"Table name suffix of the environment: --env-suffix=-staging names orders-staging "
          + "(env DDBKIT_TABLE_SUFFIX; default -production, the seed's names)."})
  @Nullable String envSuffix;

  @Option(names = "--stacktrace", scope = CommandLine.ScopeType.INHERIT,
      description = "Print the stack trace of an error.")
  boolean stacktrace;

  /** The environment named by the options, falling back to {@code env} (the process environment). */
  public Environment environment(Function<String, String> env) {
    return Environment.of(Optional.ofNullable(envPrefix), Optional.ofNullable(envSuffix), env);
  }

  /** The global options of the command line {@code spec} belongs to; defaults when it has none. */
  static GlobalOptions of(CommandSpec spec) {
    CommandSpec mixin = spec.root().mixins().get(MIXIN);
    return mixin != null && mixin.userObject() instanceof GlobalOptions g ? g : new GlobalOptions();
  }

  /** The environment of the command line {@code spec} belongs to, from its options and the process environment. */
  static Environment environment(CommandSpec spec) {
    return of(spec).environment(System::getenv);
  }
}
