package dev.ddbkit.testkit.internal;

import dev.ddbkit.emulator.DynamoDbEmulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** ddbkit's DynamoDB emulator started in this JVM, in memory, bound to the loopback interface only. */
public final class EmbeddedServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

  private static final Object LIVE_LOCK = new Object();
  /** Embedded servers started and not yet closed in this JVM; guarded by {@link #LIVE_LOCK}. */
  private static int live;

  private final DynamoDbEmulator emulator;
  private boolean closed;

  private EmbeddedServer(DynamoDbEmulator emulator) {
    this.emulator = emulator;
  }

  /** How many embedded servers are running in this JVM (started and not yet closed). */
  public static int liveServers() {
    synchronized (LIVE_LOCK) {
      return live;
    }
  }

  /** Starts a new server on a free loopback port. */
  public static EmbeddedServer start() {
    DynamoDbEmulator emulator = DynamoDbEmulator.start();
    synchronized (LIVE_LOCK) {
      live++;
    }
    log.debug("DynamoDB emulator listening on {}", emulator.endpoint());
    return new EmbeddedServer(emulator);
  }

  /** The port the server listens on, on 127.0.0.1. */
  public int port() {
    return emulator.port();
  }

  /** Stops the server, releasing its port; none of its threads outlives this call. */
  @Override
  public void close() {
    synchronized (LIVE_LOCK) {
      if (closed) {
        return;
      }
      closed = true;
      live--;
    }
    emulator.close();
  }

  /** A port that was free on 127.0.0.1 a moment ago. */
  public static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free loopback port", e);
    }
  }
}
