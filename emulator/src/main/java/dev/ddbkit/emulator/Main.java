package dev.ddbkit.emulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone: {@code java -jar ddbkit-emulator.jar [--port 8000] [--host 127.0.0.1]}.
 * Stops on Ctrl-C.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws InterruptedException, UnknownHostException {
    int port = 8000;
    InetAddress host = InetAddress.getLoopbackAddress();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(value(args, ++i));
        case "--host" -> host = InetAddress.getByName(value(args, ++i));
        case "--help", "-h" -> {
          System.out.println("Usage: java -jar ddbkit-emulator.jar [--port 8000] [--host 127.0.0.1]");
          return;
        }
        default -> {
          System.err.println("Unknown option " + args[i] + "; try --help");
          System.exit(2);
        }
      }
    }
    DynamoDbEmulator emulator = DynamoDbEmulator.builder().port(port).bindAddress(host).start();
    System.out.println("ddbkit emulator listening on " + emulator.endpoint());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "ddbkit-emulator-shutdown"));
    stopped.await();
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      System.err.println("Missing value for " + args[i - 1]);
      System.exit(2);
    }
    return args[i];
  }
}
