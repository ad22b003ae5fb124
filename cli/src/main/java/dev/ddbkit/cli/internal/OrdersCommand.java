package dev.ddbkit.cli.internal;

import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrdersRepository;
import dev.ddbkit.orders.Page;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ddbkit orders ...}: operator views of the orders table. */
@Command(name = "orders", mixinStandardHelpOptions = true, description = "Operator views of the orders table.",
    subcommands = {OrdersCommand.ListOrders.class})
public final class OrdersCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** The environment variable holding the key that signs cursors, so that they work across invocations. */
  static final String CURSOR_KEY_ENV = "DDBKIT_CURSOR_KEY";
  /**
   * Used when {@value #CURSOR_KEY_ENV} is unset. Cursors printed by this command are for an operator paging
   * through a table they can read anyway, not for untrusted callers, so a fixed key is enough here.
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
          "Pass the printed cursor back with --cursor for the next page, or use --all."})
  public static final class ListOrders extends ConnectedCommand {
    @Option(names = {"--customer", "-c"}, required = true, paramLabel = "CUSTOMER", description = "Customer id.")
    String customer;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "20",
        description = "Orders per page, 1 to 1000 (default ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "Continue after the page that printed it.")
    String cursor;

    @Option(names = "--all", description = "Follow every page to the end.")
    boolean all;

    @Option(names = "--table", paramLabel = "TABLE", defaultValue = SeedTables.ORDERS,
        description = "Orders table (default ${DEFAULT-VALUE}).")
    String table;

    @Override
    int run(Connection c) {
      OrdersRepository repo = OrdersRepository.builder().client(c.sync()).tableName(table)
          .cursorKey(cursorKey()).build();
      List<Order> orders = new ArrayList<>();
      String next = cursor;
      int pages = 0;
      do {
        String from = next;
        Page<Order> page = repo.byCustomer(customer, q -> {
          q.pageSize(pageSize);
          if (from != null) {
            q.cursor(from);
          }
        });
        orders.addAll(page.items());
        next = page.nextCursor().orElse(null);
        pages++;
      } while (all && next != null);
      if (output.json()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customer", customer);
        m.put("table", table);
        m.put("pages", pages);
        m.put("orders", orders.stream().map(ListOrders::toMap).collect(Collectors.toList()));
        m.put("nextCursor", next);
        out().println(Json.write(m));
      } else {
        TextTable t = TextTable.of("order_id", "order_date", "status", "created_at", "other attributes");
        for (Order o : orders) {
          t.row(o.orderId(), o.orderDate(), o.status().wireValue(), o.createdAt(),
              o.attributes().entrySet().stream().map(e -> e.getKey() + "=" + Items.text(e.getValue()))
                  .collect(Collectors.joining(", ")));
        }
        out().println(orders.size() + " orders of " + customer + " in " + table + (pages > 1 ? " (" + pages
            + " pages)" : "") + ":");
        if (!orders.isEmpty()) {
          out().print(t.render("  "));
        }
        if (next != null) {
          out().println("more: --cursor " + next);
        }
      }
      return ok();
    }

    private static Map<String, Object> toMap(Order o) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("customer_id", o.customerId());
      m.put("order_id", o.orderId());
      m.put("order_date", o.orderDate().toString());
      m.put("status", o.status().wireValue());
      m.put("created_at", o.createdAt().toString());
      o.expiresAt().ifPresent(e -> m.put("expires_at", e.getEpochSecond()));
      Map<String, Object> attributes = new LinkedHashMap<>();
      o.attributes().forEach((k, v) -> attributes.put(k, Items.json(v)));
      m.put("attributes", attributes);
      return m;
    }
  }
}
