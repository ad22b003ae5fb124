package dev.ddbkit.core.table;

import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates tables from {@link TableDefinition}s and keeps them as defined.
 *
 * <pre>{@code
 * TableManager tables = TableManager.of(client);
 * tables.ensure(SeedTables.orders());   // CreateTable if absent, wait ACTIVE, UpdateTimeToLive
 * }</pre>
 */
public final class TableManager {
  private static final Logger log = LoggerFactory.getLogger(TableManager.class);

  private final DynamoDbClient client;
  private final Duration timeout;

  private TableManager(DynamoDbClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /** A manager using {@code client}, waiting at most five minutes for a table to become ACTIVE. */
  public static TableManager of(DynamoDbClient client) {
    return of(client, Duration.ofMinutes(5));
  }

  /** A manager using {@code client}, waiting at most {@code timeout} for a table to become ACTIVE. */
  public static TableManager of(DynamoDbClient client, Duration timeout) {
    Require.nonNull(client, "client");
    Require.nonNull(timeout, "timeout");
    Require.argument(!timeout.isNegative() && !timeout.isZero(), "timeout", "timeout must be positive but was " + timeout + ".");
    return new TableManager(client, timeout);
  }

  /**
   * Creates the table if absent ({@code CreateTable}), waits until it and its indexes are ACTIVE, enables
   * TTL ({@code UpdateTimeToLive}) and point-in-time recovery where the backend supports it. Idempotent.
   * An existing table whose keys, attribute types, indexes, billing mode, capacity, server-side encryption
   * (when the backend reports it) or defined tags ({@code ListTagsOfResource}, skipped where unsupported)
   * differ from the definition is reported in {@link EnsureResult#differences()} and logged, never altered.
   * The only changes made to an existing table are additive: TTL is enabled if it is off (a TTL on another
   * attribute is reported instead) and point-in-time recovery is enabled if it is off; these are not listed
   * in the result. A backend that does not implement continuous backups (DynamoDB Local) is tolerated; any
   * other failure of those calls is thrown translated.
   */
  public EnsureResult ensure(TableDefinition definition) {
    Require.nonNull(definition, "definition");
    boolean created = false;
    Optional<TableDescription> existing = describe(definition.name());
    if (existing.isEmpty()) {
      try {
        client.createTable(definition.toCreateTableRequest());
        created = true;
        log.info("Created table {}", definition.name());
      } catch (ResourceInUseException raced) {
        log.debug("Table {} was created concurrently", definition.name());
      } catch (SdkException e) {
        throw DdbkitErrors.translate(e, "CreateTable", definition.name());
      }
    }
    TableDescription description = awaitActive(definition.name());
    List<String> differences = new ArrayList<>(TableDifferences.between(definition, description));
    if (!created) {
      differences.addAll(TableDifferences.tags(definition, liveTags(description)));
    }
    definition.ttlAttribute().ifPresent(ttl -> enableTtl(definition.name(), ttl, differences));
    if (definition.pointInTimeRecovery()) {
      enablePointInTimeRecovery(definition.name());
    }
    if (!created && !differences.isEmpty()) {
      log.warn("Table {} differs from its definition: {}", definition.name(), differences);
    }
    return new EnsureResult(definition.name(), created, created ? List.of() : differences);
  }

  /**
   * Checks the live table against the production checklist and {@code definition}; see
   * {@link ReadinessCheck}.
   */
  public ReadinessReport readiness(TableDefinition definition) {
    return ReadinessCheck.of(client).check(definition);
  }

  /** Deletes the table if it exists ({@code DeleteTable}); returns whether it did. */
  public boolean deleteIfExists(String tableName) {
    Require.nonBlank(tableName, "tableName");
    try {
      client.deleteTable(r -> r.tableName(tableName));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    } catch (SdkException e) {
      throw DdbkitErrors.translate(e, "DeleteTable", tableName);
    }
  }

  /** The live description of {@code tableName} ({@code DescribeTable}), or empty if it does not exist. */
  public Optional<TableDescription> describe(String tableName) {
    try {
      DescribeTableResponse response = client.describeTable(r -> r.tableName(tableName));
      return Optional.of(response.table());
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw DdbkitErrors.translate(e, "DescribeTable", tableName);
    }
  }

  private TableDescription awaitActive(String tableName) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long sleepMillis = 20;
    while (true) {
      Optional<TableDescription> d = describe(tableName);
      if (d.isPresent() && d.get().tableStatus() == TableStatus.ACTIVE
          && d.get().globalSecondaryIndexes().stream().allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE)) {
        return d.get();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Table " + tableName + " did not become ACTIVE within " + timeout + ".");
      }
      try {
        Thread.sleep(sleepMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for table " + tableName + " to become ACTIVE.", e);
      }
      sleepMillis = Math.min(1000, sleepMillis * 2);
    }
  }

  /** The live tags ({@code ListTagsOfResource}), or empty if the backend does not support tags. */
  private Optional<Map<String, String>> liveTags(TableDescription table) {
    if (table.tableArn() == null) {
      return Optional.empty();
    }
    try {
      Map<String, String> tags = new HashMap<>();
      String next = null;
      do {
        String token = next;
        ListTagsOfResourceResponse page = client.listTagsOfResource(r -> r.resourceArn(table.tableArn()).nextToken(token));
        page.tags().forEach(t -> tags.put(t.key(), t.value()));
        next = page.nextToken();
      } while (next != null);
      return Optional.of(tags);
    } catch (AwsServiceException e) {
      if (UnsupportedOperations.isUnsupported(e)) {
        log.debug("Tags not supported by this backend for {}: {}", table.tableName(), e.getMessage());
        return Optional.empty();
      }
      throw DdbkitErrors.translate(e, "ListTagsOfResource", table.tableName());
    } catch (SdkException e) {
      throw DdbkitErrors.translate(e, "ListTagsOfResource", table.tableName());
    }
  }

  private void enableTtl(String tableName, String attribute, List<String> differences) {
    try {
      DescribeTimeToLiveResponse ttl = client.describeTimeToLive(r -> r.tableName(tableName));
      var d = ttl.timeToLiveDescription();
      boolean enabled = d != null && (d.timeToLiveStatus() == TimeToLiveStatus.ENABLED
          || d.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
      if (enabled && attribute.equals(d.attributeName())) {
        return;
      }
      if (enabled) {
        differences.add("TTL is on attribute " + d.attributeName() + ", the definition says " + attribute);
        return;
      }
      client.updateTimeToLive(r -> r.tableName(tableName)
          .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(true)));
    } catch (SdkException e) {
      throw DdbkitErrors.translate(e, "UpdateTimeToLive", tableName);
    }
  }

  private void enablePointInTimeRecovery(String tableName) {
    try {
      var current = client.describeContinuousBackups(r -> r.tableName(tableName)).continuousBackupsDescription();
      if (current != null && current.pointInTimeRecoveryDescription() != null
          && current.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()
              == software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus.ENABLED) {
        return;
      }
      client.updateContinuousBackups(r -> r.tableName(tableName)
          .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    } catch (AwsServiceException e) {
      if (!UnsupportedOperations.isUnsupported(e)) {
        throw DdbkitErrors.translate(e, "UpdateContinuousBackups", tableName);
      }
      // DynamoDB Local and some emulators do not implement continuous backups; readiness reports it.
      log.debug("Point-in-time recovery not supported by this backend for {}: {}", tableName, e.getMessage());
    } catch (SdkException e) {
      throw DdbkitErrors.translate(e, "UpdateContinuousBackups", tableName);
    }
  }
}
