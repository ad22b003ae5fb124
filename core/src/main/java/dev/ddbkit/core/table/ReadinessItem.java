package dev.ddbkit.core.table;

import dev.ddbkit.core.error.Require;

/**
 * One line of a {@link ReadinessReport}.
 *
 * @param category the checklist category: {@code Capacity}, {@code Security}, {@code Backup}, {@code Monitoring}
 *     or {@code Design}
 * @param name what is checked, such as {@code Point-in-time recovery} or {@code GSI StatusIndex}
 * @param status met, missing or not checkable
 * @param detail a sentence saying what was found
 */
public record ReadinessItem(String category, String name, ReadinessStatus status, String detail) {

  public ReadinessItem {
    Require.nonBlank(category, "category");
    Require.nonBlank(name, "name");
    Require.nonNull(status, "status");
    Require.nonNull(detail, "detail");
  }

  static ReadinessItem met(String category, String name, String detail) {
    return new ReadinessItem(category, name, ReadinessStatus.MET, detail);
  }

  static ReadinessItem missing(String category, String name, String detail) {
    return new ReadinessItem(category, name, ReadinessStatus.MISSING, detail);
  }

  static ReadinessItem notCheckable(String category, String name, String detail) {
    return new ReadinessItem(category, name, ReadinessStatus.NOT_CHECKABLE, detail);
  }
}
