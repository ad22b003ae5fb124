package dev.ddbkit.core.typed;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a {@link QueryResult}: exactly the requested number of items unless the query is exhausted, and an
 * opaque cursor for the next page when more items follow.
 *
 * <pre>{@code
 * ResultPage<Customer> page = customers.query(keyEqualTo(k -> k.partitionValue("acme"))).page(20);
 * page.nextCursor().ifPresent(cursor -> response.setHeader("Next-Cursor", cursor));
 * }</pre>
 *
 * @param <T> the entity type
 */
public final class ResultPage<T> {
  private final List<T> items;
  private final @Nullable String nextCursor;

  ResultPage(List<T> items, @Nullable String nextCursor) {
    this.items = List.copyOf(items);
    this.nextCursor = nextCursor;
  }

  /** The items, in query order. */
  public List<T> items() {
    return items;
  }

  /** The cursor of the next page; empty on the last page (never an empty trailing page). */
  public Optional<String> nextCursor() {
    return Optional.ofNullable(nextCursor);
  }

  /** Whether another page follows. */
  public boolean hasNext() {
    return nextCursor != null;
  }

  @Override
  public String toString() {
    return "ResultPage{" + items.size() + " items, " + (nextCursor == null ? "last" : "more") + "}";
  }
}
