package dev.ddbkit.benchmarks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplesTest {

  @Test
  void percentiles_useTheNearestRank_overEverythingAdded() {
    Samples s = new Samples();
    for (int i = 1000; i >= 1; i--) {
      s.add(i);
    }
    assertThat(s.count()).isEqualTo(1000);
    assertThat(s.median()).isEqualTo(500);
    assertThat(s.p99()).isEqualTo(990);
    assertThat(s.percentile(100)).isEqualTo(1000);
    assertThat(new Samples().median()).isZero();
  }

  @Test
  void ratiosAndMillis_areFormattedForTheResultsFile() {
    assertThat(Samples.ratio(3, 2)).isEqualTo("1.50x");
    assertThat(Samples.ratio(1, 0)).isEqualTo("n/a");
    assertThat(Samples.millis(1_234_567)).isEqualTo("1.23 ms");
  }

  @Test
  void section_rendersAMarkdownTable_withTargetVerdicts() {
    String md = Section.titled("Bulk metric ingest").intro("What was measured.")
        .columns("method", "points / s").row("batch", "1,000").row("put", "100")
        .target("bulk ingest ≥ 10× per-point puts", true, "10.00x").note("A note.").toMarkdown();
    assertThat(md).isEqualTo("""
        ## Bulk metric ingest

        What was measured.

        | method | points / s |
        | --- | ---: |
        | batch | 1,000 |
        | put | 100 |

        - Target bulk ingest ≥ 10× per-point puts: **met** (10.00x)

        A note.

        """);
  }

  @Test
  void results_startWithTheMachineDescription() {
    String md = ResultsWriter.render("quick", java.time.Duration.ofSeconds(90),
        Map.of("Cores available to the JVM", "2"), List.of(Section.titled("S").target("t ≤ 1", false, "2")));
    assertThat(md).startsWith("# ddbkit benchmark results")
        .contains("Mode: **quick**", "| Cores available to the JVM | 2 |", "## S")
        .contains("## Targets of issue 9 at a glance\n\n- t ≤ 1: **not met** (2) — S\n");
  }

  @Test
  void machineDescription_namesCoresMemoryJavaAndDate() {
    assertThat(Machine.describe()).containsKeys("Date (UTC)", "Cores available to the JVM", "Physical memory",
        "Java");
  }
}
