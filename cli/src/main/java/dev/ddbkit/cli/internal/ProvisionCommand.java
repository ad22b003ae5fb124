package dev.ddbkit.cli.internal;

import dev.ddbkit.core.table.EnsureResult;
import dev.ddbkit.core.table.TableManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ddbkit provision}: creates an environment's tables where absent and reports drift of existing ones. */
@Command(name = "provision", mixinStandardHelpOptions = true,
    description = {"Create the tables of an environment (orders, sessions, metrics, inventory, accounts and the "
        + "transactions' idempotency table) where absent, wait until they are ACTIVE and enable TTL; report how "
        + "existing tables differ from their definition. Progress per table goes to stderr.",
        "The seed's names by default (orders-production, ...); --env-suffix=-staging creates orders-staging, ....",
        "Idempotent: running it twice changes nothing."})
public final class ProvisionCommand extends ConnectedCommand {

  @Option(names = "--no-progress", description = "Do not show progress on stderr.")
  boolean noProgress;

  @Override
  void validate(Environment environment) {
    environment.tables().forEach(t -> Options.tableName("--env-prefix / --env-suffix", t.name()));
  }

  @Override
  int run(Connection c) {
    if (!noProgress) {
      err().println("> Provisioning " + environment().tables().size() + " tables at " + c.target()
          + (environment().options().isEmpty() ? "" : " (" + environment().options() + ")"));
      err().flush();
    }
    List<EnsureResult> results = Provisioning.ensureAll(TableManager.of(c.sync()), environment().tables(), err(),
        !noProgress);
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
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("endpoint", c.target());
      m.put("envPrefix", environment().prefix());
      m.put("envSuffix", environment().suffix());
      m.put("tables", tables);
      out().println(Json.write(Json.document(m)));
    } else {
      out().println("Provisioned " + results.size() + " tables at " + c.target() + ":");
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
