package dev.ddbkit.benchmarks;

import dev.ddbkit.benchmarks.internal.EmulatorBenchmark;
import dev.ddbkit.benchmarks.internal.JmhBenchmarks;
import dev.ddbkit.benchmarks.internal.LocalServerProcess;
import dev.ddbkit.benchmarks.internal.MetricsBenchmarks;
import dev.ddbkit.benchmarks.internal.OverheadBenchmark;
import dev.ddbkit.benchmarks.internal.StreamingMemoryBenchmark;
import dev.ddbkit.benchmarks.internal.Machine;
import dev.ddbkit.benchmarks.internal.Mode;
import dev.ddbkit.benchmarks.internal.ResultsWriter;
import dev.ddbkit.benchmarks.internal.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every benchmark in one go and writes {@code benchmarks/RESULTS.md}.
 *
 * <pre>{@code
 * java -jar benchmarks/target/ddbkit-benchmarks.jar --quick     # under two minutes
 * java -jar benchmarks/target/ddbkit-benchmarks.jar --full      # tighter percentiles, 1,000,000-point read
 * java -jar benchmarks/target/ddbkit-benchmarks.jar --quick --output /tmp/results.md --skip-jmh
 * }</pre>
 */
public final class BenchmarkMain {
  private static final Logger log = LoggerFactory.getLogger(BenchmarkMain.class);

  private BenchmarkMain() {}

  /** Parses the arguments, runs the benchmarks and writes the results; exits 2 on a bad argument. */
  public static void main(String[] args) {
    // The fault proxy runs on the JDK's HTTP server, which leaves Nagle's algorithm on unless told otherwise;
    // with delayed ACKs that adds about 40 ms to every proxied request and would swamp the simulated 5 ms.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Mode mode = Mode.quick();
    Path output = null;
    boolean jmh = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> mode = Mode.quick();
        case "--full" -> mode = Mode.full();
        case "--skip-jmh" -> jmh = false;
        case "--output" -> {
          if (i + 1 >= args.length) {
            usage("--output needs a file name.");
          }
          output = Path.of(args[++i]);
        }
        case "--help", "-h" -> {
          usage(null);
        }
        default -> usage("Unknown argument '" + args[i] + "'.");
      }
    }
    Path file = output != null ? output : defaultOutput();
    long start = System.nanoTime();
    List<Section> sections = run(mode, jmh);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    String markdown = ResultsWriter.render(mode.name(), elapsed, Machine.describe(), sections);
    ResultsWriter.write(file, markdown);
    log.info("Benchmarks ({} mode) finished in {} s; results written to {}", mode.name(), elapsed.toSeconds(),
        file.toAbsolutePath());
    System.exit(0);
  }

  /** Runs the benchmarks of {@code mode} and returns their sections, in report order. */
  public static List<Section> run(Mode mode, boolean jmh) {
    List<Section> sections = new ArrayList<>();
    // first, in a JVM of its own, before the server process of the other sections starts
    sections.add(timed("emulator", () -> EmulatorBenchmark.run(mode)));
    try (LocalServerProcess server = LocalServerProcess.start(mode.serverHeap())) {
      log.info("ddbkit emulator (separate JVM) at {}", server.endpoint());
      sections.add(timed("ddbkit vs raw SDK", () -> OverheadBenchmark.run(server, mode)));
      sections.add(timed("bulk ingest", () -> MetricsBenchmarks.ingest(server, mode)));
      sections.add(timed("scatter-gather", () -> MetricsBenchmarks.scatterGather(server, mode)));
      sections.add(timed("streaming memory", () -> StreamingMemoryBenchmark.run(server, mode)));
    }
    if (jmh) {
      sections.add(timed("JMH", () -> JmhBenchmarks.run(mode)));
    }
    return sections;
  }

  private static Section timed(String name, java.util.function.Supplier<Section> benchmark) {
    log.info("Running {}", name);
    long t0 = System.nanoTime();
    Section s = benchmark.get();
    log.info("{} done in {} s", name, Duration.ofNanos(System.nanoTime() - t0).toSeconds());
    return s;
  }

  /** {@code benchmarks/RESULTS.md} when run from the repository root, else {@code RESULTS.md} here. */
  static Path defaultOutput() {
    Path module = Path.of("benchmarks");
    return Files.isDirectory(module) && Files.exists(module.resolve("pom.xml"))
        ? module.resolve("RESULTS.md") : Path.of("RESULTS.md");
  }

  private static void usage(String error) {
    String text = """
        Usage: java -jar ddbkit-benchmarks.jar [--quick | --full] [--output FILE] [--skip-jmh]
          --quick      small sizes, under two minutes (default)
          --full       larger sizes and the 1,000,000-point streaming read
          --output     where to write the Markdown results (default benchmarks/RESULTS.md)
          --skip-jmh   leave out the JMH micro-benchmarks""";
    if (error == null) {
      log.info("{}", text);
      System.exit(0);
    }
    log.error("{}{}{}", error, System.lineSeparator(), text);
    System.exit(2);
  }

  static String percent(double ratio) {
    return String.format(Locale.ROOT, "%+.1f %%", (ratio - 1) * 100);
  }
}
