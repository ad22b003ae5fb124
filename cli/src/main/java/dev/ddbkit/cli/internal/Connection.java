package dev.ddbkit.cli.internal;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The clients of one command run, with the recorder of their calls; closes everything it opened. */
public final class Connection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

  private final String target;
  private final ClientSettings settings;
  private final DdbkitClients clients;
  private final OperationRecorder recorder;
  private final AutoCloseable onClose;

  private Connection(String target, ClientSettings settings, OperationRecorder recorder, AutoCloseable onClose) {
    this.target = target;
    this.settings = settings;
    this.clients = DdbkitClients.create(settings);
    this.recorder = recorder;
    this.onClose = onClose;
  }

  /** Clients for {@code settings} with {@code recorder} added as metric publisher. */
  public static Connection open(String target, ClientSettings.Builder settings, OperationRecorder recorder,
      AutoCloseable onClose) {
    return new Connection(target, settings.addMetricPublisher(recorder).addInterceptor(recorder.interceptor()).build(), recorder, onClose);
  }

  /** Clients for the options' target. */
  public static Connection open(ConnectionOptions options) {
    return open(options.describeTarget(), options.settings(), new OperationRecorder(), () -> { });
  }

  /** Where requests go, for messages. */
  public String target() {
    return target;
  }

  /** The settings the clients were built with. */
  public ClientSettings settings() {
    return settings;
  }

  /** The clients. */
  public DdbkitClients clients() {
    return clients;
  }

  /** The synchronous client. */
  public DynamoDbClient sync() {
    return clients.sync();
  }

  /** The asynchronous client. */
  public DynamoDbAsyncClient async() {
    return clients.async();
  }

  /** What was recorded of the calls made so far. */
  public OperationRecorder recorder() {
    return recorder;
  }

  /**
   * Closes the clients and then runs the close action (such as stopping an embedded server). The clients close
   * on a daemon thread: the asynchronous client's event loop waits two quiet seconds before it stops, and a
   * command that has printed its result should not keep its operator waiting for that.
   */
  @Override
  public void close() {
    try {
      Thread closer = new Thread(() -> {
        try {
          clients.close();
        } catch (RuntimeException e) {
          LOG.debug("Closing the clients of {} failed", target, e);
        }
      }, "ddbkit-cli-close");
      closer.setDaemon(true);
      closer.start();
    } finally {
      try {
        onClose.close();
      } catch (Exception e) {
        throw new IllegalStateException("Could not stop " + target + ".", e);
      }
    }
  }
}
