package dev.ddbkit.orders;

import dev.ddbkit.core.error.Require;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list query.
 *
 * <p>What a page guarantees: it holds at most {@code pageSize} items, in the query's order. A page of a
 * customer or date query, and a keys-only status page, holds exactly {@code pageSize} items unless it is the
 * last page (ddbkit keeps querying across DynamoDB's 1 MB responses and reads one item ahead).
 * {@link #hasMore()} is true exactly when at least one further item existed when the page was read, so a
 * last page never comes back empty after a full one. A hydrated status page may hold fewer items than its
 * keys when an order was deleted or changed status between the index read and the fetch.
 *
 * <pre>{@code
 * Page<Order> page = orders.byCustomer("c-42", q -> q.pageSize(20));
 * page.nextCursor().ifPresent(c -> response.header("Next-Cursor", c));   // URL-safe
 * }</pre>
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final List<T> items;
  private final @Nullable String nextCursor;

  private Page(List<T> items, @Nullable String nextCursor) {
    this.items = List.copyOf(items);
    this.nextCursor = nextCursor;
  }

  /** A page of {@code items}; {@code nextCursor} null on the last page. */
  public static <T> Page<T> of(List<T> items, @Nullable String nextCursor) {
    return new Page<>(Require.nonNull(items, "items"), nextCursor);
  }

  /** The items, unmodifiable. */
  public List<T> items() {
    return items;
  }

  /** Whether another page follows; then {@link #nextCursor()} is present. */
  public boolean hasMore() {
    return nextCursor != null;
  }

  /**
   * The opaque, URL-safe cursor ({@code [A-Za-z0-9_-]}) to pass to the same query to read the next page;
   * empty on the last page. Valid only for the query that produced it.
   */
  public Optional<String> nextCursor() {
    return Optional.ofNullable(nextCursor);
  }

  @Override
  public String toString() {
    return "Page{" + items.size() + " items, hasMore=" + hasMore() + "}";
  }
}
