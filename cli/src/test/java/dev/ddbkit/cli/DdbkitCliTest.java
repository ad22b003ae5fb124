package dev.ddbkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class DdbkitCliTest {

  @Test
  void help_printsEveryCommandAndTheExitCodes_andExitsZero() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    for (String command : new String[] {"demo", "provision", "readiness", "orders", "metrics"}) {
      assertThat(run.out()).containsPattern("(?m)^  " + command + "\\s");
    }
    assertThat(run.out()).contains("Exit codes:", "3   endpoint unreachable or table missing");
  }

  @Test
  void noCommand_isAUsageError() {
    CliRun run = CliRun.of();
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("Missing command");
  }

  @Test
  void unknownCommand_isAUsageError() {
    assertThat(CliRun.of("destroy-everything").exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void unknownOption_isAUsageError() {
    assertThat(CliRun.of("provision", "--colour").exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void readiness_ofATableNotNamedLikeASeedTable_isAUsageErrorListingEveryKind_beforeConnecting() throws IOException {
    try (CountingServer server = CountingServer.start()) {
      CliRun run = CliRun.of("readiness", "-t", "nosuchtable", "--endpoint", server.endpoint());
      assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(run.err()).contains("--as", "orders, sessions, metrics, inventory, accounts, idempotency");
      assertThat(server.connections()).isZero();
    }
  }

  @Test
  void endpoint_thatIsNotAnHttpUrl_isAUsageErrorNamingTheOption() {
    CliRun run = CliRun.of("provision", "--endpoint", "localhost:8000");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--endpoint must be an http or https URL");
  }

  @Test
  void region_thatIsNotARegion_isAUsageErrorNamingTheOption() {
    CliRun run = CliRun.of("provision", "--region", "Mars North");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--region must be an AWS region");
  }

  @Test
  void demo_withTooFewOrders_isAUsageError() {
    assertThat(CliRun.of("demo", "--orders", "3").exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void demo_withNonNumericSize_isAUsageError() {
    assertThat(CliRun.of("demo", "--points", "many").exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void metricsQuery_withoutFrom_isAUsageError() {
    CliRun run = CliRun.of("metrics", "query", "--name", "page_views");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--from");
  }

  @Test
  void metricsQuery_withMalformedTime_isAUsageErrorNamingTheOption() {
    CliRun run = CliRun.of("metrics", "query", "--name", "page_views", "--from", "last tuesday",
        "--endpoint", "http://127.0.0.1:9");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--from must be an ISO-8601 instant");
  }

  @Test
  void ordersList_withoutCustomer_isAUsageError() {
    assertThat(CliRun.of("orders", "list").exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void groupCommands_withoutSubcommand_areUsageErrors() {
    assertThat(CliRun.of("orders").exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(CliRun.of("metrics").exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void unreachableEndpoint_exitsWithThree_andSaysWhichEndpoint() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + port;
    for (String[] args : new String[][] {
        {"provision", "--endpoint", endpoint},
        {"readiness", "--table", "orders-production", "--endpoint", endpoint, "--json"},
        {"orders", "list", "--customer", "c-1", "--endpoint", endpoint},
        {"metrics", "query", "--name", "page_views", "--from", "-1h", "--aggregate", "--endpoint", endpoint}}) {
      CliRun run = CliRun.of(args);
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.UNAVAILABLE);
      assertThat(run.err()).contains("Cannot reach " + endpoint);
      if (args[args.length - 1].equals("--json")) {
        assertThat(run.out()).contains("\"code\": \"UNAVAILABLE\"", "\"exitCode\": 3");
      } else {
        assertThat(run.out()).isEmpty();
      }
    }

    CliRun demo = CliRun.of("demo", "--endpoint", endpoint, "--no-progress");
    assertThat(demo.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(demo.err()).contains("demo failed at Provision the tables: Cannot reach " + endpoint);
    assertThat(demo.out()).contains("1. Provision the tables  [FAILED", "skipped: the tables could not be provisioned");
  }
}
