package dev.ddbkit.cli.internal;

import java.util.ArrayList;
import java.util.List;

/** Renders rows as aligned text columns; numeric-looking cells are right-aligned. */
public final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  private TextTable(List<String> header) {
    this.header = List.copyOf(header);
  }

  /** A table with these column headers. */
  public static TextTable of(String... header) {
    return new TextTable(List.of(header));
  }

  /** Adds a row; missing cells are blank. */
  public TextTable row(Object... cells) {
    List<String> r = new ArrayList<>();
    for (Object c : cells) {
      r.add(String.valueOf(c));
    }
    rows.add(r);
    return this;
  }

  /** Whether no row was added. */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The table as lines, each prefixed with {@code indent}. */
  public String render(String indent) {
    int[] width = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      width[i] = header.get(i).length();
    }
    for (List<String> r : rows) {
      for (int i = 0; i < Math.min(r.size(), width.length); i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder b = new StringBuilder();
    line(b, indent, header, width);
    List<String> rule = new ArrayList<>();
    for (int w : width) {
      rule.add("-".repeat(w));
    }
    line(b, indent, rule, width);
    for (List<String> r : rows) {
      line(b, indent, r, width);
    }
    return b.toString();
  }

  private static void line(StringBuilder b, String indent, List<String> cells, int[] width) {
    StringBuilder l = new StringBuilder(indent);
    for (int i = 0; i < width.length; i++) {
      String c = i < cells.size() ? cells.get(i) : "";
      boolean numeric = !c.isEmpty() && c.matches("[-+]?[0-9][0-9.,]*( ?[a-z%µ]+)?|[0-9.]+x|-");
      String pad = " ".repeat(width[i] - c.length());
      l.append(numeric ? pad + c : c + pad);
      if (i < width.length - 1) {
        l.append("  ");
      }
    }
    b.append(l.toString().stripTrailing()).append(System.lineSeparator());
  }
}
