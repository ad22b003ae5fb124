package dev.ddbkit.cli.internal;

import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.core.typed.TableNaming;
import dev.ddbkit.transactions.IdempotencyTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The table names of one environment: {@code <prefix><kind><suffix>} for the seed's kinds, so the default
 * (no prefix, suffix {@code -production}) gives the seed's own names ({@code orders-production}) and suffix
 * {@code -staging} gives {@code orders-staging}. The idempotency table is {@code <prefix>ddbkit-idempotency}
 * plus the suffix when it is not the default one. A stand-in, in the CLI only, for the library-wide
 * environment naming setting that is to replace it.
 */
public final class Environment {
  /** The environment variable read when {@code --env-prefix} is not given: the library's, {@code TableNaming}'s. */
  public static final String PREFIX_ENV = TableNaming.PREFIX_VARIABLE;
  /** The environment variable read when {@code --env-suffix} is not given: the library's, {@code TableNaming}'s. */
  public static final String SUFFIX_ENV = TableNaming.SUFFIX_VARIABLE;
  /** The suffix of the seed's own table names. */
  public static final String DEFAULT_SUFFIX = "-production";
  /** The seed's table kinds, in the order they are provisioned and checked. */
  public static final List<String> KINDS = List.of("orders", "sessions", "metrics", "inventory", "accounts",
      "idempotency");

  private static final String PART = "[A-Za-z0-9_.-]{0,200}";
  private static final Environment DEFAULT = new Environment("", DEFAULT_SUFFIX);

  private final String prefix;
  private final String suffix;

  private Environment(String prefix, String suffix) {
    this.prefix = prefix;
    this.suffix = suffix;
  }

  /** The seed's own names: {@code orders-production}, ..., {@code ddbkit-idempotency}. */
  public static Environment seed() {
    return DEFAULT;
  }

  /**
   * The environment of the options, each falling back to its environment variable ({@link #PREFIX_ENV},
   * {@link #SUFFIX_ENV}) and then to the seed's default; a value that cannot be part of a table name is a
   * usage error naming the option.
   */
  public static Environment of(Optional<String> prefixOption, Optional<String> suffixOption,
      Function<String, String> env) {
    String prefix = prefixOption.or(() -> Optional.ofNullable(env.apply(PREFIX_ENV))).orElse("");
    String suffix = suffixOption.or(() -> Optional.ofNullable(env.apply(SUFFIX_ENV))).orElse(DEFAULT_SUFFIX);
    check("--env-prefix", PREFIX_ENV, prefixOption.isPresent(), prefix);
    check("--env-suffix", SUFFIX_ENV, suffixOption.isPresent(), suffix);
    return new Environment(prefix, suffix);
  }

  private static void check(String option, String variable, boolean fromOption, String value) {
    if (!value.matches(PART)) {
      throw CliFailure.usage((fromOption ? option : variable + " (read because " + option + " is not given)")
          + " may contain only letters, digits, '_', '-' and '.', at most 200 of them, but was '" + value + "'.");
    }
  }

  /** The table name of {@code kind} (one of {@link #KINDS}) in this environment. */
  public String table(String kind) {
    if (kind.equals("idempotency")) {
      return prefix + IdempotencyTable.DEFAULT_NAME + (suffix.equals(DEFAULT_SUFFIX) ? "" : suffix);
    }
    return prefix + kind + suffix;
  }

  /** Every table of this environment with its definition, keyed by kind, in {@link #KINDS} order. */
  public Map<String, TableDefinition> definitions() {
    Map<String, TableDefinition> all = new LinkedHashMap<>();
    for (String kind : KINDS) {
      all.put(kind, definition(kind, table(kind)));
    }
    return all;
  }

  /** The definitions of {@link #definitions()}, as a list. */
  public List<TableDefinition> tables() {
    return new ArrayList<>(definitions().values());
  }

  /**
   * The seed definition of {@code kind} under the name {@code table}; outside the seed's own environment its
   * {@code Environment} tag names this environment instead of {@code production}.
   */
  public TableDefinition definition(String kind, String table) {
    TableDefinition seed = switch (kind) {
      case "orders" -> SeedTables.orders();
      case "sessions" -> SeedTables.sessions();
      case "metrics" -> SeedTables.metrics();
      case "inventory" -> SeedTables.inventory();
      case "accounts" -> SeedTables.accounts();
      case "idempotency" -> IdempotencyTable.definition();
      default -> throw new IllegalArgumentException("Unknown table kind " + kind + ".");
    };
    TableDefinition named = seed.name().equals(table) ? seed : seed.withName(table);
    if (named.tags().containsKey("Environment") && !equals(DEFAULT)) {
      named = named.toBuilder().tag("Environment", name()).build();
    }
    return named;
  }

  /** The environment's name for tags and messages: the suffix or prefix without separators. */
  public String name() {
    String n = trim(suffix);
    return n.isEmpty() ? trim(prefix) : n;
  }

  /** The kind of {@code table} when its name has this environment's form. */
  public Optional<String> kindOf(String table) {
    return KINDS.stream().filter(k -> table(k).equals(table)).findFirst();
  }

  /**
   * The environment whose naming gives {@code table}, guessed from the name alone ({@code orders-staging} is
   * the orders table of suffix {@code -staging}), with its kind.
   */
  public static Optional<Map.Entry<String, Environment>> guess(String table) {
    for (String kind : KINDS) {
      String base = kind.equals("idempotency") ? IdempotencyTable.DEFAULT_NAME : kind;
      int at = table.indexOf(base);
      while (at >= 0) {
        String prefix = table.substring(0, at);
        String rest = table.substring(at + base.length());
        boolean prefixOk = prefix.isEmpty() || prefix.endsWith("-") || prefix.endsWith("_") || prefix.endsWith(".");
        boolean suffixOk = rest.isEmpty() ? kind.equals("idempotency")
            : rest.startsWith("-") || rest.startsWith("_") || rest.startsWith(".");
        if (prefixOk && suffixOk && prefix.matches(PART) && rest.matches(PART)) {
          String suffix = rest.isEmpty() ? DEFAULT_SUFFIX : rest;
          return Optional.of(Map.entry(kind, new Environment(prefix, suffix)));
        }
        at = table.indexOf(base, at + 1);
      }
    }
    return Optional.empty();
  }

  /** The options that select this environment, such as {@code --env-suffix=-staging}; empty for the seed's own. */
  public String options() {
    StringBuilder b = new StringBuilder();
    if (!prefix.isEmpty()) {
      b.append(" --env-prefix=").append(prefix);
    }
    if (!suffix.equals(DEFAULT_SUFFIX)) {
      b.append(" --env-suffix=").append(suffix);
    }
    return b.toString().trim();
  }

  /** The prefix. */
  public String prefix() {
    return prefix;
  }

  /** The suffix. */
  public String suffix() {
    return suffix;
  }

  private static String trim(String s) {
    return s.replaceAll("^[-_.]+|[-_.]+$", "");
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Environment e && e.prefix.equals(prefix) && e.suffix.equals(suffix);
  }

  @Override
  public int hashCode() {
    return prefix.hashCode() * 31 + suffix.hashCode();
  }

  @Override
  public String toString() {
    return "environment " + (options().isEmpty() ? "(seed names)" : options());
  }
}
