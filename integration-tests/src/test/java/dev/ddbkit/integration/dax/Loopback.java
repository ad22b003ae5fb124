package dev.ddbkit.integration.dax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback addresses only: a port nobody listens on. */
final class Loopback {
  private Loopback() {}

  /** A DAX endpoint on 127.0.0.1 whose port was free a moment ago and is now closed. */
  static String closedDaxEndpoint() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "dax://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
