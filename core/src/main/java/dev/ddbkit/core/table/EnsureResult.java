package dev.ddbkit.core.table;

import java.util.List;

/**
 * What {@link TableManager#ensure} did.
 *
 * @param table the table name
 * @param created whether the table was created by this call
 * @param differences how the live table differs from the definition; empty when it matches
 */
public record EnsureResult(String table, boolean created, List<String> differences) {

  public EnsureResult {
    differences = List.copyOf(differences);
  }

  /** Whether the live table matches the definition. */
  public boolean matches() {
    return differences.isEmpty();
  }
}
