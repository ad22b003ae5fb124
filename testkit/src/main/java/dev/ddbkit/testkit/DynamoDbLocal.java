package dev.ddbkit.testkit;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.testkit.internal.ContainerServer;
import dev.ddbkit.testkit.internal.EmbeddedServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A DynamoDB for tests, reached by the real AWS SDK over HTTP: ddbkit's open-source DynamoDB emulator embedded
 * in this JVM (default, in memory, on a free loopback port), DynamoDB Local in a Testcontainers container, or an
 * external endpoint. (The class keeps its historical name.)
 *
 * <pre>{@code
 * try (DynamoDbLocal local = DynamoDbLocal.start()) {
 *   DynamoDbClient client = local.clients().sync();
 *   TableManager.of(client).ensure(SeedTables.orders());
 * }
 * }</pre>
 *
 * <p>The backend is chosen by {@link #configuredBackend()}: system property {@code ddbkit.testkit.backend}
 * or environment variable {@code DDBKIT_BACKEND} ({@code embedded}, {@code testcontainers},
 * {@code external}); {@code DDBKIT_ENDPOINT} alone selects {@code external}.
 */
public final class DynamoDbLocal implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DynamoDbLocal.class);

  /** Environment variable naming an external endpoint. */
  public static final String ENDPOINT_ENV = "DDBKIT_ENDPOINT";
  /** Environment variable naming the region for an external endpoint. */
  public static final String REGION_ENV = "DDBKIT_REGION";
  /** Environment variable choosing the backend. */
  public static final String BACKEND_ENV = "DDBKIT_BACKEND";
  /** System property choosing the backend; wins over the environment. */
  public static final String BACKEND_PROPERTY = "ddbkit.testkit.backend";

  private static @Nullable DynamoDbLocal shared;

  private final Backend backend;
  private final URI endpoint;
  private final Duration startupTime;
  private final ClientSettings clientSettings;
  private final @Nullable AutoCloseable server;
  private @Nullable DdbkitClients clients;
  private boolean closed;

  private DynamoDbLocal(Backend backend, URI endpoint, Duration startupTime, ClientSettings clientSettings,
      @Nullable AutoCloseable server) {
    this.backend = backend;
    this.endpoint = endpoint;
    this.startupTime = startupTime;
    this.clientSettings = clientSettings;
    this.server = server;
  }

  /** Starts the embedded DynamoDB emulator on a free loopback port. */
  public static DynamoDbLocal start() {
    return start(Backend.EMBEDDED);
  }

  /**
   * Starts (or, for {@link Backend#EXTERNAL}, connects to) the given backend.
   *
   * @throws BackendUnavailableException when the backend cannot run here, with the reason
   */
  public static DynamoDbLocal start(Backend backend) {
    long started = System.nanoTime();
    switch (backend) {
      case EMBEDDED -> {
        EmbeddedServer server = EmbeddedServer.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.port());
        return new DynamoDbLocal(backend, endpoint, Duration.ofNanos(System.nanoTime() - started),
            localSettings(endpoint), server);
      }
      case TESTCONTAINERS -> {
        ContainerServer server;
        try {
          server = ContainerServer.start();
        } catch (ContainerServer.Unavailable e) {
          throw new BackendUnavailableException(backend, e.getMessage(), e);
        }
        URI endpoint = server.endpoint();
        return new DynamoDbLocal(backend, endpoint, Duration.ofNanos(System.nanoTime() - started),
            localSettings(endpoint), server);
      }
      case EXTERNAL -> {
        String value = System.getenv(ENDPOINT_ENV);
        if (value == null || value.isBlank()) {
          throw new BackendUnavailableException(backend, ENDPOINT_ENV + " is not set", null);
        }
        return external(URI.create(value.trim()));
      }
      default -> throw new IllegalArgumentException("Unknown backend " + backend);
    }
  }

  /**
   * Uses an endpoint that is already running. Loopback endpoints get static test credentials; any other
   * endpoint uses the SDK's default credentials chain and the region from {@code DDBKIT_REGION}
   * (default us-east-1).
   */
  public static DynamoDbLocal external(URI endpoint) {
    ClientSettings settings;
    if (isLoopback(endpoint)) {
      settings = localSettings(endpoint);
    } else {
      String region = Optional.ofNullable(System.getenv(REGION_ENV)).filter(s -> !s.isBlank()).orElse("us-east-1");
      settings = ClientSettings.builder().endpointOverride(endpoint).region(Region.of(region)).build();
    }
    return new DynamoDbLocal(Backend.EXTERNAL, endpoint, Duration.ZERO, settings, null);
  }

  /** The backend chosen by configuration; {@link Backend#EMBEDDED} when nothing is set. */
  public static Backend configuredBackend() {
    String value = System.getProperty(BACKEND_PROPERTY);
    if (value == null || value.isBlank()) {
      value = System.getenv(BACKEND_ENV);
    }
    if (value == null || value.isBlank()) {
      String endpoint = System.getenv(ENDPOINT_ENV);
      return endpoint == null || endpoint.isBlank() ? Backend.EMBEDDED : Backend.EXTERNAL;
    }
    try {
      return Backend.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown ddbkit test backend '" + value
          + "'; use embedded, testcontainers or external.", e);
    }
  }

  /** One instance per JVM with the configured backend, started on first use and stopped at JVM exit. */
  public static synchronized DynamoDbLocal shared() {
    if (shared == null || shared.closed) {
      DynamoDbLocal local = start(configuredBackend());
      Runtime.getRuntime().addShutdownHook(new Thread(local::close, "ddbkit-dynamodb-local-shutdown"));
      shared = local;
    }
    return shared;
  }

  /** The backend in use. */
  public Backend backend() {
    return backend;
  }

  /** The HTTP endpoint to send requests to. */
  public URI endpoint() {
    return endpoint;
  }

  /** How long the server took to start; zero for an external endpoint. */
  public Duration startupTime() {
    return startupTime;
  }

  /** Client settings pointing at this endpoint (region and credentials set), to derive custom clients from. */
  public ClientSettings clientSettings() {
    return clientSettings;
  }

  /** Clients for this endpoint, created on first use and closed with this object. */
  public synchronized DdbkitClients clients() {
    if (closed) {
      throw new IllegalStateException("This test backend is closed.");
    }
    if (clients == null) {
      clients = DdbkitClients.create(clientSettings);
    }
    return clients;
  }

  /** Stops the server (if this object started one) and closes its clients. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (clients != null) {
      clients.close();
    }
    if (server != null) {
      try {
        server.close();
      } catch (Exception e) {
        log.warn("The test backend ({}) did not stop cleanly: {}", backend, e.toString());
      }
    }
  }

  private static ClientSettings localSettings(URI endpoint) {
    // Local backends accept any credentials made of letters and digits; these are not secrets.
    // DynamoDB Local's latency on a loaded 2-core CI machine is far above DynamoDB's, so the production attempt timeout
    // (2 s) would time out and re-send non-idempotent calls such as CreateTable: tests get generous timeouts.
    return ClientSettings.builder()
        .endpointOverride(endpoint)
        .apiCallTimeout(Duration.ofSeconds(60))
        .apiCallAttemptTimeout(Duration.ofSeconds(30))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("ddbkit", "ddbkit")))
        .build();
  }

  private static boolean isLoopback(URI endpoint) {
    try {
      return endpoint.getHost() != null && InetAddress.getByName(endpoint.getHost()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "DynamoDbLocal{" + backend + ", " + endpoint + "}";
  }
}
