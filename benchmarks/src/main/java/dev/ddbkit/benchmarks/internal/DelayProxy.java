package dev.ddbkit.benchmarks.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on loopback that models a network round trip: every chunk a client sends waits
 * {@code delay} before it is forwarded, so each HTTP request over a kept-alive connection costs one extra
 * {@code delay}. Responses pass through at once.
 */
public final class DelayProxy implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DelayProxy.class);

  private final ServerSocket server;
  private final URI upstream;
  private final long delayNanos;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "delay-proxy");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean closed;

  private DelayProxy(URI upstream, Duration delay) throws IOException {
    this.upstream = upstream;
    this.delayNanos = delay.toNanos();
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    threads.execute(this::acceptLoop);
  }

  /** Starts a proxy in front of {@code upstream} adding {@code delay} to each request. */
  public static DelayProxy start(URI upstream, Duration delay) {
    try {
      return new DelayProxy(upstream, delay);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the delay proxy", e);
    }
  }

  /** The proxy's own endpoint. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        Socket target = new Socket(upstream.getHost(), upstream.getPort());
        client.setTcpNoDelay(true);
        target.setTcpNoDelay(true);
        threads.execute(() -> pump(client, target, delayNanos));
        threads.execute(() -> pump(target, client, 0));
      } catch (IOException e) {
        if (!closed) {
          log.debug("delay proxy accept failed: {}", e.toString());
        }
      }
    }
  }

  private static void pump(Socket from, Socket to, long delay) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int n;
      long lastChunk = 0;
      while ((n = in.read(buffer)) >= 0) {
        // a request written in several chunks arrives back to back: only its first chunk pays the delay
        if (delay > 0 && System.nanoTime() - lastChunk > 1_000_000L) {
          sleepNanos(delay);
        }
        lastChunk = System.nanoTime();
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // the other side closed the connection
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void sleepNanos(long nanos) {
    long end = System.nanoTime() + nanos;
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    threads.shutdownNow();
  }

  private static void closeQuietly(ServerSocket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
