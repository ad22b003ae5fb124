package dev.ddbkit.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback port that accepts connections, counts them and answers nothing: a command pointed at it must not
 * connect when it rejects its options first.
 */
final class CountingServer implements AutoCloseable {
  private final ServerSocket socket;
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;

  private CountingServer(ServerSocket socket) {
    this.socket = socket;
    this.acceptor = new Thread(() -> {
      while (!socket.isClosed()) {
        try (Socket s = socket.accept()) {
          connections.incrementAndGet();
        } catch (IOException closed) {
          return;
        }
      }
    }, "counting-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static CountingServer start() throws IOException {
    return new CountingServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
  }

  String endpoint() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
