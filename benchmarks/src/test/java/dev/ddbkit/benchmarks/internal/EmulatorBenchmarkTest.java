package dev.ddbkit.benchmarks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmulatorBenchmarkTest {

  private static Map<String, Long> measured(long heldBytes, long items) {
    Map<String, Long> r = new HashMap<>();
    r.put("firstStartNanos", 150_000_000L);
    r.put("medianRestartNanos", 2_000_000L);
    r.put("calls", 10_000L);
    r.put("putNanos", 2_000_000_000L);     // 5,000 / s
    r.put("putMedianNanos", 190_000L);
    r.put("putP99Nanos", 400_000L);
    r.put("putServerRequests", 10_000L);
    r.put("putServerNanos", 500_000_000L); // 50 µs a request
    r.put("getNanos", 4_000_000_000L);     // 2,500 / s
    r.put("getMedianNanos", 390_000L);
    r.put("getP99Nanos", 800_000L);
    r.put("getServerRequests", 10_000L);
    r.put("getServerNanos", 300_000_000L);
    r.put("heapItems", items);
    r.put("heapItemsCounted", items);
    r.put("heapWriteNanos", 10_000_000_000L);
    r.put("heapBaselineBytes", 50_000_000L);
    r.put("heapAfterBytes", 50_000_000L + heldBytes);
    return r;
  }

  @Test
  void quickMode_extrapolatesTheHeapToAMillion_andJudgesEachTarget() {
    Section s = EmulatorBenchmark.section(measured(100L * 1024 * 1024, 200_000),
        new EmulatorBenchmark.Sizes(20_000, 10_000, 200_000), "1g");
    assertThat(s.verdicts()).hasSize(3);
    assertThat(s.verdicts().get(0)).contains("start-up ≤ 0.3 s", "**met**", "150 ms");
    assertThat(s.verdicts().get(1)).contains("**not met**", "PutItem 5,000/s", "GetItem 2,500/s");
    assertThat(s.verdicts().get(2)).contains("**met**", "500 MB, extrapolated from 200,000");
    assertThat(s.toMarkdown()).contains("**extrapolated** ×5 from 200,000", "50 µs (25 % of the client-side mean)");
  }

  @Test
  void fullMode_measuresTheMillion_andFailsAHeapAboveOneGigabyte() {
    Section s = EmulatorBenchmark.section(measured(1200L * 1024 * 1024, 1_000_000),
        new EmulatorBenchmark.Sizes(50_000, 50_000, 1_000_000), "3g");
    assertThat(s.verdicts().get(2)).contains("**not met**", "1200 MB, measured");
    assertThat(s.toMarkdown()).contains("heap for 1,000,000 items (measured)");
  }
}
