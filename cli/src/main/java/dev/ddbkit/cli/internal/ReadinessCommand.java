package dev.ddbkit.cli.internal;

import dev.ddbkit.cli.ExitCode;
import dev.ddbkit.core.table.ReadinessCheck;
import dev.ddbkit.core.table.ReadinessItem;
import dev.ddbkit.core.table.ReadinessReport;
import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.transactions.IdempotencyTable;
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

/** {@code ddbkit readiness --table T}: the production checklist of live tables. */
@Command(name = "readiness", mixinStandardHelpOptions = true,
    description = {"Check live tables against the seed's production checklist and their definition: status, "
        + "capacity mode, auto scaling, encryption, point-in-time recovery, backups, alarms, keys, GSIs, TTL, tags.",
        "Each item is met, missing, or not checkable on this backend (DynamoDB Local has no backups).",
        "A table is checked against the seed definition of the same name, or of the kind given with --as."})
public final class ReadinessCommand extends ConnectedCommand {

  @Option(names = {"--table", "-t"}, paramLabel = "TABLE", required = true,
      description = "Table to check; repeat for several.")
  List<String> tables = new ArrayList<>();

  @Option(names = "--as", paramLabel = "KIND",
      description = "Check against this definition: orders, sessions, metrics, inventory, accounts or idempotency "
          + "(default: the one whose table name matches, such as orders for orders-production or orders-staging).")
  @Nullable String kind;

  @Option(names = "--strict", description = "Exit with 5 when any item is missing.")
  boolean strict;

  @Override
  int run(Connection c) {
    List<TableDefinition> definitions = new ArrayList<>();
    for (String t : tables) {
      definitions.add(definitionFor(t, kind));
    }
    ReadinessCheck check = ReadinessCheck.of(c.sync());
    List<ReadinessReport> reports = new ArrayList<>();
    for (TableDefinition d : definitions) {
      reports.add(check.check(d));
    }
    if (output.json()) {
      out().println(Json.write(Map.of("tables", reports.stream().map(ReadinessCommand::toMap)
          .collect(Collectors.toList()))));
    } else {
      for (ReadinessReport r : reports) {
        out().print(render(r));
      }
    }
    ok();
    return strict && reports.stream().anyMatch(r -> !r.ready()) ? ExitCode.NOT_READY : ExitCode.OK;
  }

  /** The seed definition {@code table} is checked against, renamed to {@code table}. */
  static TableDefinition definitionFor(String table, @Nullable String kind) {
    String k = kind != null ? kind.trim().toLowerCase(Locale.ROOT) : seedKind(table).orElse(null);
    if (k == null) {
      throw CliFailure.usage("Table " + table + " is not one of the seed's tables; pass --as orders, sessions, "
          + "metrics, inventory or accounts to check it against one of their definitions.");
    }
    TableDefinition seed = switch (k) {
      case "orders" -> SeedTables.orders();
      case "sessions" -> SeedTables.sessions();
      case "metrics" -> SeedTables.metrics();
      case "inventory" -> SeedTables.inventory();
      case "accounts" -> SeedTables.accounts();
      case "idempotency" -> IdempotencyTable.definition();
      default -> throw CliFailure.usage("--as must be orders, sessions, metrics, inventory or accounts but was '"
          + kind + "'.");
    };
    return seed.name().equals(table) ? seed : seed.withName(table);
  }

  private static Optional<String> seedKind(String table) {
    if (table.equals(IdempotencyTable.DEFAULT_NAME)) {
      return Optional.of("idempotency");
    }
    for (String kind : List.of("orders", "sessions", "metrics", "inventory", "accounts")) {
      if (table.equals(kind) || table.startsWith(kind + "-") || table.startsWith(kind + "_")) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  static Map<String, Object> toMap(ReadinessReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("table", r.table());
    m.put("ready", r.ready());
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
        r.items().size() - r.missing().size() - r.notCheckable().size(), r.missing().size(), r.notCheckable().size())
        + t.render("  ");
  }
}
