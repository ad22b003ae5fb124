package dev.ddbkit.emulator.internal.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A table's settings that the engine stores and reports but does not act on (except TTL). Guarded by its own
 * monitor: callers synchronise on the instance to read or change several fields together.
 */
public final class TableSettings {
  public String billingMode = "PROVISIONED";
  public long readCapacity;
  public long writeCapacity;
  public Optional<Instant> lastBillingChange = Optional.empty();
  /** Attribute name to type, as declared (key attributes of the table and its indexes). */
  public final Map<String, String> attributeDefinitions = new LinkedHashMap<>();
  public final Map<String, String> tags = new LinkedHashMap<>();
  public Optional<Map<String, Object>> streamSpecification = Optional.empty();
  public Optional<Map<String, Object>> sseDescription = Optional.empty();
  public Optional<String> tableClass = Optional.empty();
  public boolean deletionProtection;
  public Optional<String> ttlAttribute = Optional.empty();
  public boolean pointInTimeRecovery;
}
