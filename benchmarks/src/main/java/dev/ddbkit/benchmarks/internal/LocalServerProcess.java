package dev.ddbkit.benchmarks.internal;

import dev.ddbkit.core.ClientSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The ddbkit emulator in a child JVM, so that the server's heap, threads and garbage collection stay out of the
 * measured client JVM (the memory benchmark would otherwise measure the server's tables too).
 */
public final class LocalServerProcess implements AutoCloseable {
  static final String ENDPOINT_LINE = "ddbkit-benchmarks-endpoint=";

  private final Process process;
  private final URI endpoint;

  private LocalServerProcess(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /** Starts the server with {@code heap} (such as {@code 2g}) and waits until it listens. */
  public static LocalServerProcess start(String heap) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx" + heap, "-XX:+UseParallelGC",
        "-cp", System.getProperty("java.class.path"), LocalServerMain.class.getName()));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      Process p = pb.start();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(ENDPOINT_LINE)) {
          URI endpoint = URI.create(line.substring(ENDPOINT_LINE.length()).trim());
          Thread drain = new Thread(() -> drain(out), "dynamodb-local-stdout");
          drain.setDaemon(true);
          drain.start();
          return new LocalServerProcess(p, endpoint);
        }
      }
      p.destroyForcibly();
      throw new IllegalStateException("The emulator's process ended before it listened (exit "
          + p.waitFor() + ").");
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the emulator's process", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting the emulator", e);
    }
  }

  /** The server's endpoint. */
  public URI endpoint() {
    return endpoint;
  }

  /** Client settings for the server (static local credentials). */
  public ClientSettings.Builder settings() {
    return ClientSettings.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")));
  }

  /** Client settings for the same server reached through another endpoint, such as a delay proxy. */
  public ClientSettings.Builder settings(URI via) {
    return settings().endpointOverride(via);
  }

  private static void drain(BufferedReader out) {
    try {
      while (out.readLine() != null) {
        // discard the server's console output
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
