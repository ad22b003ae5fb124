package dev.ddbkit.benchmarks.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's own speed (issue 15): in-process start-up, sequential PutItem and GetItem through the SDK's
 * sync client with the emulator's server-side time per request, and the heap a million ~100-byte items hold.
 * Runs in a fresh child JVM ({@link EmulatorBenchMain}) with the emulator in it, so that the first start is
 * really the first one in its JVM and the heap measured is the emulator's. DynamoDB Local is not run: its
 * figures are reference numbers measured earlier on this machine.
 */
public final class EmulatorBenchmark {
  private static final Logger log = LoggerFactory.getLogger(EmulatorBenchmark.class);
  /** DynamoDB Local 2.6.1, measured earlier on this machine: in-process start-up, seconds. */
  static final double LOCAL_STARTUP_SECONDS = 2.0;
  /** DynamoDB Local 2.6.1, measured earlier on this machine: sequential PutItem per second. */
  static final double LOCAL_PUTS_PER_SECOND = 790;
  static final double STARTUP_TARGET_SECONDS = 0.3;
  static final double RATE_TARGET = 5 * LOCAL_PUTS_PER_SECOND;
  static final long HEAP_TARGET_BYTES = 1L << 30;
  static final int MILLION = 1_000_000;

  private EmulatorBenchmark() {}

  /** Sizes: warm-up and measured calls per operation, items for the heap measure. */
  record Sizes(int warmup, int measured, int heapItems) {
    static Sizes of(Mode mode) {
      return mode.name().equals("full") ? new Sizes(50_000, 50_000, MILLION) : new Sizes(20_000, 10_000, 200_000);
    }
  }

  /** Runs the child JVM and returns the section. */
  public static Section run(Mode mode) {
    Sizes sizes = Sizes.of(mode);
    String heap = mode.name().equals("full") ? "3g" : "1g";
    Map<String, Long> r = runChild(heap, sizes);
    return section(r, sizes, heap);
  }

  static Section section(Map<String, Long> r, Sizes sizes, String heap) {
    double first = r.get("firstStartNanos") / 1e9;
    double restart = r.get("medianRestartNanos") / 1e9;
    long calls = r.get("calls");
    double putRate = calls / (r.get("putNanos") / 1e9);
    double getRate = calls / (r.get("getNanos") / 1e9);
    double putServer = (double) r.get("putServerNanos") / Math.max(1, r.get("putServerRequests"));
    double getServer = (double) r.get("getServerNanos") / Math.max(1, r.get("getServerRequests"));
    long items = r.get("heapItems");
    long held = r.get("heapAfterBytes") - r.get("heapBaselineBytes");
    double perItem = (double) held / items;
    double perMillion = perItem * MILLION;
    boolean extrapolated = items != MILLION;
    double writeRate = items / (r.get("heapWriteNanos") / 1e9);

    Section s = Section.titled("The emulator itself (issue 15)")
        .intro("ddbkit's emulator in a fresh JVM of its own (`-Xmx" + heap + " -XX:+UseParallelGC`), client and "
            + "server in that JVM, reached over HTTP on loopback. **Start-up**: `DynamoDbEmulator.start()` timed "
            + "around the call, the first time in the JVM (classes loaded and initialised) and the median of "
            + EmulatorBenchMain.RESTARTS + " more start/close cycles. **Sequential rates**: one thread, the AWS SDK "
            + "v2 sync client (Apache HTTP client, as `DdbkitClients` builds it), items of exactly "
            + EmulatorBenchMain.ITEM_BYTES + " bytes (a string key and a string payload), "
            + String.format(Locale.ROOT, "%,d", sizes.warmup()) + " PutItem and GetItem warm-up calls each, then "
            + String.format(Locale.ROOT, "%,d", calls) + " PutItem (new items) followed by as many GetItem "
            + "(existing items, spread over the table); the rate is calls over wall time. **Server-side time** is "
            + "`DynamoDbEmulator.stats()` over the same calls: its request handler's time from the start of the "
            + "handler to the response written, divided by the requests; the rest of the client-side time is the "
            + "SDK (marshalling, signing, the HTTP client), the JDK HTTP server's parsing, and loopback. "
            + "**Heap**: used heap after three `System.gc()` before and after writing the items (BatchWriteItem, "
            + "25 a request, 4 writer threads) into one table, the emulator and client alive throughout. "
            + "DynamoDB Local was not run here: its figures are reference numbers measured earlier on this "
            + "machine (DynamoDB Local 2.6.1).")
        .columns("measure", "ddbkit emulator", "DynamoDB Local (reference, measured earlier)", "target");
    s.row("in-process start-up, first in the JVM", seconds(first), "~2 s",
        String.format(Locale.ROOT, "≤ %.1f s", STARTUP_TARGET_SECONDS));
    s.row("in-process start-up, median of the next " + EmulatorBenchMain.RESTARTS, seconds(restart), "—", "—");
    s.row("sequential PutItem / s (sync client, one thread)", rate(putRate), "~790",
        "≥ " + rate(RATE_TARGET));
    s.row("sequential GetItem / s (sync client, one thread)", rate(getRate), "—", "≥ " + rate(RATE_TARGET));
    s.row("PutItem: client-side mean / median / p99", micros(1e9 / putRate) + " / " + micros(r.get("putMedianNanos"))
        + " / " + micros(r.get("putP99Nanos")), "~1.27 ms (1 / 790)", "—");
    s.row("PutItem: server-side mean (`stats()`)", micros(putServer) + " (" + percent(putServer, 1e9 / putRate)
        + " of the client-side mean)", "—", "—");
    s.row("GetItem: client-side mean / median / p99", micros(1e9 / getRate) + " / " + micros(r.get("getMedianNanos"))
        + " / " + micros(r.get("getP99Nanos")), "—", "—");
    s.row("GetItem: server-side mean (`stats()`)", micros(getServer) + " (" + percent(getServer, 1e9 / getRate)
        + " of the client-side mean)", "—", "—");
    s.row("heap held by " + String.format(Locale.ROOT, "%,d", items) + " items of ~100 bytes", mb(held)
        + String.format(Locale.ROOT, " (%.0f bytes an item; written at %s items / s)", perItem, rate(writeRate)),
        "—", "—");
    s.row(extrapolated ? "heap for 1,000,000 items (**extrapolated** ×" + (MILLION / items) + " from "
        + String.format(Locale.ROOT, "%,d", items) + ")" : "heap for 1,000,000 items (measured)", mb(perMillion), "—",
        "≤ 1 GB");
    s.target("emulator in-process start-up ≤ 0.3 s (issue 15)", first <= STARTUP_TARGET_SECONDS,
        String.format(Locale.ROOT, "first start %s, next starts %s median; DynamoDB Local ~2 s", seconds(first),
            seconds(restart)));
    s.target("emulator sequential PutItem and GetItem ≥ 5× DynamoDB Local's 790/s = 3,950/s (issue 15)",
        putRate >= RATE_TARGET && getRate >= RATE_TARGET, String.format(Locale.ROOT,
            "PutItem %s/s (%.1f× 790), GetItem %s/s (%.1f× 790)", rate(putRate), putRate / LOCAL_PUTS_PER_SECOND,
            rate(getRate), getRate / LOCAL_PUTS_PER_SECOND));
    s.target("emulator heap for 1,000,000 items of ~100 bytes ≤ 1 GB (issue 15)", perMillion <= HEAP_TARGET_BYTES,
        mb(perMillion) + (extrapolated ? ", extrapolated from " + String.format(Locale.ROOT, "%,d", items)
            + " items measured" : ", measured"));
    if (r.get("heapItemsCounted") != items) {
      s.note("Warning: the table reported " + r.get("heapItemsCounted") + " items, not " + items + ".");
    }
    s.note("Client and server share the JVM and the machine's cores here, so the client's own work (the SDK) is "
        + "part of the rates; the server-side column shows how much of each call the emulator itself takes. "
        + "Heap per item includes the table's index structures; JVM metadata (classes, compiled code) is outside "
        + "the heap and not counted." + (extrapolated ? " Quick mode writes " + String.format(Locale.ROOT, "%,d", items)
        + " items and multiplies; `--full` writes the full million." : ""));
    return s;
  }

  private static Map<String, Long> runChild(String heap, Sizes sizes) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + heap, "-XX:+UseParallelGC",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), EmulatorBenchMain.class.getName(),
        Integer.toString(sizes.warmup()), Integer.toString(sizes.measured()), Integer.toString(sizes.heapItems()));
    pb.redirectErrorStream(true);
    try {
      Process p = pb.start();
      String result = null;
      StringBuilder output = new StringBuilder();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          output.append(line).append('\n');
          if (line.startsWith(EmulatorBenchMain.RESULT)) {
            result = line.substring(EmulatorBenchMain.RESULT.length());
          }
        }
      }
      int exit = p.waitFor();
      if (exit != 0 || result == null) {
        throw new IllegalStateException("The emulator benchmark failed (exit " + exit + "):\n" + output);
      }
      Map<String, Long> values = new HashMap<>();
      for (String kv : result.trim().split(" ")) {
        int eq = kv.indexOf('=');
        values.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
      }
      log.info("Emulator: {}", values);
      return values;
    } catch (IOException e) {
      throw new IllegalStateException("Could not run the emulator benchmark", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  private static String seconds(double s) {
    return s < 1 ? String.format(Locale.ROOT, "%.0f ms", s * 1000) : String.format(Locale.ROOT, "%.2f s", s);
  }

  private static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%,.0f", perSecond);
  }

  private static String micros(double nanos) {
    return String.format(Locale.ROOT, "%.0f µs", nanos / 1000);
  }

  private static String percent(double part, double whole) {
    return String.format(Locale.ROOT, "%.0f %%", 100 * part / whole);
  }

  private static String mb(double bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024));
  }
}
