package dev.ddbkit.cli;

/**
 * The exit codes of every {@code ddbkit} command, stable so that scripts can rely on them.
 *
 * <pre>{@code
 * java -jar ddbkit.jar readiness --table orders-production --endpoint http://localhost:8000
 * case $? in 0) echo ok ;; 3) echo "DynamoDB or the table is not there" ;; esac
 * }</pre>
 */
public final class ExitCode {
  /** The command did what it was asked. */
  public static final int OK = 0;
  /** The command failed for a reason not listed below (a DynamoDB error, a failed demo step). */
  public static final int FAILURE = 1;
  /** The command line was wrong: unknown command or option, missing or malformed value. */
  public static final int USAGE = 2;
  /** The endpoint could not be reached, or a table the command needs does not exist. */
  public static final int UNAVAILABLE = 3;
  /** The credentials were rejected or are missing (AccessDenied, UnrecognizedClient, no credentials found). */
  public static final int ACCESS_DENIED = 4;
  /** {@code readiness --strict}: at least one checklist item is missing on the live table. */
  public static final int NOT_READY = 5;

  private ExitCode() {}
}
