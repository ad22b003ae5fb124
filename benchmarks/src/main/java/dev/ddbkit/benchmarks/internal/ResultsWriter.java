package dev.ddbkit.benchmarks.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Writes the results file. */
public final class ResultsWriter {
  private ResultsWriter() {}

  /** The whole results document as Markdown. */
  public static String render(String mode, Duration elapsed, Map<String, String> machine, List<Section> sections) {
    StringBuilder b = new StringBuilder("# ddbkit benchmark results\n\n");
    b.append("Mode: **").append(mode).append("**, total run time ").append(elapsed.toSeconds()).append(" s. ")
        .append("Produced by `java -jar benchmarks/target/ddbkit-benchmarks.jar --").append(mode)
        .append("`; see `benchmarks/README.md` for what each number means.\n\n");
    b.append("| Machine | |\n| --- | --- |\n");
    machine.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    b.append("\nAll end-to-end runs use the ddbkit emulator (in memory) in a separate JVM on the same machine, "
        + "reached over HTTP on loopback. It is not DynamoDB: it shares the "
        + "CPU with the client, so absolute numbers say little about production; the ratios between two ways "
        + "of doing the same work are what these runs are for.\n\n");
    StringBuilder targets = new StringBuilder();
    for (Section s : sections) {
      for (String v : s.verdicts()) {
        targets.append(v.replaceFirst("^- Target ", "- ")).append(" — ").append(s.title()).append('\n');
      }
    }
    if (targets.length() > 0) {
      b.append("## Targets of issue 9 at a glance\n\n").append(targets).append('\n');
    }
    for (Section s : sections) {
      b.append(s.toMarkdown());
    }
    return b.toString();
  }

  /** Writes {@code markdown} to {@code file}. */
  public static void write(Path file, String markdown) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, markdown, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Could not write " + file, e);
    }
  }
}
