package dev.ddbkit.core.typed;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.table.TableDefinition;
import java.util.Map;
import java.util.function.Function;

/**
 * One environment setting for table names: a prefix and/or a suffix applied to every base name, so that
 * {@code customers} becomes {@code staging-customers} without touching the code that names it.
 *
 * <pre>{@code
 * TableNaming naming = TableNaming.of("staging-", "");          // staging-customers
 * TableNaming fromEnv = TableNaming.fromEnvironment(System.getenv());
 * String physical = naming.apply("customers");
 * }</pre>
 */
public final class TableNaming {
  /** Environment variable holding the prefix. */
  public static final String PREFIX_VARIABLE = "DDBKIT_TABLE_PREFIX";
  /** Environment variable holding the suffix. */
  public static final String SUFFIX_VARIABLE = "DDBKIT_TABLE_SUFFIX";

  private static final TableNaming NONE = new TableNaming("", "");

  private final String prefix;
  private final String suffix;

  private TableNaming(String prefix, String suffix) {
    this.prefix = prefix;
    this.suffix = suffix;
  }

  /** Names used as given. */
  public static TableNaming none() {
    return NONE;
  }

  /** Names with {@code prefix} before and {@code suffix} after them; either may be empty. */
  public static TableNaming of(String prefix, String suffix) {
    Require.nonNull(prefix, "prefix");
    Require.nonNull(suffix, "suffix");
    Require.argument(prefix.chars().allMatch(TableNaming::allowed), "prefix",
        "The table name prefix '" + prefix + "' may contain only a-z, A-Z, 0-9, '_', '-' and '.'.");
    Require.argument(suffix.chars().allMatch(TableNaming::allowed), "suffix",
        "The table name suffix '" + suffix + "' may contain only a-z, A-Z, 0-9, '_', '-' and '.'.");
    return prefix.isEmpty() && suffix.isEmpty() ? NONE : new TableNaming(prefix, suffix);
  }

  /** The naming given by {@value #PREFIX_VARIABLE} and {@value #SUFFIX_VARIABLE} in {@code environment}. */
  public static TableNaming fromEnvironment(Map<String, String> environment) {
    Require.nonNull(environment, "environment");
    return of(environment.getOrDefault(PREFIX_VARIABLE, ""), environment.getOrDefault(SUFFIX_VARIABLE, ""));
  }

  /** The prefix, possibly empty. */
  public String prefix() {
    return prefix;
  }

  /** The suffix, possibly empty. */
  public String suffix() {
    return suffix;
  }

  /** The physical name of the table called {@code baseName} in code; checked against DynamoDB's rules. */
  public String apply(String baseName) {
    Require.nonBlank(baseName, "tableName");
    return Require.tableName(prefix + baseName + suffix, "tableName");
  }

  /** {@code definition} under its physical name. */
  public TableDefinition apply(TableDefinition definition) {
    Require.nonNull(definition, "definition");
    return this == NONE ? definition : definition.withName(apply(definition.name()));
  }

  /** This naming as a function, for APIs that take one. */
  public Function<String, String> asFunction() {
    return this::apply;
  }

  @Override
  public String toString() {
    return "TableNaming{prefix='" + prefix + "', suffix='" + suffix + "'}";
  }

  private static boolean allowed(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.';
  }
}
