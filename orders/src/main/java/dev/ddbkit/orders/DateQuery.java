package dev.ddbkit.orders;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.orders.internal.OrderItems;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The orders created on one UTC day: a {@code Query} on {@code OrderDateIndex} (partition {@code order_date},
 * sort {@code order_id}, projection ALL), oldest first unless {@link Builder#newestFirst()} is set.
 *
 * <pre>{@code
 * Page<Order> page = orders.byDate(LocalDate.of(2024, 1, 15), q -> q.pageSize(100));
 * }</pre>
 */
public final class DateQuery {
  private final LocalDate date;
  private final int pageSize;
  private final boolean newestFirst;
  private final @Nullable String cursor;

  private DateQuery(Builder b) {
    this.date = b.date;
    this.pageSize = b.pageSize;
    this.newestFirst = b.newestFirst;
    this.cursor = b.cursor;
  }

  /** A query of the orders of {@code date}, oldest first, {@value QueryLimits#DEFAULT_PAGE_SIZE} a page. */
  public static Builder builder(LocalDate date) {
    return new Builder(date);
  }

  /** A builder holding this query's values. */
  public Builder toBuilder() {
    Builder b = new Builder(date);
    b.pageSize = pageSize;
    b.newestFirst = newestFirst;
    b.cursor = cursor;
    return b;
  }

  /** This query continuing at {@code cursor}. */
  public DateQuery withCursor(String cursor) {
    return toBuilder().cursor(cursor).build();
  }

  /** The UTC day. */
  public LocalDate date() {
    return date;
  }

  /** Items per page. */
  public int pageSize() {
    return pageSize;
  }

  /** Whether the newest order comes first. */
  public boolean newestFirst() {
    return newestFirst;
  }

  /** Where to continue, from {@link Page#nextCursor()}. */
  public Optional<String> cursor() {
    return Optional.ofNullable(cursor);
  }

  /** Builder of {@link DateQuery}; validates each value. */
  public static final class Builder {
    private final LocalDate date;
    private int pageSize = QueryLimits.DEFAULT_PAGE_SIZE;
    private boolean newestFirst;
    private @Nullable String cursor;

    private Builder(LocalDate date) {
      this.date = OrderItems.checkDate(date, "date");
    }

    /** Items per page, 1 to {@value QueryLimits#MAX_PAGE_SIZE}. */
    public Builder pageSize(int pageSize) {
      this.pageSize = QueryLimits.checkPageSize(pageSize);
      return this;
    }

    /** Newest order first instead of oldest first. */
    public Builder newestFirst() {
      this.newestFirst = true;
      return this;
    }

    /** Continue at {@code cursor}, from {@link Page#nextCursor()} of the same query. */
    public Builder cursor(String cursor) {
      this.cursor = Require.nonNull(cursor, "cursor");
      return this;
    }

    /** Builds the query. */
    public DateQuery build() {
      return new DateQuery(this);
    }
  }
}
