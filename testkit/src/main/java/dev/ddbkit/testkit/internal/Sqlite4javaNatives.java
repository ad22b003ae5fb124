package dev.ddbkit.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sqlite4java's native library loadable without any set-up: the testkit jar carries the natives
 * (bundled at build time from the artifacts DynamoDB Local depends on); they are copied once per JVM to a
 * temporary directory that {@code sqlite4java.library.path} then points at.
 */
public final class Sqlite4javaNatives {
  private static final Logger log = LoggerFactory.getLogger(Sqlite4javaNatives.class);
  private static final String PROPERTY = "sqlite4java.library.path";
  private static final String RESOURCE_DIR = "/dev/ddbkit/testkit/native/";
  private static final List<String> LIBRARIES = List.of(
      "libsqlite4java-linux-amd64.so",
      "libsqlite4java-linux-i386.so",
      "libsqlite4java-osx.dylib",
      "sqlite4java-win32-x64.dll",
      "sqlite4java-win32-x86.dll");

  private static volatile boolean installed;

  private Sqlite4javaNatives() {}

  /** Sets {@code sqlite4java.library.path} unless the user already did. Idempotent and thread-safe. */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    String existing = System.getProperty(PROPERTY);
    if (existing != null && !existing.isBlank()) {
      log.debug("Using sqlite4java natives from {}={}", PROPERTY, existing);
      installed = true;
      return;
    }
    try {
      Path dir = Files.createTempDirectory("ddbkit-sqlite4java");
      dir.toFile().deleteOnExit();
      int copied = 0;
      for (String library : LIBRARIES) {
        try (InputStream in = Sqlite4javaNatives.class.getResourceAsStream(RESOURCE_DIR + library)) {
          if (in == null) {
            continue;
          }
          Path target = dir.resolve(library);
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          target.toFile().deleteOnExit();
          copied++;
        }
      }
      if (copied == 0) {
        throw new IllegalStateException("The ddbkit-testkit jar carries no sqlite4java native libraries under "
            + RESOURCE_DIR + "; set -D" + PROPERTY + " to a directory holding them.");
      }
      System.setProperty(PROPERTY, dir.toString());
      log.debug("Extracted {} sqlite4java native libraries to {}", copied, dir);
      installed = true;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not extract sqlite4java native libraries", e);
    }
  }
}
