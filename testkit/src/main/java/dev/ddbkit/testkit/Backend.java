package dev.ddbkit.testkit;

/** Where the DynamoDB that tests talk to comes from. */
public enum Backend {
  /** ddbkit's DynamoDB emulator ({@code ddbkit-emulator}) started inside the test JVM on a free loopback port (the default). */
  EMBEDDED,
  /** The {@code amazon/dynamodb-local} image through Testcontainers; needs a Docker engine. */
  TESTCONTAINERS,
  /** An endpoint that is already running, from {@code DDBKIT_ENDPOINT} (AWS or another emulator). */
  EXTERNAL
}
