package dev.ddbkit.cli.internal;

import dev.ddbkit.core.table.SeedTables;
import dev.ddbkit.dax.DaxAwareClient;
import dev.ddbkit.dax.DaxCounts;
import dev.ddbkit.dax.DaxHealth;
import dev.ddbkit.dax.DaxListener;
import dev.ddbkit.dax.DaxRoute;
import dev.ddbkit.dax.DaxState;
import dev.ddbkit.orders.Order;
import dev.ddbkit.orders.OrdersRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * DAX fallback: the real DAX client pointed at a closed loopback port, under the orders repository. Every
 * read and write must still succeed through DynamoDB, and the circuit breaker must open.
 */
final class DaxSteps {
  private final Connection connection;
  private final OrdersSteps orders;

  DaxSteps(Connection connection, OrdersSteps orders) {
    this.connection = connection;
    this.orders = orders;
  }

  void fallback(DemoReport.Step s) {
    String endpoint = closedDaxEndpoint();
    Map<DaxRoute, Integer> routes = new EnumMap<>(DaxRoute.class);
    List<String> transitions = new CopyOnWriteArrayList<>();
    DaxListener listener = new DaxListener() {
      @Override
      public void onRequest(String operation, DaxRoute route) {
        synchronized (routes) {
          routes.merge(route, 1, Integer::sum);
        }
      }

      @Override
      public void onStateChange(DaxState from, DaxState to) {
        transitions.add(from + " -> " + to);
      }
    };
    try (DaxAwareClient dax = DaxAwareClient.builder()
        .dynamoDb(connection.sync())
        .daxEndpoint(endpoint)
        .connectTimeout(Duration.ofMillis(300))
        .circuitBreaker(b -> b.slidingWindowSize(5).minimumCalls(3).coolDown(Duration.ofMinutes(1)))
        .listener(listener)
        .build()) {
      OrdersRepository repo = OrdersRepository.builder().client(dax).tableName(SeedTables.ORDERS)
          .cursorKey(OrdersCommand.cursorKey()).build();
      List<Order> sample = orders.created().subList(0, Math.min(20, orders.created().size()));
      List<Long> micros = new ArrayList<>();
      int found = 0;
      for (Order o : sample) {
        long t0 = System.nanoTime();
        boolean ok = repo.get(o.key()).isPresent();
        long took = System.nanoTime() - t0;
        connection.recorder().record("GetItem via DAX-aware client", Duration.ofNanos(took), ok);
        micros.add(took / 1_000);
        found += ok ? 1 : 0;
      }
      long t0 = System.nanoTime();
      Order written = repo.create(o -> o.customerId(orders.customer(0)).attribute("channel", "dax-demo"));
      connection.recorder().record("PutItem via DAX-aware client", Duration.ofNanos(System.nanoTime() - t0), true);
      DaxHealth health = dax.health();
      DaxCounts counts = health.counts();
      s.say("DaxAwareClient over the SDK client, DAX endpoint " + endpoint + " (a closed loopback port), "
          + "connect timeout 300 ms, breaker opening after 3 failed DAX calls");
      s.say("OrdersRepository over it, unchanged: " + found + " of " + sample.size() + " GetItem answered, "
          + "1 order created (" + written.orderId() + ")");
      s.say("first call " + Percentiles.format(Duration.ofNanos(micros.get(0) * 1000)) + " (DAX tried, then "
          + "DynamoDB), last call " + Percentiles.format(Duration.ofNanos(micros.get(micros.size() - 1) * 1000))
          + " (breaker open: straight to DynamoDB)");
      s.say("breaker: " + (transitions.isEmpty() ? "no state change" : String.join(", ", transitions))
          + "; state now " + health.state() + (health.degraded() ? " (degraded, still serving)" : ""));
      s.say("routes: " + routes);
      s.say("last DAX error: " + health.lastError().orElse("none"));
      if (found != sample.size() || health.state() != DaxState.OPEN) {
        throw new IllegalStateException("DAX fallback did not serve every request or the breaker did not open.");
      }
      s.count("reads", sample.size()).count("writes", 1).count("daxAttempts", counts.daxAttempts())
          .count("readFallbacks", counts.readFallbacks()).count("writeFallbacks", counts.writeFallbacks())
          .count("circuitOpenRequests", counts.circuitOpenRequests());
    }
  }

  static String closedDaxEndpoint() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "dax://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
