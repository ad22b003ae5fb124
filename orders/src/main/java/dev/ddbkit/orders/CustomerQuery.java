package dev.ddbkit.orders;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.orders.internal.OrderItems;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A customer's orders, a {@code Query} on the table's partition {@code customer_id}; newest first unless
 * {@link Builder#oldestFirst()} is set. An optional creation range becomes a condition on the sort key
 * {@code order_id}, both ends inclusive at millisecond precision.
 *
 * <pre>{@code
 * CustomerQuery q = CustomerQuery.builder("c-42")
 *     .createdBetween(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-31T23:59:59.999Z"))
 *     .pageSize(20)
 *     .build();
 * }</pre>
 */
public final class CustomerQuery {
  private final String customerId;
  private final int pageSize;
  private final @Nullable Instant createdFrom;
  private final @Nullable Instant createdUntil;
  private final boolean newestFirst;
  private final @Nullable String cursor;

  private CustomerQuery(Builder b) {
    this.customerId = b.customerId;
    this.pageSize = b.pageSize;
    this.createdFrom = b.createdFrom;
    this.createdUntil = b.createdUntil;
    this.newestFirst = b.newestFirst;
    this.cursor = b.cursor;
  }

  /** A query of {@code customerId}'s orders, newest first, {@value QueryLimits#DEFAULT_PAGE_SIZE} a page. */
  public static Builder builder(String customerId) {
    return new Builder(customerId);
  }

  /** A builder holding this query's values. */
  public Builder toBuilder() {
    Builder b = new Builder(customerId);
    b.pageSize = pageSize;
    b.createdFrom = createdFrom;
    b.createdUntil = createdUntil;
    b.newestFirst = newestFirst;
    b.cursor = cursor;
    return b;
  }

  /** This query continuing at {@code cursor}. */
  public CustomerQuery withCursor(String cursor) {
    return toBuilder().cursor(cursor).build();
  }

  /** The customer. */
  public String customerId() {
    return customerId;
  }

  /** Items per page. */
  public int pageSize() {
    return pageSize;
  }

  /** Earliest creation instant included. */
  public Optional<Instant> createdFrom() {
    return Optional.ofNullable(createdFrom);
  }

  /** Latest creation instant included. */
  public Optional<Instant> createdUntil() {
    return Optional.ofNullable(createdUntil);
  }

  /** Whether the newest order comes first. */
  public boolean newestFirst() {
    return newestFirst;
  }

  /** Where to continue, from {@link Page#nextCursor()}. */
  public Optional<String> cursor() {
    return Optional.ofNullable(cursor);
  }

  /** Builder of {@link CustomerQuery}; validates each value. */
  public static final class Builder {
    private final String customerId;
    private int pageSize = QueryLimits.DEFAULT_PAGE_SIZE;
    private @Nullable Instant createdFrom;
    private @Nullable Instant createdUntil;
    private boolean newestFirst = true;
    private @Nullable String cursor;

    private Builder(String customerId) {
      this.customerId = OrderItems.checkCustomerId(customerId);
    }

    /** Items per page, 1 to {@value QueryLimits#MAX_PAGE_SIZE}. */
    public Builder pageSize(int pageSize) {
      this.pageSize = QueryLimits.checkPageSize(pageSize);
      return this;
    }

    /** Only orders created in {@code [from, until]}, both inclusive. */
    public Builder createdBetween(Instant from, Instant until) {
      return createdFrom(from).createdUntil(until);
    }

    /** Only orders created at or after {@code from}. */
    public Builder createdFrom(Instant from) {
      this.createdFrom = Require.nonNull(from, "createdFrom");
      return this;
    }

    /** Only orders created at or before {@code until}. */
    public Builder createdUntil(Instant until) {
      this.createdUntil = Require.nonNull(until, "createdUntil");
      return this;
    }

    /** Oldest order first instead of newest first. */
    public Builder oldestFirst() {
      this.newestFirst = false;
      return this;
    }

    /** Newest order first (the default). */
    public Builder newestFirst() {
      this.newestFirst = true;
      return this;
    }

    /** Continue at {@code cursor}, from {@link Page#nextCursor()} of the same query. */
    public Builder cursor(String cursor) {
      this.cursor = Require.nonNull(cursor, "cursor");
      return this;
    }

    /** Builds the query; fails if the creation range is reversed. */
    public CustomerQuery build() {
      if (createdFrom != null && createdUntil != null) {
        Require.argument(!createdFrom.isAfter(createdUntil), "createdFrom",
            "createdFrom (" + createdFrom + ") must not be after createdUntil (" + createdUntil + ").");
      }
      return new CustomerQuery(this);
    }
  }
}
