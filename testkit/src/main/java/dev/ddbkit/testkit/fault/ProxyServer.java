package dev.ddbkit.testkit.fault;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ddbkit.testkit.fault.internal.DdbRequest;
import dev.ddbkit.testkit.fault.internal.Json;
import dev.ddbkit.testkit.fault.internal.WireResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The network side of {@link FaultProxy}: a JDK HTTP server that executes each request's {@link Plan}. */
final class ProxyServer {
  private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
  /** Headers that belong to one connection, or that the forwarding client computes itself. */
  private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host",
      "upgrade", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "date");

  private static final String NODELAY = "sun.net.httpserver.nodelay";

  private final URI target;
  private final FaultEngine engine;
  private final CounterStore counters;
  private final Duration holdLimit;
  private final Duration backendTimeout;
  private final HttpServer server;
  private final ExecutorService handlers;
  private final ExecutorService clientThreads;
  private final ScheduledThreadPoolExecutor scheduler;
  private final HttpClient client;
  private final Set<HttpExchange> held = ConcurrentHashMap.newKeySet();
  private final URI endpoint;
  private volatile boolean closed;

  private ProxyServer(URI target, FaultEngine engine, CounterStore counters, Duration holdLimit,
      Duration backendTimeout) throws IOException {
    this.target = target;
    this.engine = engine;
    this.counters = counters;
    this.holdLimit = holdLimit;
    this.backendTimeout = backendTimeout;
    this.handlers = Executors.newCachedThreadPool(daemon("ddbkit-fault-proxy-"));
    this.clientThreads = Executors.newCachedThreadPool(daemon("ddbkit-fault-proxy-client-"));
    this.scheduler = new ScheduledThreadPoolExecutor(1, daemon("ddbkit-fault-proxy-timer-"));
    scheduler.setRemoveOnCancelPolicy(true);
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .executor(clientThreads)
        .build();
    enableNoDelay();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(handlers);
    server.createContext("/", this::handle);
    server.start();
    this.endpoint = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
        + server.getAddress().getPort());
    LOG.debug("Fault proxy listening on {}, forwarding to {}", endpoint, target);
  }

  static ProxyServer start(URI target, FaultEngine engine, CounterStore counters, Duration holdLimit,
      Duration backendTimeout) throws IOException {
    return new ProxyServer(target, engine, counters, holdLimit, backendTimeout);
  }

  URI endpoint() {
    return endpoint;
  }

  void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.stop(0);
    for (HttpExchange ex : held) {
      ex.close();
    }
    held.clear();
    scheduler.shutdownNow();
    handlers.shutdownNow();
    clientThreads.shutdownNow();
    awaitQuietly(scheduler);
    awaitQuietly(handlers);
    awaitQuietly(clientThreads);
    LOG.debug("Fault proxy on {} stopped", endpoint);
  }

  private void handle(HttpExchange ex) {
    try {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      DdbRequest request = DdbRequest.of(ex.getRequestHeaders().getFirst("X-Amz-Target"), body);
      Plan plan = engine.plan(request);
      if (plan.delay.isZero()) {
        proceed(ex, request, plan);
      } else {
        scheduler.schedule(() -> proceed(ex, request, plan), plan.delay.toNanos(), TimeUnit.NANOSECONDS);
      }
    } catch (RuntimeException | IOException e) {
      LOG.warn("Fault proxy failed to handle a request: {}", e.toString());
      ex.close();
    }
  }

  private void proceed(HttpExchange ex, DdbRequest request, Plan plan) {
    if (closed) {
      ex.close();
      return;
    }
    try {
      if (plan.reply != null) {
        send(ex, plan.reply);
        return;
      }
      Fault connectionFault = plan.connectionFault;
      if (connectionFault != null && !connectionFault.afterForwarding()) {
        breakConnection(ex, connectionFault);
        return;
      }
      if (plan.batch != null && !plan.batch.anyRemaining()) {
        send(ex, WireResponse.json(200, plan.batch.standaloneResponse(), plan.requestId));
        return;
      }
      byte[] forwardBody = plan.batch != null ? plan.batch.forwardBody() : request.body();
      counters.forwarded(request.operation());
      client.sendAsync(forwardRequest(ex, forwardBody), HttpResponse.BodyHandlers.ofByteArray())
          .whenComplete((response, error) -> {
            if (error != null) {
              LOG.warn("Fault proxy could not reach {}: {}", target, error.toString());
              counters.backendError(request.operation());
              sendQuietly(ex, WireResponse.error(500, Fault.DYNAMODB_NS + "InternalServerError",
                  "The fault proxy could not reach DynamoDB at " + target + ".", plan.requestId));
            } else if (connectionFault != null) {
              breakConnection(ex, connectionFault);
            } else if (plan.replyAfterForwarding != null) {
              sendQuietly(ex, plan.replyAfterForwarding);
            } else {
              try {
                send(ex, rewrite(response, plan));
              } catch (RuntimeException | IOException e) {
                LOG.warn("Fault proxy failed to relay a response: {}", e.toString());
                ex.close();
              }
            }
          });
    } catch (RuntimeException | IOException e) {
      LOG.warn("Fault proxy failed to handle a request: {}", e.toString());
      ex.close();
    }
  }

  private HttpRequest forwardRequest(HttpExchange ex, byte[] body) {
    URI uri = target.resolve(ex.getRequestURI().getRawPath()
        + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()));
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(backendTimeout)
        .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
      if (NOT_FORWARDED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (String v : h.getValue()) {
        try {
          b.header(h.getKey(), v);
        } catch (IllegalArgumentException restricted) {
          LOG.debug("Fault proxy does not forward header {}", h.getKey());
        }
      }
    }
    return b.build();
  }

  /** The response to send the client: DynamoDB's as is, or rewritten with held-back batch items. */
  private WireResponse rewrite(HttpResponse<byte[]> response, Plan plan) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response.headers().map().forEach((k, v) -> {
      if (!k.startsWith(":") && !NOT_FORWARDED.contains(k.toLowerCase(Locale.ROOT))) {
        headers.put(k, v);
      }
    });
    byte[] body = response.body();
    if (response.statusCode() != 200 || (plan.batch == null && plan.onSuccess == null)) {
      return new WireResponse(response.statusCode(), headers, body);
    }
    boolean gzip = response.headers().firstValue("Content-Encoding")
        .map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
    byte[] plain = gzip ? gunzip(body) : body;
    String text = new String(plain, StandardCharsets.UTF_8);
    if (plan.onSuccess != null) {
      plan.onSuccess.accept(Json.parseObject(text));
    }
    if (plan.batch == null) {
      return new WireResponse(response.statusCode(), headers, body);
    }
    // the body changes: send it uncompressed, with a checksum of the bytes actually sent
    byte[] merged = plan.batch.mergeInto(text).getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> rewritten = new LinkedHashMap<>();
    headers.forEach((k, v) -> {
      String lower = k.toLowerCase(Locale.ROOT);
      if (!lower.equals("content-encoding") && !lower.equals("x-amz-crc32")) {
        rewritten.put(k, v);
      }
    });
    rewritten.put("x-amz-crc32", List.of(WireResponse.crc32(merged)));
    return new WireResponse(200, rewritten, merged);
  }

  private void breakConnection(HttpExchange ex, Fault fault) {
    if (fault.kind() == FaultKind.TIMEOUT) {
      held.add(ex);
      scheduler.schedule(() -> {
        if (held.remove(ex)) {
          ex.close();
        }
      }, holdLimit.toNanos(), TimeUnit.NANOSECONDS);
    } else {
      // closing an exchange before its response headers are sent closes the connection itself
      ex.close();
    }
  }

  private void sendQuietly(HttpExchange ex, WireResponse response) {
    try {
      send(ex, response);
    } catch (IOException | RuntimeException e) {
      ex.close();
    }
  }

  private static void send(HttpExchange ex, WireResponse response) throws IOException {
    List<String> names = new ArrayList<>(response.headers().keySet());
    for (String name : names) {
      ex.getResponseHeaders().put(name, response.headers().get(name));
    }
    byte[] body = response.body();
    ex.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] gunzip(byte[] body) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  private static void awaitQuietly(ExecutorService executor) {
    try {
      if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
        LOG.debug("Fault proxy threads still running after close");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * The JDK's HTTP server leaves Nagle's algorithm on unless {@code sun.net.httpserver.nodelay} is set before
   * its first use; with it on, every proxied response waits about 40 ms for the client's delayed ACK, which
   * would swamp the latency a test asks for. Set only if the user has not chosen.
   */
  private static void enableNoDelay() {
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
  }
}
