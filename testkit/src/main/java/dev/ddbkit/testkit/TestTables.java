package dev.ddbkit.testkit;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.table.TableDefinition;
import dev.ddbkit.core.table.TableManager;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Tables private to one test (or one test class, when injected into {@code @BeforeAll}): every name gets a
 * unique suffix, so tests sharing one test backend never see each other's data. Tables created here are
 * deleted when the test ends.
 *
 * <pre>{@code
 * TableDefinition orders = tables.ensure(SeedTables.orders());   // orders-production-t1a2b3c4-1
 * }</pre>
 */
public final class TestTables implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TestTables.class);
  private static final AtomicLong COUNTER = new AtomicLong();

  private final DynamoDbClient client;
  private final TableManager manager;
  private final String suffix;
  private final List<String> created = new ArrayList<>();

  /** Tables on {@code client} with a fresh unique suffix. */
  public TestTables(DynamoDbClient client) {
    this.client = Require.nonNull(client, "client");
    this.manager = TableManager.of(client);
    byte[] random = new byte[4];
    ThreadLocalRandom.current().nextBytes(random);
    this.suffix = "-t" + HexFormat.of().formatHex(random) + "-" + COUNTER.incrementAndGet();
  }

  /** The suffix appended to every name, such as {@code -t1a2b3c4-7}. */
  public String suffix() {
    return suffix;
  }

  /** {@code base} with this test's suffix. */
  public String uniqueName(String base) {
    Require.nonBlank(base, "base");
    return base + suffix;
  }

  /**
   * Creates {@code definition} under this test's unique name, waits until it is ACTIVE and returns the
   * renamed definition. The table is deleted when the test ends.
   */
  public synchronized TableDefinition ensure(TableDefinition definition) {
    Require.nonNull(definition, "definition");
    TableDefinition unique = definition.withName(uniqueName(definition.name()));
    manager.ensure(unique);
    created.add(unique.name());
    return unique;
  }

  /** The client the tables are created with. */
  public DynamoDbClient client() {
    return client;
  }

  /** Deletes every table this object created. */
  @Override
  public synchronized void close() {
    for (String name : created) {
      try {
        manager.deleteIfExists(name);
      } catch (RuntimeException e) {
        log.debug("Could not delete test table {}: {}", name, e.toString());
      }
    }
    created.clear();
  }
}
