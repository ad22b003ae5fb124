package dev.ddbkit.cli.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Quiets the logging frameworks that do not go through SLF4J. The DAX client logs through java.util.logging,
 * with a stack trace for every endpoint it cannot reach (the demo points it at a closed port on purpose and
 * reports the outcome itself), so only its severe messages are kept. DynamoDB Local logs through Log4j 2 with
 * a configuration that writes warnings to stdout, so Log4j is pointed at the CLI's own configuration: errors
 * only, on stderr.
 */
public final class JulQuieting {
  // java.util.logging holds loggers weakly: keep the configured one alive
  private static final Logger DAX = Logger.getLogger("software.amazon.dax");

  private static final String LOG4J_CONFIGURATION = "log4j2.configurationFile";

  private JulQuieting() {}

  /** Keeps only severe messages of the DAX client and errors of Log4j 2; call before either is used. */
  public static void apply() {
    DAX.setLevel(Level.SEVERE);
    if (System.getProperty(LOG4J_CONFIGURATION) == null) {
      System.setProperty(LOG4J_CONFIGURATION, "classpath:ddbkit-cli-log4j2.xml");
    }
  }
}
