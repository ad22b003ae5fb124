package dev.ddbkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.core.table.TableManager;
import dev.ddbkit.orders.NewOrder;
import dev.ddbkit.orders.OrdersRepository;
import dev.ddbkit.testkit.DynamoDbLocal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The operator commands end to end, in-process, over HTTP against the test kit's embedded backend: environments,
 * per-table readiness with a missing table, honest messages for the wrong table and a foreign cursor, streamed
 * listings. Times to first output and to return are printed for the record, never asserted.
 */
class OperatorCommandsEndToEndTest {
  private static final String CURSOR_KEY = "operator-e2e-cursor-key";
  private static final String CUSTOMER = "e2e-cust-1";

  private static DynamoDbLocal backend;
  private static String endpoint;

  @BeforeAll
  static void startAndProvisionTheSeedTables() {
    backend = DynamoDbLocal.start();
    endpoint = backend.endpoint().toString();
    CliRun provision = CliRun.of("provision", "--endpoint", endpoint, "--no-progress");
    assertThat(provision.exitCode()).as(provision.err()).isEqualTo(ExitCode.OK);
    OrdersRepository orders = OrdersRepository.builder().client(backend.clients().sync()).tableName(SeedTables.ORDERS)
        .cursorKey(CURSOR_KEY.getBytes(StandardCharsets.UTF_8)).build();
    for (int i = 0; i < 5; i++) {
      orders.create(NewOrder.builder().customerId(CUSTOMER).attribute("n", i).build());
    }
  }

  @AfterAll
  static void stop() {
    backend.close();
  }

  @Test
  void provision_ofANamedEnvironment_createsItsTables_reportsEachTable_andEveryCommandUsesThem() {
    CliRun provision = CliRun.of("--env-suffix=-e2e", "provision", "--endpoint", endpoint, "--json");

    assertThat(provision.exitCode()).as(provision.err()).isEqualTo(ExitCode.OK);
    Map<String, JsonNode> doc = JsonNode.parser().parse(provision.out()).asObject();
    assertThat(doc.get("envSuffix").asString()).isEqualTo("-e2e");
    assertThat(doc.get("tables").asArray()).extracting(t -> t.asObject().get("table").asString())
        .containsExactly("orders-e2e", "sessions-e2e", "metrics-e2e", "inventory-e2e", "accounts-e2e",
            "ddbkit-idempotency-e2e");
    assertThat(doc.get("tables").asArray()).allSatisfy(t -> assertThat(t.asObject().get("created").asBoolean()).isTrue());
    assertThat(provision.err()).contains("[1/6] orders-e2e: created, ACTIVE, TTL on",
        "[6/6] ddbkit-idempotency-e2e: created");
    assertThat(TableManager.of(backend.clients().sync()).describe("orders-e2e")).isPresent();

    CliRun readiness = CliRun.of("readiness", "--env-suffix", "-e2e", "--endpoint", endpoint);
    assertThat(readiness.exitCode()).as(readiness.out() + readiness.err()).isEqualTo(ExitCode.OK);
    assertThat(readiness.out()).containsPattern("(?m)^  orders-e2e\\s+\\d+\\s+1\\s+\\d+\\s+Backups$")   // a new table has no backup yet
        .contains("Readiness of ddbkit-idempotency-e2e:");

    CliRun list = CliRun.of("--env-suffix=-e2e", "orders", "list", "--customer", CUSTOMER, "--endpoint", endpoint,
        "--json");
    assertThat(list.exitCode()).as(list.err()).isEqualTo(ExitCode.OK);
    assertThat(JsonNode.parser().parse(list.out()).asObject().get("table").asString()).isEqualTo("orders-e2e");

    CliRun again = CliRun.of("--env-suffix=-e2e", "provision", "--endpoint", endpoint);
    assertThat(again.out()).contains("orders-e2e", "already existed").doesNotContain("created");
  }

  @Test
  void readiness_ofSeveralTables_withOneMissing_reportsEveryTable_marksTheMissingOne_andExitsThree() {
    CliRun text = CliRun.of("readiness", "-t", SeedTables.ORDERS, "-t", "orders-nope", "--endpoint", endpoint);

    assertThat(text.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(text.out()).containsPattern("(?m)^  orders-production\\s+\\d+\\s+1\\s+\\d+\\s+Backups$")
        .containsPattern("(?m)^  orders-nope\\s+-\\s+-\\s+-\\s+THE TABLE DOES NOT EXIST")
        .contains("Readiness of orders-production: ", "GSI OrderDateIndex")
        .contains("Readiness of orders-nope: the table does not exist at " + endpoint);
    assertThat(text.err()).contains("Table orders-nope does not exist at " + endpoint,
        "create it with `ddbkit provision --env-suffix=-nope`");

    CliRun json = CliRun.of("readiness", "-t", SeedTables.ORDERS, "-t", "orders-nope", "--endpoint", endpoint, "--json");
    assertThat(json.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    List<JsonNode> tables = JsonNode.parser().parse(json.out()).asObject().get("tables").asArray();
    assertThat(tables).hasSize(2);
    assertThat(tables.get(0).asObject().get("exists").asBoolean()).isTrue();
    assertThat(tables.get(0).asObject().get("missing").asNumber()).isEqualTo("1");   // Backups: a new table has none yet
    assertThat(tables.get(1).asObject().get("table").asString()).isEqualTo("orders-nope");
    assertThat(tables.get(1).asObject().get("exists").asBoolean()).isFalse();
  }

  @Test
  void aMissingTableOfAnotherEnvironment_isNotSentToPlainProvision() {
    CliRun run = CliRun.of("orders", "list", "--customer", "c", "--table", "orders-staging", "--endpoint", endpoint);
    assertThat(run.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(run.err()).contains("Table orders-staging does not exist",
        "create it with `ddbkit provision --env-suffix=-staging`").doesNotContain("`ddbkit provision`");
  }

  @Test
  void ordersList_onATableThatIsNotAnOrdersTable_saysSo() {
    CliRun run = CliRun.of("orders", "list", "--customer", "c", "--table", SeedTables.SESSIONS, "--endpoint", endpoint);
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("Table sessions-production at " + endpoint + " is not an orders table")
        .doesNotContain("key schema element");
    CliRun metrics = CliRun.of("metrics", "query", "--name", "m", "--from", "-1h", "--table", SeedTables.ORDERS,
        "--endpoint", endpoint);
    assertThat(metrics.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(metrics.err()).contains("is not a metrics table");
  }

  @Test
  void readiness_ofAProvisionedTableCheckedAsOrders_doesNotCallItOnDemand_norPrintNull() {
    CliRun run = CliRun.of("readiness", "-t", SeedTables.SESSIONS, "--as", "orders", "--strict", "--endpoint", endpoint);
    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_READY);
    assertThat(run.out()).doesNotContain("on-demand table scales", "null")
        .contains("table has no sort key, the definition says order_id")
        .containsPattern("\\[MISSING\\]\\s+Capacity\\s+Capacity mode");
  }

  @Test
  void ordersList_pagesWithItsCursor_andAForeignCursorGetsAnOperatorsMessage() {
    CliRun first = CliRun.of("orders", "list", "--customer", CUSTOMER, "--page-size", "2", "--cursor-key", CURSOR_KEY,
        "--endpoint", endpoint);
    assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.OK);
    Matcher m = Pattern.compile("more: --cursor (\\S+)").matcher(first.out());
    assertThat(m.find()).as(first.out()).isTrue();
    String cursor = m.group(1);
    assertThat(first.out()).containsPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

    CliRun next = CliRun.of("orders", "list", "--customer", CUSTOMER, "--page-size", "2", "--cursor", cursor,
        "--cursor-key", CURSOR_KEY, "--endpoint", endpoint);
    assertThat(next.exitCode()).as(next.err()).isEqualTo(ExitCode.OK);
    assertThat(next.out()).contains("2 orders.");

    for (String[] change : new String[][] {
        {"another-key-of-16-chars", CUSTOMER},
        {CURSOR_KEY, "someone-else"}}) {
      List<String> all = List.of("orders", "list", "--customer", change[1], "--cursor-key", change[0],
          "--cursor", cursor, "--endpoint", endpoint);
      CliRun foreign = CliRun.of(all.toArray(String[]::new));
      assertThat(foreign.exitCode()).as(foreign.err()).isEqualTo(ExitCode.USAGE);
      assertThat(foreign.err()).contains("--cursor is not one this listing printed", "same --cursor-key")
          .doesNotContain("Page.nextCursor", "random default key");
    }
  }

  @Test
  void ordersListAll_streamsEveryPage_asOneJsonDocument() {
    CliRun run = CliRun.of("orders", "list", "--customer", CUSTOMER, "--page-size", "2", "--all", "--json",
        "--endpoint", endpoint);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    Map<String, JsonNode> doc = JsonNode.parser().parse(run.out()).asObject();
    assertThat(doc.get("ddbkitVersion").asString()).isNotBlank();
    assertThat(doc.get("orders").asArray()).hasSize(5);
    assertThat(doc.get("pages").asNumber()).isEqualTo("3");
    assertThat(doc.get("nextCursor").isNull()).isTrue();
    assertThat(doc.get("orders").asArray().get(0).asObject().get("created_at").asString()).matches(".*\\.\\d{3}Z");

    CliRun none = CliRun.of("orders", "list", "--customer", "nobody", "--json", "--endpoint", endpoint);
    assertThat(JsonNode.parser().parse(none.out()).asObject().get("orders").asArray()).isEmpty();
  }

  @Test
  void timeToFirstOutputAndToReturn_areRecorded() {
    String[][] commands = {
        {"orders", "list", "--customer", "", "--endpoint", endpoint},
        {"orders", "list", "--customer", CUSTOMER, "--endpoint", endpoint},
        {"orders", "list", "--customer", CUSTOMER, "--all", "--page-size", "1", "--endpoint", endpoint},
        {"metrics", "query", "--name", "m", "--from", "-1h", "--aggregate", "--endpoint", endpoint},
        {"readiness", "-t", SeedTables.ORDERS, "--endpoint", endpoint}};
    StringBuilder record = new StringBuilder("Timings (recorded, not asserted):\n");
    for (String[] args : commands) {
      TimedWriter out = new TimedWriter();
      TimedWriter err = new TimedWriter();
      long start = System.nanoTime();
      int code = DdbkitCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
      long end = System.nanoTime();
      long first = Math.min(out.first == 0 ? Long.MAX_VALUE : out.first, err.first == 0 ? Long.MAX_VALUE : err.first);
      record.append(String.format(Locale.ROOT, "  %-90s exit %d, first output %6.1f ms, returned %6.1f ms%n",
          String.join(" ", args).replace(endpoint, "<endpoint>"), code, (first - start) / 1e6, (end - start) / 1e6));
      assertThat(code).isIn(ExitCode.OK, ExitCode.USAGE);
    }
    System.out.print(record);
  }

  /** Remembers when the first character was written. */
  private static final class TimedWriter extends Writer {
    private final StringWriter text = new StringWriter();
    volatile long first;

    @Override
    public void write(char[] cbuf, int off, int len) {
      if (first == 0 && len > 0) {
        first = System.nanoTime();
      }
      text.write(cbuf, off, len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
