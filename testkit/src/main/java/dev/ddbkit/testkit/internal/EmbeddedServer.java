package dev.ddbkit.testkit.internal;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** DynamoDB Local started in this JVM, in memory, bound to the loopback interface only. */
public final class EmbeddedServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
  private static final int START_ATTEMPTS = 5;
  private static final String DYNAMODB_LOCAL_JOBS = "com.amazonaws.services.dynamodbv2.local.shared.jobs.";

  private static final Object LIVE_LOCK = new Object();
  /** Embedded servers started and not yet closed in this JVM; guarded by {@link #LIVE_LOCK}. */
  private static int live;
  /** The threads that existed before the first of the currently live servers started. */
  private static Set<Thread> threadsBeforeFirstLive = Set.of();

  private final DynamoDBProxyServer server;
  private final int port;
  private boolean closed;

  private EmbeddedServer(DynamoDBProxyServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** How many embedded servers are running in this JVM (started and not yet closed). */
  public static int liveServers() {
    synchronized (LIVE_LOCK) {
      return live;
    }
  }

  /** Starts a new server on a free loopback port. */
  public static EmbeddedServer start() {
    Sqlite4javaNatives.install();
    Exception last = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      int port = freeLoopbackPort();
      Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
      try {
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
            new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
        bindToLoopback(server);
        synchronized (LIVE_LOCK) {
          server.start();
          if (live++ == 0) {
            threadsBeforeFirstLive = before;
          }
        }
        log.debug("DynamoDB Local listening on 127.0.0.1:{}", port);
        return new EmbeddedServer(server, port);
      } catch (Exception e) {
        // another process may have taken the port between probing and binding
        last = e;
        log.debug("DynamoDB Local did not start on port {} (attempt {}): {}", port, attempt, e.toString());
      }
    }
    throw new IllegalStateException("DynamoDB Local did not start after " + START_ATTEMPTS + " attempts", last);
  }

  /** The port the server listens on, on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** Stops the server; the last live embedded server to close also ends DynamoDB Local's job threads. */
  @Override
  public void close() {
    synchronized (LIVE_LOCK) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        server.stop();
      } catch (Exception e) {
        throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
      } finally {
        if (--live == 0) {
          stopBackgroundJobs(threadsBeforeFirstLive);
          threadsBeforeFirstLive = Set.of();
        }
      }
    }
  }

  /**
   * DynamoDB Local's stop cancels its background jobs (stream shard rollover) but leaves their threads in a
   * long sleep; they would outlive the server by hours. The job threads are created lazily (per database,
   * on first request) and cannot be told apart by server, so they are interrupted only when the last live
   * embedded server closes: every DynamoDB Local job thread that did not exist before the first of them
   * started is interrupted, which ends it at once. While another embedded server runs, its jobs (TTL
   * deletion, GSI creation) are left alone.
   */
  private static void stopBackgroundJobs(Set<Thread> threadsBefore) {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (!threadsBefore.contains(t) && t.isAlive() && Arrays.stream(t.getStackTrace())
          .anyMatch(f -> f.getClassName().startsWith(DYNAMODB_LOCAL_JOBS))) {
        t.interrupt();
      }
    }
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

  /**
   * DynamoDB Local's Jetty server listens on every interface by default; tests must only ever be reachable
   * on loopback, so its connector's host is set to 127.0.0.1 before it starts.
   */
  private static void bindToLoopback(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
    Object jetty = null;
    for (Field f : DynamoDBProxyServer.class.getDeclaredFields()) {
      if (f.getType().getName().equals("org.eclipse.jetty.server.Server")) {
        f.setAccessible(true);
        jetty = f.get(proxy);
      }
    }
    if (jetty == null) {
      throw new IllegalStateException("Cannot find DynamoDB Local's Jetty server to bind it to loopback");
    }
    Object[] connectors = (Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty);
    for (Object connector : connectors) {
      connector.getClass().getMethod("setHost", String.class).invoke(connector, "127.0.0.1");
    }
  }
}
