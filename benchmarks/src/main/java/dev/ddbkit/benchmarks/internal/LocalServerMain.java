package dev.ddbkit.benchmarks.internal;

import dev.ddbkit.testkit.DynamoDbLocal;
import java.io.IOException;

/** The child process of {@link LocalServerProcess}: runs DynamoDB Local until its stdin closes. */
public final class LocalServerMain {
  private LocalServerMain() {}

  /** Starts DynamoDB Local, prints its endpoint, and stops when stdin reaches its end. */
  public static void main(String[] args) throws IOException {
    try (DynamoDbLocal local = DynamoDbLocal.start()) {
      System.out.println(LocalServerProcess.ENDPOINT_LINE + local.endpoint());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our stdin
      }
    }
    System.exit(0);
  }
}
