package dev.ddbkit.benchmarks.internal;

import dev.ddbkit.benchmarks.jmh.CursorCodecBenchmark;
import dev.ddbkit.benchmarks.jmh.MergeBenchmark;
import dev.ddbkit.benchmarks.jmh.OrdersPageBenchmark;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs the JMH micro-benchmarks with the budget of the mode and reports their scores. */
public final class JmhBenchmarks {
  private JmhBenchmarks() {}

  /** Runs the benchmarks in {@code dev.ddbkit.benchmarks.jmh}. */
  public static Section run(Mode mode) {
    Mode.JmhBudget b = mode.jmh();
    Options options = new OptionsBuilder()
        .include(CursorCodecBenchmark.class.getName())
        .include(MergeBenchmark.class.getName())
        .include(OrdersPageBenchmark.class.getName())
        .warmupIterations(b.warmupIterations())
        .warmupTime(TimeValue.milliseconds(b.millisPerIteration()))
        .measurementIterations(b.measurementIterations())
        .measurementTime(TimeValue.milliseconds(b.millisPerIteration()))
        .forks(b.forks())
        .threads(1)
        .verbosity(VerboseMode.SILENT)
        .build();
    Collection<RunResult> results;
    try {
      results = new Runner(options).run();
    } catch (RunnerException e) {
      throw new IllegalStateException("JMH failed", e);
    }
    Section s = Section.titled("Micro-benchmarks (JMH)")
        .intro("CPU cost of ddbkit's own work, without any I/O: signing and verifying an orders cursor, one page "
            + "of 20 orders by customer (`ddbkitPage`: request, item mapping, cursor) against the raw SDK call "
            + "returning the same canned response (`rawQuery`), both on an in-memory client, and the "
            + "streaming k-way merge of the sharded reader over 10 in-memory shards of 1,000 points (pages of 500). "
            + b.warmupIterations() + " warm-up and " + b.measurementIterations() + " measured iterations of "
            + b.millisPerIteration() + " ms, " + (b.forks() == 0 ? "in the harness's JVM (quick mode, no fork)"
                : b.forks() + " fork(s)") + ".")
        .columns("benchmark", "score", "error (99.9 %)", "unit", "per point");
    for (RunResult r : results) {
      var p = r.getPrimaryResult();
      String name = r.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      String perPoint = "";
      if (name.startsWith("MergeBenchmark")) {
        int points = Integer.parseInt(r.getParams().getParam("shards"))
            * Integer.parseInt(r.getParams().getParam("pointsPerShard"));
        double nanos = p.getScore() * TimeUnit.MILLISECONDS.toNanos(1) / points;
        perPoint = String.format(Locale.ROOT, "%.0f ns", nanos);
      }
      s.row(name, String.format(Locale.ROOT, "%.3f", p.getScore()),
          Double.isNaN(p.getScoreError()) ? "n/a" : String.format(Locale.ROOT, "± %.3f", p.getScoreError()),
          p.getScoreUnit(), perPoint);
    }
    s.note("Quick mode runs these in the harness's own JVM with very short iterations: treat them as orders of "
        + "magnitude. Full mode forks a fresh JVM.");
    return s;
  }
}
