package dev.ddbkit.testkit.internal;

import org.jspecify.annotations.Nullable;
import java.net.URI;

/**
 * DynamoDB Local in a container through Testcontainers (an optional dependency). All Testcontainers types
 * are touched only inside {@link Impl}, so this class loads without Testcontainers on the classpath.
 */
public final class ContainerServer implements AutoCloseable {
  /** The image used; the same version as the embedded server. */
  public static final String IMAGE = "amazon/dynamodb-local:2.6.1";

  private final AutoCloseable container;
  private final URI endpoint;

  private ContainerServer(AutoCloseable container, URI endpoint) {
    this.container = container;
    this.endpoint = endpoint;
  }

  /** Starts the container, or throws {@link Unavailable} with the reason it cannot run here. */
  public static ContainerServer start() throws Unavailable {
    try {
      Class.forName("org.testcontainers.DockerClientFactory");
    } catch (ClassNotFoundException e) {
      throw new Unavailable("Testcontainers is not on the classpath (add org.testcontainers:testcontainers)", e);
    }
    return Impl.start();
  }

  /** The container's HTTP endpoint. */
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() throws Exception {
    container.close();
  }

  /** Why the container backend cannot run. */
  public static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String reason, @Nullable Throwable cause) {
      super(reason, cause);
    }
  }

  private static final class Impl {
    private Impl() {}

    @SuppressWarnings("resource")
    static ContainerServer start() throws Unavailable {
      boolean docker;
      Throwable why = null;
      try {
        docker = org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException e) {
        docker = false;
        why = e;
      }
      if (!docker) {
        throw new Unavailable("no Docker engine is reachable from this machine, so Testcontainers cannot start "
            + IMAGE, why);
      }
      var container = new org.testcontainers.containers.GenericContainer<>(
          org.testcontainers.utility.DockerImageName.parse(IMAGE))
          .withExposedPorts(8000)
          .withCommand("-jar DynamoDBLocal.jar -inMemory -disableTelemetry");
      container.start();
      URI endpoint = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(8000));
      return new ContainerServer(container, endpoint);
    }
  }
}
