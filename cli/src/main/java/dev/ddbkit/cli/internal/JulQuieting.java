package dev.ddbkit.cli.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The DAX client logs through java.util.logging, with a stack trace for every endpoint it cannot reach. The
 * demo points it at a closed port on purpose and reports the outcome itself, so only severe messages are kept.
 */
public final class JulQuieting {
  // java.util.logging holds loggers weakly: keep the configured one alive
  private static final Logger DAX = Logger.getLogger("software.amazon.dax");

  private JulQuieting() {}

  /** Keeps only SEVERE messages of the DAX client. */
  public static void apply() {
    DAX.setLevel(Level.SEVERE);
  }
}
