package dev.ddbkit.cli.internal;

import dev.ddbkit.testkit.DynamoDbLocal;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Opens the demo's connection: the given endpoint or region, or the embedded ddbkit emulator. */
final class DemoBackend {
  private DemoBackend() {}

  static Connection open(ConnectionOptions options, PrintWriter err, boolean progress) {
    if (options.targetsExistingDynamoDb()) {
      return Connection.open(options);
    }
    if (progress) {
      err.println("> Starting the embedded ddbkit emulator (in memory, loopback only)");
      err.flush();
    }
    DynamoDbLocal local = startQuietly();
    if (progress) {
      err.println(String.format(Locale.ROOT, "  listening on %s, started in %s", local.endpoint(),
          Percentiles.format(local.startupTime())));
      err.flush();
    }
    return Connection.open("the embedded ddbkit emulator (" + local.endpoint() + ")",
        local.clientSettings().toBuilder(), new OperationRecorder(), local);
  }

  /**
   * Nothing a backend prints while it starts may reach {@code System.out}, which is the demo's report (and its
   * JSON with {@code --json}).
   */
  private static DynamoDbLocal startQuietly() {
    PrintStream stdout = System.out;
    synchronized (DemoBackend.class) {
      System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
      try {
        return DynamoDbLocal.start();
      } finally {
        System.setOut(stdout);
      }
    }
  }
}
