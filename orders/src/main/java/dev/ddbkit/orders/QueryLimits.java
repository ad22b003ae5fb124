package dev.ddbkit.orders;

import dev.ddbkit.core.error.Require;

/** Page size bounds shared by every list query. */
public final class QueryLimits {
  /** Items per page when the query does not say. */
  public static final int DEFAULT_PAGE_SIZE = 50;
  /** The largest page size; a page is held in memory whole. */
  public static final int MAX_PAGE_SIZE = 1000;

  private QueryLimits() {}

  static int checkPageSize(int pageSize) {
    Require.argument(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE, "pageSize",
        "pageSize must be between 1 and " + MAX_PAGE_SIZE + " but was " + pageSize + ".");
    return pageSize;
  }
}
