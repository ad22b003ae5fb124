/**
 * The {@code ddbkit} command line: the runnable demo of every pattern ddbkit implements, and operator
 * commands for a live table set. Start with {@link dev.ddbkit.cli.DdbkitCli}; exit codes are listed in
 * {@link dev.ddbkit.cli.ExitCode}. Everything else lives in {@code dev.ddbkit.cli.internal}.
 */
@NullMarked
package dev.ddbkit.cli;

import org.jspecify.annotations.NullMarked;
