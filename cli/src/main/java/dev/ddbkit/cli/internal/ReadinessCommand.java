package dev.ddbkit.cli.internal;

import dev.ddbkit.cli.ExitCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ddbkit readiness --table T}: the production checklist of live tables. */
@Command(name = "readiness", mixinStandardHelpOptions = true,
    description = {"Check live tables against the seed's production checklist: capacity mode, auto scaling, "
        + "encryption, point-in-time recovery, TTL, GSIs, tags.",
        "Each item is met, missing, or not checkable on this backend (DynamoDB Local has no backups)."})
public final class ReadinessCommand extends ConnectedCommand {

  @Option(names = {"--table", "-t"}, paramLabel = "TABLE", required = true,
      description = "Table to check; repeat for several.")
  List<String> tables = new ArrayList<>();

  @Option(names = "--strict", description = "Exit with 5 when any item is missing.")
  boolean strict;

  @Override
  int run(Connection c) {
    ReadinessCheck check = ReadinessCheck.using(c.sync());
    List<ReadinessCheck.Report> reports = new ArrayList<>();
    for (String t : tables) {
      reports.add(check.check(t));
    }
    if (output.json()) {
      out().println(Json.write(Map.of("tables",
          reports.stream().map(ReadinessCheck.Report::toMap).collect(Collectors.toList()))));
    } else {
      for (ReadinessCheck.Report r : reports) {
        out().print(render(r));
      }
    }
    ok();
    return strict && reports.stream().anyMatch(ReadinessCheck.Report::anyMissing) ? ExitCode.NOT_READY : ExitCode.OK;
  }

  static String render(ReadinessCheck.Report r) {
    TextTable t = TextTable.of("", "item", "detail");
    for (ReadinessCheck.Item i : r.items()) {
      t.row(switch (i.status()) {
        case MET -> "[ok]";
        case MISSING -> "[MISSING]";
        case NOT_CHECKABLE -> "[n/a]";
      }, i.name(), i.detail());
    }
    return "Readiness of " + r.table() + (r.anyMissing() ? " (items missing)" : "") + ":" + System.lineSeparator()
        + t.render("  ");
  }
}
