package dev.ddbkit.core.table;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a live table measures against the seed guide's production checklist: one {@link ReadinessItem} per
 * item, each met, missing or not checkable on this backend. Readable as data ({@link #items()}) and as text
 * ({@link #toText()}).
 *
 * <pre>{@code
 * ReadinessReport report = ReadinessCheck.of(client).check(SeedTables.orders());
 * if (!report.ready()) {
 *   log.warn(report.toText());
 * }
 * }</pre>
 *
 * @param table the table checked
 * @param items every item, in checklist order
 */
public record ReadinessReport(String table, List<ReadinessItem> items) {

  public ReadinessReport {
    items = List.copyOf(items);
  }

  /** Whether no item is missing (items that cannot be checked do not count against readiness). */
  public boolean ready() {
    return missing().isEmpty();
  }

  /** The items that are missing. */
  public List<ReadinessItem> missing() {
    return withStatus(ReadinessStatus.MISSING);
  }

  /** The items this backend cannot check. */
  public List<ReadinessItem> notCheckable() {
    return withStatus(ReadinessStatus.NOT_CHECKABLE);
  }

  /** The items with {@code status}. */
  public List<ReadinessItem> withStatus(ReadinessStatus status) {
    return items.stream().filter(i -> i.status() == status).toList();
  }

  /** The item named {@code name}, if the report has one. */
  public Optional<ReadinessItem> item(String name) {
    return items.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** The report as aligned text, one item per line, for logs and the command line. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("Readiness of table ").append(table).append(": ")
        .append(withStatus(ReadinessStatus.MET).size()).append(" met, ")
        .append(missing().size()).append(" missing, ")
        .append(notCheckable().size()).append(" not checkable");
    int nameWidth = items.stream().mapToInt(i -> i.name().length()).max().orElse(0);
    for (ReadinessItem i : items) {
      sb.append(System.lineSeparator())
          .append(String.format(Locale.ROOT, "  %-15s %-11s %-" + Math.max(1, nameWidth) + "s  %s",
              "[" + i.status() + "]", i.category(), i.name(), i.detail()));
    }
    return sb.toString();
  }
}
