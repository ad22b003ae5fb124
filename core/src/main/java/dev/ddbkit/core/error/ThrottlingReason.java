package dev.ddbkit.core.error;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Why DynamoDB throttled a request, as it reports in the {@code ThrottlingReasons} member of
 * {@code ProvisionedThroughputExceededException}, {@code ThrottlingException} and {@code RequestLimitExceeded}.
 * DynamoDB writes each reason as {@code <Table|Index><Read|Write><LimitType>}, for example
 * {@code TableWriteKeyRangeThroughputExceeded}; this record splits it into typed parts.
 *
 * <pre>{@code
 * catch (dev.ddbkit.core.error.ThrottlingException e) {
 *   if (e.reasons().stream().anyMatch(r -> r.limit() == ThrottlingReason.Limit.KEY_RANGE)) {
 *     // a hot partition: spread the keys, more capacity will not help
 *   }
 * }
 * }</pre>
 *
 * @param scope whether the table or one of its indexes was throttled
 * @param access whether reads or writes were throttled
 * @param limit which limit was exceeded
 * @param code the reason exactly as DynamoDB sent it
 * @param resourceArn the ARN of the throttled table or index, when DynamoDB sent it
 */
public record ThrottlingReason(Scope scope, Access access, Limit limit, String code, Optional<String> resourceArn) {

  /** Validates the parts. */
  public ThrottlingReason {
    Require.nonNull(scope, "scope");
    Require.nonNull(access, "access");
    Require.nonNull(limit, "limit");
    Require.nonNull(code, "code");
    Require.nonNull(resourceArn, "resourceArn");
  }

  /**
   * Parses DynamoDB's reason string; parts it does not recognise become {@code UNKNOWN}, and the string is kept
   * in {@link #code()}.
   *
   * <pre>{@code
   * ThrottlingReason.parse("IndexReadProvisionedThroughputExceeded", "arn:aws:dynamodb:...:table/t/index/i");
   * }</pre>
   */
  public static ThrottlingReason parse(@Nullable String code, @Nullable String resourceArn) {
    String c = code == null ? "" : code.trim();
    String rest = c;
    Scope scope = Scope.UNKNOWN;
    if (rest.startsWith("Table")) {
      scope = Scope.TABLE;
      rest = rest.substring(5);
    } else if (rest.startsWith("Index")) {
      scope = Scope.INDEX;
      rest = rest.substring(5);
    }
    Access access = Access.UNKNOWN;
    if (rest.startsWith("Read")) {
      access = Access.READ;
      rest = rest.substring(4);
    } else if (rest.startsWith("Write")) {
      access = Access.WRITE;
      rest = rest.substring(5);
    }
    Limit limit = Limit.UNKNOWN;
    for (Limit l : Limit.values()) {
      if (l.suffix.equals(rest)) {
        limit = l;
        break;
      }
    }
    Optional<String> arn = resourceArn == null || resourceArn.isBlank() ? Optional.empty() : Optional.of(resourceArn);
    return new ThrottlingReason(scope, access, limit, c, arn);
  }

  /** A reason built from its parts, with DynamoDB's reason string; for tests and fault injection. */
  public static ThrottlingReason of(Scope scope, Access access, Limit limit) {
    String code = scope == Scope.UNKNOWN || access == Access.UNKNOWN || limit == Limit.UNKNOWN
        ? "Unknown"
        : scope.word + access.word + limit.suffix;
    return new ThrottlingReason(scope, access, limit, code, Optional.empty());
  }

  /**
   * The bounded metric tag value, such as {@code table_write_key_range}; {@code unknown} when DynamoDB's string
   * was not recognised.
   */
  public String tagValue() {
    if (scope == Scope.UNKNOWN || access == Access.UNKNOWN || limit == Limit.UNKNOWN) {
      return "unknown";
    }
    return scope.name().toLowerCase(Locale.ROOT) + "_" + access.name().toLowerCase(Locale.ROOT) + "_"
        + limit.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return resourceArn.map(arn -> code + " on " + arn).orElse(code);
  }

  /** What was throttled. */
  public enum Scope {
    /** The table itself. */
    TABLE("Table"),
    /** A global secondary index. */
    INDEX("Index"),
    /** DynamoDB sent a resource type ddbkit does not know. */
    UNKNOWN("");

    private final String word;

    Scope(String word) {
      this.word = word;
    }
  }

  /** Which kind of request was throttled. */
  public enum Access {
    /** Reads. */
    READ("Read"),
    /** Writes. */
    WRITE("Write"),
    /** DynamoDB sent an operation type ddbkit does not know. */
    UNKNOWN("");

    private final String word;

    Access(String word) {
      this.word = word;
    }
  }

  /** Which limit was exceeded. */
  public enum Limit {
    /** A partition key range (hot partition) exceeded its partition-level throughput; more capacity will not help. */
    KEY_RANGE("KeyRangeThroughputExceeded"),
    /** The provisioned read or write capacity of the table or index. */
    PROVISIONED("ProvisionedThroughputExceeded"),
    /** The account's per-table throughput quota in the region (on-demand mode). */
    ACCOUNT_LIMIT("AccountLimitExceeded"),
    /** The maximum throughput configured for an on-demand table or index. */
    MAX_ON_DEMAND("MaxOnDemandThroughputExceeded"),
    /** DynamoDB sent a limit type ddbkit does not know. */
    UNKNOWN("\u0000");

    private final String suffix;

    Limit(String suffix) {
      this.suffix = suffix;
    }
  }
}
