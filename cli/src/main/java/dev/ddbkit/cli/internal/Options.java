package dev.ddbkit.cli.internal;

import dev.ddbkit.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;

/** Checks of option values shared by several commands, each failing with a usage error naming the option. */
final class Options {
  private static final String TABLE_NAME = "[A-Za-z0-9_.-]{3,255}";

  private Options() {}

  /** {@code value} must be a DynamoDB table name. */
  static String tableName(String option, String value) {
    if (!value.matches(TABLE_NAME)) {
      throw CliFailure.usage(option + " must be a DynamoDB table name (3 to 255 letters, digits, '_', '-' or '.') "
          + "but was '" + value + "'.");
    }
    return value;
  }

  /** {@code value} must not be blank. */
  static String notBlank(String option, String value) {
    if (value.isBlank()) {
      throw CliFailure.usage(option + " must not be blank.");
    }
    return value;
  }

  /** {@code value} must be between {@code min} and {@code max}. */
  static int between(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw CliFailure.usage(option + " must be between " + min + " and " + max + " but was " + value + ".");
    }
    return value;
  }

  /** {@code value} must be at least {@code min}. */
  static int atLeast(String option, int value, int min) {
    if (value < min) {
      throw CliFailure.usage(option + " must be at least " + min + " but was " + value + ".");
    }
    return value;
  }

  /** A key part of a DynamoDB item: not blank and at most {@code maxBytes} UTF-8 bytes. */
  static String key(String option, String value, int maxBytes) {
    notBlank(option, value);
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxBytes) {
      throw CliFailure.usage(option + " must be at most " + maxBytes + " UTF-8 bytes but was " + bytes + ".");
    }
    return value;
  }

  /**
   * Runs a library's own check of a value before anything connects, so that its rules are not repeated here;
   * its error becomes a usage error whose message names {@code option} instead of the library's
   * {@code argument}.
   */
  static void checkedBy(String option, String argument, Runnable check) {
    try {
      check.run();
    } catch (InvalidInputException e) {
      String m = String.valueOf(e.getMessage());
      throw CliFailure.usage(m.startsWith(argument) ? option + m.substring(argument.length())
          : option + ": " + m);
    }
  }
}
