package dev.ddbkit.benchmarks.internal;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A description of the machine the benchmarks ran on, for the results file. */
public final class Machine {
  private Machine() {}

  /** Name and value pairs: date, CPU, cores, memory, OS, Java. */
  public static Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("Date (UTC)", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
    m.put("CPU", cpuModel());
    m.put("Cores available to the JVM", Integer.toString(Runtime.getRuntime().availableProcessors()));
    m.put("Physical memory", physicalMemory());
    m.put("Max heap (-Xmx)", (Runtime.getRuntime().maxMemory() >> 20) + " MB");
    m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
        + System.getProperty("os.arch") + ")");
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    if (load >= 0) {
      m.put("Load average (1 min) at start", String.format(Locale.ROOT, "%.1f", load));
    }
    m.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    return m;
  }

  private static String cpuModel() {
    try {
      Path cpuinfo = Path.of("/proc/cpuinfo");
      if (Files.isReadable(cpuinfo)) {
        for (String line : Files.readAllLines(cpuinfo)) {
          if (line.startsWith("model name")) {
            return line.substring(line.indexOf(':') + 1).trim();
          }
        }
      }
    } catch (Exception e) {
      // fall through to the generic description
    }
    return System.getProperty("os.arch");
  }

  private static String physicalMemory() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return String.format(Locale.ROOT, "%.1f GB", sun.getTotalMemorySize() / (1024.0 * 1024 * 1024));
    }
    return "unknown";
  }
}
