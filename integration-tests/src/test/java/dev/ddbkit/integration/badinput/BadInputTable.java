package dev.ddbkit.integration.badinput;

import java.util.ArrayList;
import java.util.List;

/** Renders the cases as the Markdown table of docs/bad-input.md, so the document cannot drift from the tests. */
final class BadInputTable {
  static final String HEADER = "| module | input | what the caller gets | written? | test |";
  static final String RULE = "|---|---|---|---|---|";

  private BadInputTable() {}

  static List<String> rows(List<BadInput> cases, String rejectedTest, String reachingTest) {
    List<String> rows = new ArrayList<>();
    for (BadInput c : cases) {
      String gets = "`" + c.type().getSimpleName() + "`"
          + (c.argument() == null ? "" : " (argument `" + c.argument() + "`)");
      if (c.gap()) {
        gets = "**gap**: " + gets;
      }
      String written = c.operations().isEmpty() ? "no; no request sent"
          : "no; " + String.join(", ", c.operations()) + " sent, nothing written";
      String test = c.operations().isEmpty() ? rejectedTest : reachingTest;
      rows.add("| " + c.module() + " | " + escape(c.input()) + " | " + gets + " | " + written + " | `BadInputIT."
          + test + "` |");
    }
    return rows;
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
