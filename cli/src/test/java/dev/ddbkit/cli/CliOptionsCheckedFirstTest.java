package dev.ddbkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Every bad option is a usage error that names the option, is reported before anything connects (the endpoint
 * is a loopback port that counts connections), and comes as an error line plus a one-line hint, or with
 * {@code --json} also as a JSON error object on stdout.
 */
class CliOptionsCheckedFirstTest {
  private CountingServer server;

  @BeforeEach
  void start() throws IOException {
    server = CountingServer.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private CliRun run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--endpoint";
    all[args.length + 1] = server.endpoint();
    return CliRun.of(all);
  }

  private void assertUsageError(CliRun run, String message, String command) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err().lines().toList()).containsExactly("ddbkit: " + message, "see '" + command + " --help'");
    assertThat(server.connections()).as("connections made").isZero();
  }

  @Test
  void blankCustomer_namesTheFlag() {
    assertUsageError(run("orders", "list", "--customer", ""), "--customer must not be blank.", "ddbkit orders list");
  }

  @Test
  void pageSizeOutOfRange_namesTheFlag() {
    assertUsageError(run("orders", "list", "--customer", "c", "--page-size", "0"),
        "--page-size must be between 1 and 1000 but was 0.", "ddbkit orders list");
    assertUsageError(run("orders", "list", "--customer", "c", "--page-size", "5000"),
        "--page-size must be between 1 and 1000 but was 5000.", "ddbkit orders list");
  }

  @Test
  void shortCursorKey_namesTheFlag() {
    assertUsageError(run("orders", "list", "--customer", "c", "--cursor-key", "short"),
        "--cursor-key must be at least 16 characters (UTF-8 bytes) but was 5.", "ddbkit orders list");
  }

  @Test
  void badTableName_namesTheFlag() {
    CliRun run = run("orders", "list", "--customer", "c", "--table", "a/b");
    assertThat(run.err()).startsWith("ddbkit: --table must be a DynamoDB table name");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(server.connections()).isZero();
  }

  @Test
  void metricNameWithHash_namesTheFlag() {
    assertUsageError(run("metrics", "query", "--name", "a#b", "--from", "-1h"),
        "--name must not contain '#' (it separates the name from the shard) but was 'a#b'.", "ddbkit metrics query");
  }

  @Test
  void metricQueryBounds_nameTheirFlags() {
    assertUsageError(run("metrics", "query", "--name", "m", "--from", "-1h", "--limit", "0"),
        "--limit must be at least 1 but was 0.", "ddbkit metrics query");
    CliRun shards = run("metrics", "query", "--name", "m", "--from", "-1h", "--shards", "0");
    assertThat(shards.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(shards.err()).startsWith("ddbkit: --shards ");
    CliRun backwards = run("metrics", "query", "--name", "m", "--from", "2024-01-02", "--to", "2024-01-01");
    assertThat(backwards.err()).startsWith("ddbkit: --to (2024-01-01T00:00:00.000Z) is before --from");
  }

  @Test
  void demoSizes_eachNamesItsFlag_withThePrefix() {
    assertThat(CliRun.of("demo", "--orders", "0").err().lines().toList())
        .containsExactly("ddbkit: --orders must be at least 10 but was 0.", "see 'ddbkit demo --help'");
    assertThat(CliRun.of("demo", "--orders", "10", "--customers", "11").err())
        .startsWith("ddbkit: --customers must be between 1 and --orders (10) but was 11.");
    assertThat(CliRun.of("demo", "--points", "5").err()).startsWith("ddbkit: --points must be at least 100 but was 5.");
  }

  @Test
  void environmentSuffixThatCannotBePartOfATableName_namesTheFlag() {
    CliRun run = run("--env-suffix", "/staging", "provision");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).startsWith("ddbkit: --env-suffix may contain only letters, digits");
    assertThat(server.connections()).isZero();
  }

  @Test
  void picocliUsageErrors_printOneLineAndAHint_notTheUsageText() {
    CliRun missing = CliRun.of("orders", "list");
    assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err().lines().toList())
        .containsExactly("ddbkit: Missing required option: '--customer=CUSTOMER'", "see 'ddbkit orders list --help'");
    CliRun unknown = CliRun.of("provision", "--colour");
    assertThat(unknown.err().lines().toList()).hasSize(2);
    assertThat(unknown.err()).startsWith("ddbkit: Unknown option: '--colour'").contains("see 'ddbkit provision --help'");
    CliRun typo = CliRun.of("readines");
    assertThat(typo.err()).contains("Did you mean readiness?");
  }

  @Test
  void withJson_aUsageErrorIsAlsoAJsonErrorObjectOnStdout() {
    CliRun bad = run("orders", "list", "--customer", " ", "--json");
    assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
    Map<String, JsonNode> doc = JsonNode.parser().parse(bad.out()).asObject();
    assertThat(doc.get("ddbkitVersion").asString()).isNotBlank();
    Map<String, JsonNode> error = doc.get("error").asObject();
    assertThat(error.get("code").asString()).isEqualTo("USAGE");
    assertThat(error.get("exitCode").asNumber()).isEqualTo("2");
    assertThat(error.get("message").asString()).isEqualTo("--customer must not be blank.");

    CliRun picocli = CliRun.of("metrics", "query", "--json");
    assertThat(JsonNode.parser().parse(picocli.out()).asObject().get("error").asObject().get("message").asString())
        .startsWith("Missing required options");
  }

  @Test
  void environmentOptions_areAcceptedBeforeAndAfterTheCommand() {
    for (List<String> args : List.of(
        List.of("--env-suffix=-qa", "orders", "list", "--customer", ""),
        List.of("orders", "--env-suffix=-qa", "list", "--customer", ""),
        List.of("orders", "list", "--env-suffix", "-qa", "--customer", ""),
        List.of("--env-prefix", "acme-", "readiness", "-t", "x"))) {
      CliRun r = run(args.toArray(String[]::new));
      assertThat(r.err()).as(String.join(" ", args)).doesNotContain("Unknown option", "Missing required parameter");
      assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    }
  }
}
