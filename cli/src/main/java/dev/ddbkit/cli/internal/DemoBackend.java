package dev.ddbkit.cli.internal;

import java.io.PrintWriter;

/** Opens the demo's connection: the given endpoint or region, or an embedded DynamoDB Local. */
final class DemoBackend {
  private DemoBackend() {}

  static Connection open(ConnectionOptions options, PrintWriter err, boolean progress) {
    if (options.targetsExistingDynamoDb()) {
      return Connection.open(options);
    }
    throw CliFailure.usage("This build has no embedded DynamoDB Local yet: pass --endpoint URL or --region R.");
  }
}
