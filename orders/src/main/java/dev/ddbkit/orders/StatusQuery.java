package dev.ddbkit.orders;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.orders.internal.OrderItems;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The orders in one status: a {@code Query} on {@code StatusIndex} (partition {@code status}, sort
 * {@code order_date}, projection KEYS_ONLY) in ascending {@code order_date} order, optionally from a day on
 * ({@code order_date >= from}). Orders of the same day come in the index's order.
 *
 * <pre>{@code
 * Page<Order> pending = orders.byStatus(OrderStatus.PENDING, q -> q.from(LocalDate.of(2024, 1, 1)).pageSize(100));
 * }</pre>
 */
public final class StatusQuery {
  private final OrderStatus status;
  private final int pageSize;
  private final @Nullable LocalDate from;
  private final @Nullable String cursor;

  private StatusQuery(Builder b) {
    this.status = b.status;
    this.pageSize = b.pageSize;
    this.from = b.from;
    this.cursor = b.cursor;
  }

  /** A query of the orders in {@code status}, {@value QueryLimits#DEFAULT_PAGE_SIZE} a page. */
  public static Builder builder(OrderStatus status) {
    return new Builder(status);
  }

  /** A builder holding this query's values. */
  public Builder toBuilder() {
    Builder b = new Builder(status);
    b.pageSize = pageSize;
    b.from = from;
    b.cursor = cursor;
    return b;
  }

  /** This query continuing at {@code cursor}. */
  public StatusQuery withCursor(String cursor) {
    return toBuilder().cursor(cursor).build();
  }

  /** The status. */
  public OrderStatus status() {
    return status;
  }

  /** Items per page. */
  public int pageSize() {
    return pageSize;
  }

  /** The first UTC day included. */
  public Optional<LocalDate> from() {
    return Optional.ofNullable(from);
  }

  /** Where to continue, from {@link Page#nextCursor()}. */
  public Optional<String> cursor() {
    return Optional.ofNullable(cursor);
  }

  /** Builder of {@link StatusQuery}; validates each value. */
  public static final class Builder {
    private final OrderStatus status;
    private int pageSize = QueryLimits.DEFAULT_PAGE_SIZE;
    private @Nullable LocalDate from;
    private @Nullable String cursor;

    private Builder(OrderStatus status) {
      this.status = Require.nonNull(status, "status");
    }

    /** Items per page, 1 to {@value QueryLimits#MAX_PAGE_SIZE}. */
    public Builder pageSize(int pageSize) {
      this.pageSize = QueryLimits.checkPageSize(pageSize);
      return this;
    }

    /** Only orders whose {@code order_date} is {@code from} or later. */
    public Builder from(LocalDate from) {
      this.from = OrderItems.checkDate(from, "from");
      return this;
    }

    /** Continue at {@code cursor}, from {@link Page#nextCursor()} of the same query. */
    public Builder cursor(String cursor) {
      this.cursor = Require.nonNull(cursor, "cursor");
      return this;
    }

    /** Builds the query. */
    public StatusQuery build() {
      return new StatusQuery(this);
    }
  }
}
