package dev.ddbkit.cli.internal;

import dev.ddbkit.cli.ExitCode;
import dev.ddbkit.core.error.ResourceNotFoundException;
import dev.ddbkit.core.table.ReadinessCheck;
import dev.ddbkit.core.table.ReadinessItem;
import dev.ddbkit.core.table.ReadinessReport;
import dev.ddbkit.core.table.TableDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ddbkit readiness [--table T]...}: the production checklist of live tables. */
@Command(name = "readiness", mixinStandardHelpOptions = true,
    description = {"Check live tables against the seed's production checklist and their definition: status, "
        + "capacity mode, auto scaling, encryption, point-in-time recovery, backups, alarms, keys, GSIs, TTL, tags.",
        "Each item is met, missing, or not checkable on this backend (alarms live in CloudWatch, outside DynamoDB).",
        "Without --table, every table of the environment is checked. A table is checked against the seed "
            + "definition of its kind: taken from its name (orders-staging is an orders table) or given with --as.",
        "Every table gets a report; a table that does not exist is reported as missing and the exit code is 3."})
public final class ReadinessCommand extends ConnectedCommand {
  /** What {@code --as} accepts. */
  static final String KINDS = String.join(", ", Environment.KINDS);

  @Option(names = {"--table", "-t"}, paramLabel = "TABLE",
      description = "Table to check; repeat for several (default: every table of the environment).")
  List<String> tables = new ArrayList<>();

  @Option(names = "--as", paramLabel = "KIND",
      description = "Check against this definition: orders, sessions, metrics, inventory, accounts or idempotency "
          + "(default: the kind in the table's name).")
  @Nullable String kind;

  @Option(names = "--strict", description = "Exit with 5 when any checklist item is missing.")
  boolean strict;

  private final List<TableDefinition> definitions = new ArrayList<>();

  @Override
  void validate(Environment environment) {
    definitions.clear();
    if (tables.isEmpty()) {
      environment.tables().forEach(t -> definitions.add(t));
      definitions.forEach(d -> Options.tableName("--env-prefix / --env-suffix", d.name()));
      return;
    }
    for (String t : tables) {
      definitions.add(definitionFor(Options.tableName("--table", t), kind, environment));
    }
  }

  @Override
  int run(Connection c) {
    ReadinessCheck check = ReadinessCheck.of(c.sync());
    List<Result> results = new ArrayList<>();
    for (TableDefinition d : definitions) {
      try {
        results.add(new Result(d.name(), Optional.of(check.check(d))));
      } catch (ResourceNotFoundException e) {
        results.add(new Result(d.name(), Optional.empty()));
      }
    }
    if (output.json()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("endpoint", c.target());
      m.put("tables", results.stream().map(r -> r.report().map(ReadinessCommand::toMap)
          .orElseGet(() -> missingTable(r.table()))).collect(Collectors.toList()));
      out().println(Json.write(Json.document(m)));
    } else {
      if (results.size() > 1) {
        out().print(summary(results));
        out().println();
      }
      for (Result r : results) {
        out().print(r.report().map(ReadinessCommand::render).orElseGet(() -> "Readiness of " + r.table()
            + ": the table does not exist at " + c.target() + "." + System.lineSeparator()));
        out().println();
      }
    }
    ok();
    List<String> absent = results.stream().filter(r -> r.report().isEmpty()).map(Result::table).toList();
    if (!absent.isEmpty()) {
      err().println("ddbkit: " + (absent.size() == 1 ? "Table " + absent.get(0) + " does not exist"
          : "Tables " + String.join(", ", absent) + " do not exist") + " at " + c.target() + ". "
          + CliFailure.createHint(absent.get(0)));
      err().flush();
      return ExitCode.UNAVAILABLE;
    }
    return strict && results.stream().anyMatch(r -> !r.report().orElseThrow().ready()) ? ExitCode.NOT_READY
        : ExitCode.OK;
  }

  /** The readiness of one table; empty when the table does not exist. */
  record Result(String table, Optional<ReadinessReport> report) {}

  /**
   * The definition {@code table} is checked against: the seed definition of {@code kind}, or of the kind its
   * name shows (in {@code environment}'s naming or any other), renamed to {@code table}.
   */
  static TableDefinition definitionFor(String table, @Nullable String kind, Environment environment) {
    String k = kind != null ? kind.trim().toLowerCase(Locale.ROOT)
        : environment.kindOf(table).or(() -> Environment.guess(table).map(Map.Entry::getKey)).orElse(null);
    if (k == null) {
      throw CliFailure.usage("Table " + table + " is not named like one of the seed's tables; pass --as with one of "
          + KINDS + " to check it against that kind's definition.");
    }
    if (!Environment.KINDS.contains(k)) {
      throw CliFailure.usage("--as must be one of " + KINDS + " but was '" + kind + "'.");
    }
    return environment.definition(k, table);
  }

  static Map<String, Object> missingTable(String table) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("table", table);
    m.put("exists", false);
    m.put("ready", false);
    m.put("met", 0);
    m.put("missing", 0);
    m.put("notCheckable", 0);
    m.put("items", List.of());
    return m;
  }

  static Map<String, Object> toMap(ReadinessReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("table", r.table());
    m.put("exists", true);
    m.put("ready", r.ready());
    m.put("met", met(r));
    m.put("missing", r.missing().size());
    m.put("notCheckable", r.notCheckable().size());
    List<Object> items = new ArrayList<>();
    for (ReadinessItem i : r.items()) {
      Map<String, Object> im = new LinkedHashMap<>();
      im.put("category", i.category());
      im.put("item", i.name());
      im.put("status", i.status().name());
      im.put("detail", i.detail());
      items.add(im);
    }
    m.put("items", items);
    return m;
  }

  static int met(ReadinessReport r) {
    return r.items().size() - r.missing().size() - r.notCheckable().size();
  }

  /** One line per table: met, missing (by name) and not checkable. */
  static String summary(List<Result> results) {
    TextTable t = TextTable.of("table", "met", "missing", "n/a", "missing items");
    for (Result r : results) {
      if (r.report().isEmpty()) {
        t.row(r.table(), "-", "-", "-", "THE TABLE DOES NOT EXIST");
        continue;
      }
      ReadinessReport rep = r.report().get();
      t.row(rep.table(), met(rep), rep.missing().size(), rep.notCheckable().size(),
          rep.missing().stream().map(ReadinessItem::name).collect(Collectors.joining(", ")));
    }
    return t.render("  ");
  }

  static String render(ReadinessReport r) {
    TextTable t = TextTable.of("", "category", "item", "detail");
    for (ReadinessItem i : r.items()) {
      t.row(switch (i.status()) {
        case MET -> "[ok]";
        case MISSING -> "[MISSING]";
        case NOT_CHECKABLE -> "[n/a]";
      }, i.category(), i.name(), i.detail());
    }
    return String.format(Locale.ROOT, "Readiness of %s: %d met, %d missing, %d not checkable here%n", r.table(),
        met(r), r.missing().size(), r.notCheckable().size()) + t.render("  ");
  }
}
