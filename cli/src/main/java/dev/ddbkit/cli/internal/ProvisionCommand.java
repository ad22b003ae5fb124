package dev.ddbkit.cli.internal;

import dev.ddbkit.core.table.EnsureResult;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.core.table.TableManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code ddbkit provision}: creates the seed's tables where absent and reports drift of existing ones. */
@Command(name = "provision", mixinStandardHelpOptions = true,
    description = {"Create the seed's tables (orders, sessions, metrics, inventory, accounts) and the "
        + "transactions' idempotency table where absent, "
        + "wait until they are ACTIVE and enable TTL; report how existing tables differ from their definition.",
        "Idempotent: running it twice changes nothing."})
public final class ProvisionCommand extends ConnectedCommand {

  @Override
  int run(Connection c) {
    TableManager manager = TableManager.of(c.sync());
    List<EnsureResult> results = new ArrayList<>();
    for (TableDefinition t : Demo.tables()) {
      results.add(manager.ensure(t));
    }
    if (output.json()) {
      List<Object> tables = new ArrayList<>();
      for (EnsureResult r : results) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", r.table());
        m.put("created", r.created());
        m.put("matchesDefinition", r.matches());
        m.put("differences", r.differences());
        tables.add(m);
      }
      out().println(Json.write(Map.of("endpoint", c.target(), "tables", tables)));
    } else {
      out().println("Provisioned the seed's tables at " + c.target() + ":");
      out().print(render(results));
    }
    return ok();
  }

  static String render(List<EnsureResult> results) {
    TextTable t = TextTable.of("table", "action", "matches definition");
    for (EnsureResult r : results) {
      t.row(r.table(), r.created() ? "created" : "already existed",
          r.matches() ? "yes" : "NO: " + String.join("; ", r.differences()));
    }
    return t.render("  ");
  }
}
