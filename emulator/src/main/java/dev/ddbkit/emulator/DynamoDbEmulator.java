package dev.ddbkit.emulator;

import dev.ddbkit.emulator.internal.http.WireServer;
import dev.ddbkit.emulator.internal.ops.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory DynamoDB-compatible server speaking DynamoDB's wire protocol (JSON 1.0 over HTTP), for tests and
 * local development. Point any DynamoDB client at {@link #endpoint()}; tables are scoped by the region of the
 * request's signature and shared by every access key. Signatures are accepted, not verified.
 *
 * <pre>{@code
 * try (DynamoDbEmulator emulator = DynamoDbEmulator.start()) {
 *   DynamoDbClient client = DynamoDbClient.builder()
 *       .endpointOverride(emulator.endpoint())
 *       .region(Region.US_EAST_1)
 *       .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
 *       .build();
 *   client.listTables();
 * }
 * }</pre>
 */
public final class DynamoDbEmulator implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DynamoDbEmulator.class);

  private final WireServer server;
  private final ScheduledExecutorService sweeper;
  private final InetAddress address;
  private volatile boolean closed;

  private DynamoDbEmulator(WireServer server, ScheduledExecutorService sweeper, InetAddress address) {
    this.server = server;
    this.sweeper = sweeper;
    this.address = address;
  }

  /** Starts an emulator with default settings on a free loopback port. */
  public static DynamoDbEmulator start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The URI to use as a client's endpoint override, e.g. {@code http://127.0.0.1:54321}. */
  public URI endpoint() {
    return URI.create("http://" + address.getHostAddress() + ":" + port());
  }

  public int port() {
    return server.port();
  }

  /**
   * Deletes now every item whose time-to-live attribute (epoch seconds, per UpdateTimeToLive) is before the
   * emulator clock's now, as DynamoDB's background TTL process eventually does; returns how many it deleted.
   */
  public int deleteExpiredItems() {
    return server.engine().sweepExpired();
  }

  /**
   * What this emulator has served so far: requests answered and the total time its request handler spent on
   * them. Cheap (two {@link java.util.concurrent.atomic.LongAdder}s updated once per request), always on, and
   * meant for benchmarks and diagnostics: {@code handlingTime / requests} is the server-side time of a request,
   * to set against the time a client measures around its call. A request is counted just after its response is
   * written, so a client may see its answer a moment before the counters include it.
   */
  public Stats stats() {
    return new Stats(server.requestsServed(), Duration.ofNanos(server.handlingNanos()));
  }

  /**
   * A snapshot of {@link #stats()}.
   *
   * @param requests HTTP requests answered (every operation and error, and health-check GETs)
   * @param handlingTime total time spent answering them: from the handler's start (request line and headers
   *     already read by the JDK's HTTP server) until the response body is written, the configured
   *     {@linkplain Builder#latency(Duration) latency} excluded; requests handled in parallel add up
   */
  public record Stats(long requests, Duration handlingTime) {
    public Stats {
      Objects.requireNonNull(handlingTime, "handlingTime");
    }

    /** The mean handling time of one request; zero before the first request. */
    public Duration meanPerRequest() {
      return requests == 0 ? Duration.ZERO : handlingTime.dividedBy(requests);
    }

    /** What was served between {@code earlier} and this snapshot. */
    public Stats minus(Stats earlier) {
      return new Stats(requests - earlier.requests, handlingTime.minus(earlier.handlingTime));
    }
  }

  /** Stops the server, releases its port and ends its threads. Every table is lost. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    sweeper.shutdownNow();
    server.close();
    try {
      sweeper.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Configuration of an emulator; immutable once built. */
  public static final class Builder {
    private int port;
    private Clock clock = Clock.systemUTC();
    private Duration latency = Duration.ZERO;
    private Duration ttlSweepInterval = Duration.ofSeconds(1);
    private InetAddress address = InetAddress.getLoopbackAddress();
    private boolean enforceThroughput;

    private Builder() {}

    /** The port to listen on; 0 (the default) picks a free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, was " + port + ".");
      }
      this.port = port;
      return this;
    }

    /** The clock for table creation times, TTL expiry and transaction token expiry (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** A delay added to every response, to make round trips realistic (default: none). */
    public Builder latency(Duration latency) {
      if (latency.isNegative()) {
        throw new IllegalArgumentException("latency must not be negative, was " + latency + ".");
      }
      this.latency = latency;
      return this;
    }

    /** How often expired items are deleted in the background (default: every second). */
    public Builder ttlSweepInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("ttlSweepInterval must be positive, was " + interval + ".");
      }
      this.ttlSweepInterval = interval;
      return this;
    }

    /**
     * Whether to throttle as DynamoDB does (default: off): per partition key beyond 3,000 read or 1,000 write
     * units a second, and per provisioned table beyond its read or write capacity (with 300 seconds of burst),
     * answering ProvisionedThroughputExceededException with {@code ThrottlingReasons}. Buckets refill by the
     * emulator's clock.
     */
    public Builder enforceThroughput(boolean enforce) {
      this.enforceThroughput = enforce;
      return this;
    }

    /** The address to bind (default: loopback only). */
    public Builder bindAddress(InetAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /** Binds the port and starts serving. */
    public DynamoDbEmulator start() {
      WireServer server;
      try {
        server = WireServer.start(address, port,
            p -> new Engine(clock, address.getHostAddress() + ":" + p, enforceThroughput), latency);
      } catch (IOException e) {
        throw new UncheckedIOException("The emulator could not listen on " + address.getHostAddress() + ":" + port, e);
      }
      ScheduledThreadPoolExecutor sweeper = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "ddbkit-emulator-ttl-" + server.port());
        t.setDaemon(true);
        return t;
      });
      long every = ttlSweepInterval.toMillis();
      sweeper.scheduleWithFixedDelay(() -> {
        try {
          server.engine().sweepExpired();
        } catch (RuntimeException e) {
          log.warn("TTL sweep failed", e);
        }
      }, every, every, TimeUnit.MILLISECONDS);
      log.debug("DynamoDB emulator listening on {}:{}", address.getHostAddress(), server.port());
      return new DynamoDbEmulator(server, sweeper, address);
    }
  }
}
