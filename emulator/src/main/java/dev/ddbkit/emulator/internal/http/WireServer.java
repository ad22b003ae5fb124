package dev.ddbkit.emulator.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ddbkit.emulator.internal.error.DynamoException;
import dev.ddbkit.emulator.internal.json.Json;
import dev.ddbkit.emulator.internal.ops.Engine;
import dev.ddbkit.emulator.internal.ops.Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB's wire protocol over the JDK's HTTP server: POST {@code /} with {@code X-Amz-Target:
 * DynamoDB_20120810.<Operation>} and a JSON body; answers with {@code x-amz-crc32} and
 * {@code x-amzn-RequestId}. The region comes from the SigV4 credential scope; signatures are not verified.
 */
public final class WireServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WireServer.class);
  private static final String TARGET_PREFIX = "DynamoDB_20120810.";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  private static final Pattern CREDENTIAL = Pattern.compile("Credential=[^/,\\s]*/[^/,\\s]*/([^/,\\s]+)/");
  private static final String DEFAULT_REGION = "us-east-1";
  private static final AtomicInteger SERVERS = new AtomicInteger();

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the
    // client's delayed ACK add ~40 ms to many responses. The property is read once, when the JDK server's
    // configuration class loads, and only concerns com.sun.net.httpserver servers.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final Engine engine;
  private final Duration latency;
  /** Requests answered, and nanoseconds spent answering them (configured latency excluded); see stats(). */
  private final LongAdder requests = new LongAdder();
  private final LongAdder handlingNanos = new LongAdder();

  private WireServer(HttpServer server, ThreadPoolExecutor executor, Engine engine, Duration latency) {
    this.server = server;
    this.executor = executor;
    this.engine = engine;
    this.latency = latency;
  }

  /** Binds to {@code address:port} (port 0: any free port) and starts serving. */
  public static WireServer start(InetAddress address, int port, java.util.function.Function<Integer, Engine> engineForPort,
      Duration latency) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 128);
    int id = SERVERS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "ddbkit-emulator-" + id + "-http-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    ThreadPoolExecutor executor = new ThreadPoolExecutor(0, 256, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), factory,
        new ThreadPoolExecutor.CallerRunsPolicy());
    Engine engine = engineForPort.apply(server.getAddress().getPort());
    WireServer wire = new WireServer(server, executor, engine, latency);
    server.createContext("/", wire::handle);
    server.setExecutor(executor);
    server.start();
    return wire;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public Engine engine() {
    return engine;
  }

  /** Requests answered so far (every HTTP request, errors included). */
  public long requestsServed() {
    return requests.sum();
  }

  /**
   * Nanoseconds spent in this server's request handler so far: from the handler's start (the request line and
   * headers already parsed by the JDK server) until the response body is written, less the configured latency.
   */
  public long handlingNanos() {
    return handlingNanos.sum();
  }

  private void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    long slept = 0;
    try {
      slept = answer(exchange);
    } finally {
      handlingNanos.add(Math.max(0, System.nanoTime() - started - slept));
      requests.increment();
    }
  }

  /** Answers one request; returns the nanoseconds slept for the configured latency. */
  private long answer(HttpExchange exchange) {
    long slept = 0;
    String requestId = UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        send(exchange, 200, "healthy: ddbkit emulator ".getBytes(StandardCharsets.UTF_8), requestId, "text/plain");
        return slept;
      }
      int status;
      Map<String, Object> response;
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String operation = target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : "";
      try {
        if (operation.isEmpty()) {
          throw DynamoException.unknownOperation("Unknown operation: " + target);
        }
        Object json;
        try {
          json = Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (Json.JsonException e) {
          throw DynamoException.serialization(e.getMessage());
        }
        String region = region(exchange.getRequestHeaders().getFirst("Authorization"));
        response = engine.execute(operation, region, Request.of(json));
        status = 200;
      } catch (DynamoException e) {
        status = e.status();
        response = error(e);
        log.debug("{} -> {}: {}", operation, e.type(), e.getMessage());
      } catch (RuntimeException e) {
        log.warn("Internal error in {}", operation, e);
        DynamoException internal = DynamoException.internal("Internal server error");
        status = internal.status();
        response = error(internal);
      }
      if (!latency.isZero()) {
        long sleepStart = System.nanoTime();
        try {
          Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        slept = System.nanoTime() - sleepStart;
      }
      send(exchange, status, Json.write(response).getBytes(StandardCharsets.UTF_8), requestId, CONTENT_TYPE);
    } catch (IOException | RuntimeException e) {
      log.debug("Connection failed while answering a request: {}", e.toString());
    }
    return slept;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> error(DynamoException e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__type", e.wireType());
    m.put("message", e.getMessage());
    e.extra().ifPresent(x -> m.putAll((Map<String, Object>) x));
    return m;
  }

  static String region(String authorization) {
    if (authorization == null) {
      return DEFAULT_REGION;
    }
    Matcher m = CREDENTIAL.matcher(authorization);
    return m.find() ? m.group(1) : DEFAULT_REGION;
  }

  /** CRC32 of the body, as DynamoDB sends it in {@code x-amz-crc32}. */
  public static long crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }

  private static void send(HttpExchange exchange, int status, byte[] bytes, String requestId, String type) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
    exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc32(bytes)));
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops listening and ends every thread of this server. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("Emulator request threads did not end within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

}
