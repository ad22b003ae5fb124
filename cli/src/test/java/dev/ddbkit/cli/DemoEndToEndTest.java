package dev.ddbkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.testkit.DynamoDbLocal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo and the operator commands end to end, in-process, against the embedded emulator. */
class DemoEndToEndTest {
  private static final String[] SMALL = {"--orders", "40", "--customers", "4", "--points", "2000", "--no-progress"};

  private static DynamoDbLocal existing;

  @BeforeAll
  static void startAnExistingDynamoDb() {
    existing = DynamoDbLocal.start();
  }

  @AfterAll
  static void stop() {
    existing.close();
  }

  @Test
  void demo_onEmbeddedDynamoDbLocal_walksThroughEveryStep_andPrintsTheReport() {
    CliRun run = CliRun.of(args("demo"));

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .startsWith("ddbkit demo against the embedded ddbkit emulator")
        .contains("Provision the tables  [OK")
        .doesNotContain("FAILED", "skipped")
        .contains("DynamoDB calls (latency of the whole call, SDK retries included).")
        .containsPattern("CreateTable\\s+6\\s")
        .containsPattern("TransactWriteItems\\s+\\d+")
        .containsPattern("(?m)^10\\. DAX fallback: DAX unreachable, DynamoDB serves  \\[OK")
        .contains("2 pages, 10 orders (10 created), each once: yes, newest first: yes")
        .contains("InsufficientStock: ", "DuplicateOrder", "InsufficientFunds", "UnknownTargetAccount")
        .contains("2,002 points from 10 shards (2,002 written), in timestamp order: yes")
        .contains("2,000 points of", "plus the 2 below that share a timestamp, 2,002 in all")
        .contains("breaker: CLOSED -> OPEN")
        .contains("retries seen: ")
        .contains("errors: 0, retries seen: ")
        .containsPattern("operation\\s+calls\\s+expected refusals\\s+errors")
        // the stale transition and the rejected orders and transfers: outcomes, not errors
        .containsPattern("(?m)^  UpdateItem\\s+\\d+\\s+[1-9]\\d*\\s+0\\s")
        .containsPattern("(?m)^  TransactWriteItems\\s+\\d+\\s+[1-9]\\d*\\s+0\\s")
        .contains("Demo complete:");
    for (String table : new String[] {SeedTables.ORDERS, SeedTables.SESSIONS, SeedTables.METRICS,
        SeedTables.INVENTORY, SeedTables.ACCOUNTS, "ddbkit-idempotency"}) {
      // one summary line per table: met, missing, not checkable. Like DynamoDB, the backend reports the
      // tables' on-demand backups, and the demo's fresh tables have none: one item missing each
      assertThat(run.out()).containsPattern("(?m)^  " + table + "\\s+\\d+\\s+1\\s+\\d+\\s+Backups$");
    }
    assertThat(run.out()).doesNotContain("[n/a]").contains("--readiness-details");
    String readiness = run.out().substring(run.out().indexOf("Readiness of each table"), run.out().indexOf("Demo complete"));
    assertThat(readiness.lines().count()).as(readiness).isLessThan(12);
    assertThat(readiness.lines().filter(l -> l.length() > 120).toList()).as("lines over 120 characters").isEmpty();
    assertThat(run.out()).doesNotContain("Initializing DynamoDB Local");
  }

  @Test
  void demo_againstAnExistingEndpoint_leavesItsDataInPlace_andCanRunTwice() {
    String endpoint = existing.endpoint().toString();
    CliRun first = CliRun.of(args("demo", "--endpoint", endpoint, "--json"));
    CliRun second = CliRun.of(args("demo", "--endpoint", endpoint, "--json"));

    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCode.OK);
    assertThat(second.exitCode()).as(second.out() + second.err()).isEqualTo(ExitCode.OK);
    assertThat(first.out()).contains("\"target\": \"" + endpoint + "\"", "\"succeeded\": true");
    assertThat(second.out()).contains("orders-production: already existed").contains("\"created\": 0");
    var tables = existing.clients().sync().listTables().tableNames();
    assertThat(tables).contains(SeedTables.ORDERS, SeedTables.METRICS, SeedTables.ACCOUNTS);

    // the data stays, under ids that start with demo-, and the operator commands find it
    Matcher m = Pattern.compile("(demo-[a-z0-9]+-)cust-00").matcher(first.out());
    assertThat(m.find()).as(first.out()).isTrue();
    String prefix = m.group(1);
    CliRun orders = CliRun.of("orders", "list", "--customer", prefix + "cust-00", "--all", "--endpoint", endpoint,
        "--json");
    assertThat(orders.exitCode()).as(orders.err()).isEqualTo(ExitCode.OK);
    // 40 orders over 4 customers, plus the one the DAX step creates for customer 00
    assertThat(orders.out().split("\"order_id\"", -1)).hasSize(10 + 1 + 1);
    CliRun metrics = CliRun.of("metrics", "query", "--name", prefix + "page_views", "--from", "-2h", "--to", "now",
        "--aggregate", "--endpoint", endpoint);
    assertThat(metrics.exitCode()).as(metrics.err()).isEqualTo(ExitCode.OK);
    assertThat(metrics.out()).contains("count 2002");
    CliRun exactlyAll = CliRun.of("metrics", "query", "--name", prefix + "page_views", "--from", "-2h", "--to", "now",
        "--limit", "2002", "--endpoint", endpoint);
    assertThat(exactlyAll.out()).as(exactlyAll.err()).contains("2002 points of").doesNotContain("reached");
    CliRun cut = CliRun.of("metrics", "query", "--name", prefix + "page_views", "--from", "-2h", "--to", "now",
        "--limit", "2001", "--endpoint", endpoint);
    assertThat(cut.out()).as(cut.err()).contains("2001 points of", "(limit 2001 reached; raise --limit for more)");
  }

  @Test
  void operatorCommands_onAnExistingEndpoint_reportTablesAndMissingOnes() {
    String endpoint = existing.endpoint().toString();
    CliRun provision = CliRun.of("provision", "--endpoint", endpoint, "--json");
    assertThat(provision.exitCode()).as(provision.err()).isEqualTo(ExitCode.OK);
    assertThat(provision.out()).contains("\"table\": \"orders-production\"");

    CliRun ready = CliRun.of("readiness", "--table", SeedTables.ORDERS, "--endpoint", endpoint);
    assertThat(ready.exitCode()).as(ready.err()).isEqualTo(ExitCode.OK);
    assertThat(ready.out()).contains("Readiness of orders-production", "[ok]", "GSI OrderDateIndex", "[n/a]");

    CliRun foreign = CliRun.of("readiness", "--table", "some-table", "--endpoint", endpoint);
    assertThat(foreign.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(foreign.err()).contains("pass --as with one of orders, sessions, metrics, inventory, accounts, "
        + "idempotency");

    CliRun missing = CliRun.of("readiness", "--table", "no-such-table", "--as", "orders", "--endpoint", endpoint);
    assertThat(missing.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(missing.err()).contains("Table no-such-table does not exist at " + endpoint, "Check the table name");

    for (String[] args : new String[][] {
        {"orders", "list", "--customer", "c-1", "--table", "no-such-table", "--endpoint", endpoint},
        {"metrics", "query", "--name", "m", "--from", "-1h", "--table", "no-such-table", "--endpoint", endpoint},
        {"metrics", "query", "--name", "m", "--from", "-1h", "--aggregate", "--table", "no-such-table",
            "--endpoint", endpoint}}) {
      CliRun run = CliRun.of(args);
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.UNAVAILABLE);
      assertThat(run.err()).contains("Table no-such-table does not exist at " + endpoint);
    }
  }

  private static String[] args(String... head) {
    String[] all = new String[head.length + SMALL.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(SMALL, 0, all, head.length, SMALL.length);
    return all;
  }
}
