package dev.ddbkit.cli.internal;

import dev.ddbkit.core.table.ReadinessReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What the demo did, step by step, and what it measured. */
public final class DemoReport {
  /** Outcome of one step. */
  public enum Outcome { OK, FAILED, SKIPPED }

  /** One step of the demo: what was done, the counts, and how it ended. */
  public static final class Step {
    private final String title;
    private final List<String> lines = new ArrayList<>();
    private final Map<String, Object> counts = new LinkedHashMap<>();
    private Outcome outcome = Outcome.OK;
    private String failure = "";
    private int exitCode = dev.ddbkit.cli.ExitCode.OK;
    private Duration elapsed = Duration.ZERO;

    Step(String title) {
      this.title = title;
    }

    /** Adds a line saying what was done. */
    public Step say(String line) {
      lines.add(line);
      return this;
    }

    /** Records a count (or any small value) under {@code name}. */
    public Step count(String name, Object value) {
      counts.put(name, value);
      return this;
    }

    void fail(String why) {
      fail(why, dev.ddbkit.cli.ExitCode.FAILURE);
    }

    void fail(String why, int code) {
      outcome = Outcome.FAILED;
      failure = why;
      exitCode = code;
    }

    void skip(String why) {
      outcome = Outcome.SKIPPED;
      failure = why;
    }

    void elapsed(Duration d) {
      elapsed = d;
    }

    /** The step's title. */
    public String title() {
      return title;
    }

    /** How the step ended. */
    public Outcome outcome() {
      return outcome;
    }

    /** The counts recorded. */
    public Map<String, Object> counts() {
      return counts;
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("title", title);
      m.put("outcome", outcome.name());
      if (!failure.isEmpty()) {
        m.put("reason", failure);
      }
      m.put("elapsedMillis", elapsed.toMillis());
      m.put("lines", lines);
      m.put("counts", counts);
      return m;
    }
  }

  private final String target;
  private final List<Step> steps = new ArrayList<>();
  private Map<String, OperationRecorder.OperationSummary> operations = Map.of();
  private final List<ReadinessReport> readiness = new ArrayList<>();
  private Duration total = Duration.ZERO;
  private final boolean readinessDetails;

  DemoReport(String target, boolean readinessDetails) {
    this.target = target;
    this.readinessDetails = readinessDetails;
  }

  Step step(String title) {
    Step s = new Step(title);
    steps.add(s);
    return s;
  }

  void operations(Map<String, OperationRecorder.OperationSummary> ops) {
    this.operations = Map.copyOf(ops);
  }

  void readiness(ReadinessReport r) {
    readiness.add(r);
  }

  void total(Duration d) {
    total = d;
  }

  /** The steps, in order. */
  public List<Step> steps() {
    return List.copyOf(steps);
  }

  /** Whether every step that ran succeeded. */
  public boolean succeeded() {
    return steps.stream().noneMatch(s -> s.outcome == Outcome.FAILED);
  }

  /**
   * The exit code of the run: {@link dev.ddbkit.cli.ExitCode#OK} when every step succeeded, else the code of the
   * first failed step (such as {@link dev.ddbkit.cli.ExitCode#UNAVAILABLE} when the endpoint could not be reached).
   */
  public int exitCode() {
    return steps.stream().filter(s -> s.outcome == Outcome.FAILED).map(s -> s.exitCode).findFirst()
        .orElse(dev.ddbkit.cli.ExitCode.OK);
  }

  /** The first failure, for the error stream. */
  public String firstFailure() {
    return steps.stream().filter(s -> s.outcome == Outcome.FAILED).map(s -> s.title + ": " + s.failure).findFirst()
        .orElse("");
  }

  /** The report as text. */
  public String toText() {
    String nl = System.lineSeparator();
    StringBuilder b = new StringBuilder();
    b.append("ddbkit demo against ").append(target).append(nl).append(nl);
    int n = 1;
    for (Step s : steps) {
      b.append(String.format(Locale.ROOT, "%d. %s  [%s, %s]", n++, s.title, s.outcome, Percentiles.format(s.elapsed))).append(nl);
      for (String l : s.lines) {
        b.append("   - ").append(l).append(nl);
      }
      if (!s.counts.isEmpty()) {
        b.append("   counts: ").append(s.counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "))).append(nl);
      }
      if (!s.failure.isEmpty()) {
        b.append("   ").append(s.outcome == Outcome.FAILED ? "FAILED: " : "skipped: ").append(s.failure).append(nl);
      }
      b.append(nl);
    }
    b.append("DynamoDB calls (latency of the whole call, SDK retries included). \"expected refusals\" are the answers")
        .append(nl).append("the demo asks for: a condition not met (stale status, duplicate order, replay, insufficient ")
        .append("stock or funds),").append(nl).append("a table not there yet, a probe this backend does not support; ")
        .append("\"errors\" are every other failed call:").append(nl);
    TextTable ops = TextTable.of("operation", "calls", "expected refusals", "errors", "p50", "p99", "max", "retries",
        "throttles");
    long retries = 0;
    long throttles = 0;
    long errors = 0;
    for (OperationRecorder.OperationSummary o : new java.util.TreeMap<>(operations).values()) {
      ops.row(o.operation(), o.calls(), o.expectedRefusals(), o.failures(), Percentiles.format(o.p50()),
          Percentiles.format(o.p99()), Percentiles.format(o.max()), o.retries(), o.throttles());
      retries += o.retries();
      throttles += o.throttles();
      errors += o.failures();
    }
    b.append(ops.render("  "));
    b.append("  errors: ").append(errors).append(", retries seen: ").append(retries)
        .append(", throttled attempts seen: ").append(throttles).append(nl).append(nl);
    if (!readiness.isEmpty()) {
      if (readinessDetails) {
        for (ReadinessReport r : readiness) {
          b.append(ReadinessCommand.render(r)).append(nl);
        }
      } else {
        b.append("Readiness of each table: checklist items met / missing / not checkable on this backend")
            .append(nl).append("(every item with --readiness-details, or with `ddbkit readiness`):").append(nl);
        b.append(ReadinessCommand.summary(readiness.stream()
            .map(r -> new ReadinessCommand.Result(r.table(), java.util.Optional.of(r))).toList()));
        b.append(nl);
      }
    }
    long ok = steps.stream().filter(s -> s.outcome == Outcome.OK).count();
    b.append(String.format(Locale.ROOT, "%s: %d of %d steps ok in %s.", succeeded() ? "Demo complete" : "Demo FAILED", ok,
        steps.size(), Percentiles.format(total))).append(nl);
    return b.toString();
  }

  /** The report as a map, for JSON. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(Json.VERSION_FIELD, Version.current());
    m.put("target", target);
    m.put("succeeded", succeeded());
    m.put("elapsedMillis", total.toMillis());
    m.put("steps", steps.stream().map(Step::toMap).collect(Collectors.toList()));
    m.put("operations", new java.util.TreeMap<>(operations).values().stream()
        .map(OperationRecorder.OperationSummary::toMap).collect(Collectors.toList()));
    m.put("readiness", readiness.stream().map(ReadinessCommand::toMap).collect(Collectors.toList()));
    return m;
  }
}
