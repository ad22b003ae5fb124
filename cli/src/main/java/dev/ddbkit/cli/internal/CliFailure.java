package dev.ddbkit.cli.internal;

import dev.ddbkit.cli.ExitCode;
import dev.ddbkit.core.error.AccessDeniedException;
import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.core.error.ResourceNotFoundException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** An error a command reports to its user: a one-paragraph message and the {@link ExitCode} to exit with. */
public final class CliFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  private CliFailure(int exitCode, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A failure with {@code exitCode} and a sentence for the user. */
  public static CliFailure of(int exitCode, String message) {
    return new CliFailure(exitCode, message, null);
  }

  /** A wrong command line ({@link ExitCode#USAGE}). */
  public static CliFailure usage(String message) {
    return new CliFailure(ExitCode.USAGE, message, null);
  }

  /** The exit code this failure maps to. */
  public int exitCode() {
    return exitCode;
  }

  /** Classifies {@code error} without knowing the endpoint. */
  public static CliFailure from(Throwable error) {
    return from(error, "the DynamoDB endpoint");
  }

  /**
   * Classifies {@code error} into the exit codes of {@link ExitCode} with a message that names
   * {@code target} (such as {@code http://localhost:8000} or {@code DynamoDB in eu-west-1}).
   */
  public static CliFailure from(Throwable error, String target) {
    if (error instanceof CliFailure failure) {
      return failure;
    }
    if (error instanceof InvalidInputException invalid) {
      return new CliFailure(ExitCode.USAGE, invalid.getMessage(), error);
    }
    Throwable io = connectionCause(error);
    if (io != null) {
      return new CliFailure(ExitCode.UNAVAILABLE, "Cannot reach " + target + ": " + describe(io)
          + ". Check --endpoint and --region, and that DynamoDB is running and reachable.", error);
    }
    String text = String.valueOf(error.getMessage());
    if (clientMessageContains(error, "Unable to load region")) {
      return new CliFailure(ExitCode.USAGE,
          "No AWS region is configured: pass --region (for example --region eu-west-1) or set AWS_REGION.", error);
    }
    if (clientMessageContains(error, "Unable to load credentials")) {
      return new CliFailure(ExitCode.ACCESS_DENIED, "No AWS credentials were found in the default chain "
          + "(environment, profile, container or instance role) for " + target + ".", error);
    }
    DdbkitException ddbkit = error instanceof DdbkitException d ? d
        : error instanceof SdkException ? DdbkitErrors.translate(error, null, null) : null;
    ResourceNotFoundException missing = missingTable(error);
    if (missing != null) {
      java.util.Optional<String> name = missing.table().or(() -> ddbkit == null ? java.util.Optional.empty()
          : ddbkit.table());
      return new CliFailure(ExitCode.UNAVAILABLE, name.map(t -> "Table " + t).orElse("A table this command needs")
          + " does not exist at " + target + ". " + name.map(CliFailure::createHint)
          .orElse("Check the table name, --endpoint and --region."), error);
    }
    if (ddbkit instanceof AccessDeniedException) {
      return new CliFailure(ExitCode.ACCESS_DENIED, target + " rejected the credentials ("
          + ddbkit.errorCode() + "): " + firstLine(ddbkit.getMessage()), error);
    }
    if (ddbkit != null) {
      return new CliFailure(ExitCode.FAILURE, ddbkit.operation().map(o -> o + " failed: ").orElse("")
          + firstLine(ddbkit.getMessage()), error);
    }
    return new CliFailure(ExitCode.FAILURE, error.getClass().getSimpleName() + ": " + firstLine(text), error);
  }

  /**
   * How to create {@code table}: {@code ddbkit provision} with the environment options its name implies
   * ({@code orders-staging}: {@code --env-suffix=-staging}), or, for a name outside every environment's
   * naming, a hint to check the name.
   */
  static String createHint(String table) {
    return Environment.guess(table).map(g -> {
      String options = g.getValue().options();
      return "It is the " + g.getKey() + " table of " + (options.isEmpty() ? "the seed's names" : options)
          + ": create it with `ddbkit provision" + (options.isEmpty() ? "" : " " + options) + "`.";
    }).orElse("Check the table name, --endpoint and --region (`ddbkit provision` creates only the tables of "
        + "an environment, such as orders-production or, with --env-suffix=-staging, orders-staging).");
  }

  /** The name of {@code exitCode} for JSON error objects: {@code USAGE}, {@code UNAVAILABLE}, ... */
  public static String codeName(int exitCode) {
    return switch (exitCode) {
      case ExitCode.OK -> "OK";
      case ExitCode.USAGE -> "USAGE";
      case ExitCode.UNAVAILABLE -> "UNAVAILABLE";
      case ExitCode.ACCESS_DENIED -> "ACCESS_DENIED";
      case ExitCode.NOT_READY -> "NOT_READY";
      default -> "FAILURE";
    };
  }

  /** The stack trace of {@code error} and its causes, as text. */
  public static String stackTrace(Throwable error) {
    StringBuilder b = new StringBuilder();
    String prefix = "";
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      b.append(prefix).append(t).append(System.lineSeparator());
      for (StackTraceElement e : t.getStackTrace()) {
        b.append("\tat ").append(e).append(System.lineSeparator());
      }
      prefix = "Caused by: ";
    }
    return b.toString();
  }

  /** The missing-table error in {@code error}'s causes (a shard read wraps it, for example). */
  private static @Nullable ResourceNotFoundException missingTable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ResourceNotFoundException r) {
        return r;
      }
      if (t instanceof software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException sdk) {
        DdbkitException translated = DdbkitErrors.translate(sdk, null, null);
        if (translated instanceof ResourceNotFoundException r) {
          return r;
        }
      }
    }
    return null;
  }

  /** Whether {@code error} or a cause is an SDK client error whose message contains {@code text}. */
  private static boolean clientMessageContains(Throwable error, String text) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SdkClientException && String.valueOf(t.getMessage()).contains(text)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable Throwable connectionCause(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException || t instanceof UnresolvedAddressException) {
        return t;
      }
      if (t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT)
          .contains("connect")) {
        return t;
      }
    }
    return null;
  }

  private static String describe(Throwable io) {
    if (io instanceof UnknownHostException || io instanceof UnresolvedAddressException) {
      return "unknown host " + (io.getMessage() == null ? "" : io.getMessage());
    }
    String m = io.getMessage();
    return m == null ? io.getClass().getSimpleName() : firstLine(m);
  }

  private static String firstLine(@Nullable String text) {
    if (text == null) {
      return "";
    }
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
