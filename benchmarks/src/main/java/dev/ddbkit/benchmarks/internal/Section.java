package dev.ddbkit.benchmarks.internal;

import java.util.ArrayList;
import java.util.List;

/** One part of the results file: a heading, what was measured, a Markdown table, and target verdicts. */
public final class Section {
  private final String title;
  private final List<String> intro = new ArrayList<>();
  private List<String> header = List.of();
  private final List<List<String>> rows = new ArrayList<>();
  private final List<String> verdicts = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private Section(String title) {
    this.title = title;
  }

  /** A section with {@code title}. */
  public static Section titled(String title) {
    return new Section(title);
  }

  /** Adds a paragraph saying what was measured and how. */
  public Section intro(String paragraph) {
    intro.add(paragraph);
    return this;
  }

  /** Sets the table's column headers. */
  public Section columns(String... names) {
    header = List.of(names);
    return this;
  }

  /** Adds a table row. */
  public Section row(Object... cells) {
    List<String> r = new ArrayList<>();
    for (Object c : cells) {
      r.add(String.valueOf(c));
    }
    rows.add(r);
    return this;
  }

  /** Records whether a target of the issue was reached, with the measured value. */
  public Section target(String target, boolean met, String measured) {
    verdicts.add("- Target " + target + ": **" + (met ? "met" : "not met") + "** (" + measured + ")");
    return this;
  }

  /** Adds a note below the table. */
  public Section note(String note) {
    notes.add(note);
    return this;
  }

  /** The section as Markdown. */
  public String toMarkdown() {
    StringBuilder b = new StringBuilder("## ").append(title).append("\n\n");
    for (String p : intro) {
      b.append(p).append("\n\n");
    }
    if (!header.isEmpty()) {
      b.append("| ").append(String.join(" | ", header)).append(" |\n|");
      for (int i = 0; i < header.size(); i++) {
        b.append(i == 0 ? " --- |" : " ---: |");
      }
      b.append('\n');
      for (List<String> r : rows) {
        b.append("| ").append(String.join(" | ", r)).append(" |\n");
      }
      b.append('\n');
    }
    for (String v : verdicts) {
      b.append(v).append('\n');
    }
    if (!verdicts.isEmpty()) {
      b.append('\n');
    }
    for (String n : notes) {
      b.append(n).append("\n\n");
    }
    return b.toString();
  }

  /** The target verdicts, as Markdown list items. */
  public List<String> verdicts() {
    return List.copyOf(verdicts);
  }

  /** The title. */
  public String title() {
    return title;
  }
}
