package dev.ddbkit.cli.internal;

import picocli.CommandLine.Option;

/** {@code --json}: machine-readable output for scripts. */
public final class OutputOptions {
  @Option(names = "--json", description = "Print the result as JSON on stdout instead of text.")
  boolean json;

  /** Whether JSON output was asked for. */
  public boolean json() {
    return json;
  }
}
