package dev.ddbkit.cli.internal;

import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.orders.InvalidCursorException;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrdersRepository;
import dev.ddbkit.orders.Page;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ddbkit orders ...}: operator views of the orders table. */
@Command(name = "orders", mixinStandardHelpOptions = true, description = "Operator views of the orders table.",
    subcommands = {OrdersCommand.ListOrders.class})
public final class OrdersCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** The environment variable holding the key that signs cursors, read when {@code --cursor-key} is not given. */
  static final String CURSOR_KEY_ENV = "DDBKIT_CURSOR_KEY";
  /**
   * Used when neither {@code --cursor-key} nor {@value #CURSOR_KEY_ENV} is set. Cursors printed by this command are
   * for an operator paging through a table they can read anyway, not for untrusted callers, so a fixed key is
   * enough here.
   */
  static final String DEFAULT_CURSOR_KEY = "ddbkit-cli-operator-cursor-key";

  /**
   * The key that signs the cursors of every orders repository the CLI builds (the list command, the demo):
   * {@value #CURSOR_KEY_ENV} when it holds at least 16 characters, otherwise {@link #DEFAULT_CURSOR_KEY}.
   */
  static byte[] cursorKey() {
    String key = System.getenv(CURSOR_KEY_ENV);
    return (key == null || key.length() < 16 ? DEFAULT_CURSOR_KEY : key).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: choose list.");
  }

  /** {@code ddbkit orders list --customer C}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = {"List a customer's orders, newest first, one page at a time (Query on customer_id).",
          "Pass the printed cursor back with --cursor for the next page, or use --all to stream every page."})
  public static final class ListOrders extends ConnectedCommand {
    private static final int ORDER_ID_WIDTH = 26;

    @Option(names = {"--customer", "-c"}, required = true, paramLabel = "CUSTOMER", description = "Customer id.")
    String customer;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "20",
        description = "Orders per page, 1 to 1000 (default ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--cursor", paramLabel = "CURSOR",
        description = "Continue after the page that printed it (the value after 'more: --cursor').")
    @Nullable String cursor;

    @Option(names = "--cursor-key", paramLabel = "KEY",
        description = "Key that signs cursors, 16+ characters; the same on every run that continues a listing "
            + "(env " + CURSOR_KEY_ENV + "; default a fixed key of the CLI).")
    @Nullable String cursorKey;

    @Option(names = "--all", description = "Follow every page to the end, printing each as it arrives.")
    boolean all;

    @Option(names = "--table", paramLabel = "TABLE",
        description = "Orders table (default: the environment's, orders-production for the seed's names).")
    @Nullable String table;

    private byte[] key = new byte[0];

    @Override
    void validate(Environment environment) {
      Options.key("--customer", customer, 2048);
      Options.between("--page-size", pageSize, 1, 1000);
      if (cursor != null) {
        Options.notBlank("--cursor", cursor);
      }
      table = Options.tableName("--table", table != null ? table : environment.table("orders"));
      key = cursorKey(cursorKey, System.getenv(CURSOR_KEY_ENV));
    }

    /** The cursor key: the option, else the environment variable, else the CLI's fixed key; 16+ bytes. */
    static byte[] cursorKey(@Nullable String option, @Nullable String env) {
      String source = option != null ? "--cursor-key" : env != null ? CURSOR_KEY_ENV : null;
      String value = option != null ? option : env != null ? env : DEFAULT_CURSOR_KEY;
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      if (source != null && bytes.length < 16) {
        throw CliFailure.usage(source + " must be at least 16 characters (UTF-8 bytes) but was " + bytes.length
            + ".");
      }
      return bytes;
    }

    @Override
    int run(Connection c) {
      OrdersRepository repo = OrdersRepository.builder().client(c.sync()).tableName(table).cursorKey(key).build();
      Listing listing = output.json() ? new JsonListing(out()) : new TextListing(out());
      String next = cursor;
      int pages = 0;
      int count = 0;
      do {
        Page<Order> page = page(repo, next, c.target());
        if (pages == 0) {
          // started once the first page is in: an error before it leaves stdout empty (or one JSON error object)
          listing.start(customer, table);
        }
        for (Order o : page.items()) {
          listing.order(o, count++ == 0);
        }
        out().flush();
        next = page.nextCursor().orElse(null);
        pages++;
      } while (all && next != null);
      listing.end(count, pages, next);
      return ok();
    }

    private Page<Order> page(OrdersRepository repo, @Nullable String from, String target) {
      try {
        return repo.byCustomer(customer, q -> {
          q.pageSize(pageSize);
          if (from != null) {
            q.cursor(from);
          }
        });
      } catch (InvalidCursorException e) {
        throw CliFailure.usage("--cursor is not one this listing printed: pass the value printed after "
            + "'more: --cursor' by `ddbkit orders list` with the same --customer and --table, signed with the "
            + "same --cursor-key / " + CURSOR_KEY_ENV + ", or leave --cursor out to start from the newest order.");
      } catch (DdbkitException e) {
        if (isKeyMismatch(e)) {
          throw CliFailure.usage("Table " + table + " at " + target + " is not an orders table: its key is not "
              + "customer_id / order_id. Pass --table with an orders table (such as orders-production).");
        }
        throw e;
      }
    }

    /** Whether DynamoDB rejected a Query because the table's key schema has other attribute names. */
    static boolean isKeyMismatch(DdbkitException e) {
      return "ValidationException".equals(e.errorCode())
          && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("key schema");
    }

    /** How orders are printed as they arrive. */
    private interface Listing {
      void start(String customer, String table);

      void order(Order o, boolean first);

      void end(int count, int pages, @Nullable String next);
    }

    private static final class TextListing implements Listing {
      private final PrintWriter out;

      TextListing(PrintWriter out) {
        this.out = out;
      }

      @Override
      public void start(String customer, String table) {
        out.println("Orders of " + customer + " in " + table + ", newest first:");
        out.println(row("order_id", "order_date", "status", "created_at", "other attributes"));
        out.println(row("-".repeat(ORDER_ID_WIDTH), "-".repeat(10), "-".repeat(9), "-".repeat(24),
            "-".repeat(16)));
      }

      @Override
      public void order(Order o, boolean first) {
        out.println(row(o.orderId(), o.orderDate().toString(), o.status().wireValue(), Times.format(o.createdAt()),
            o.attributes().entrySet().stream().map(e -> e.getKey() + "=" + Items.text(e.getValue()))
                .collect(Collectors.joining(", "))));
      }

      @Override
      public void end(int count, int pages, @Nullable String next) {
        out.println(count + " orders" + (pages > 1 ? " in " + pages + " pages" : "") + ".");
        if (next != null) {
          out.println("more: --cursor " + next);
        }
      }

      private static String row(String id, String date, String status, String created, String other) {
        return String.format(Locale.ROOT, "  %-" + ORDER_ID_WIDTH + "s  %-10s  %-9s  %-24s  %s", id, date, status,
            created, other).stripTrailing();
      }
    }

    /** The JSON document written piece by piece, each order as soon as its page arrives. */
    private static final class JsonListing implements Listing {
      private final PrintWriter out;

      JsonListing(PrintWriter out) {
        this.out = out;
      }

      @Override
      public void start(String customer, String table) {
        out.println("{");
        out.println("  " + Json.string(Json.VERSION_FIELD) + ": " + Json.string(Version.current()) + ",");
        out.println("  \"customer\": " + Json.string(customer) + ",");
        out.println("  \"table\": " + Json.string(table) + ",");
        out.print("  \"orders\": [");
      }

      @Override
      public void order(Order o, boolean first) {
        out.print((first ? "\n    " : ",\n    ") + Json.write(toMap(o), 2));
      }

      @Override
      public void end(int count, int pages, @Nullable String next) {
        out.println(count == 0 ? "]," : "\n  ],");
        out.println("  \"count\": " + count + ",");
        out.println("  \"pages\": " + pages + ",");
        out.println("  \"nextCursor\": " + (next == null ? "null" : Json.string(next)));
        out.println("}");
      }
    }

    static Map<String, Object> toMap(Order o) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("customer_id", o.customerId());
      m.put("order_id", o.orderId());
      m.put("order_date", o.orderDate().toString());
      m.put("status", o.status().wireValue());
      m.put("created_at", Times.format(o.createdAt()));
      o.expiresAt().ifPresent(e -> m.put("expires_at", e.getEpochSecond()));
      Map<String, Object> attributes = new LinkedHashMap<>();
      o.attributes().forEach((k, v) -> attributes.put(k, Items.json(v)));
      m.put("attributes", attributes);
      return m;
    }
  }
}
