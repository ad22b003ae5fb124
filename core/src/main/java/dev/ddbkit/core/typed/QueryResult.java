package dev.ddbkit.core.typed;

import dev.ddbkit.core.error.Require;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The result of a query on a table or index, which serves both pages and items, like the SDK's
 * {@code PageIterable}: iterate it for pages of {@link #pageSize()} items, call {@link #page(int, String)} for one
 * page of an exact size resumed from a signed cursor (web APIs), or {@link #items()} to stream every item. Each
 * page is fetched when asked for ({@code Query} calls, retried by ddbkit); index results of a hydrating index
 * come back as full items by {@code BatchGetItem}, in index order.
 *
 * <pre>{@code
 * QueryResult<Customer> result = customers.query(keyEqualTo(k -> k.partitionValue("acme")));
 * ResultPage<Customer> first = result.page(20);
 * ResultPage<Customer> second = result.page(20, first.nextCursor().orElseThrow());
 * long all = result.items().count();
 * }</pre>
 *
 * @param <T> the entity type
 */
public final class QueryResult<T> implements Iterable<ResultPage<T>> {
  /** Page size when the request sets no limit. */
  public static final int DEFAULT_PAGE_SIZE = 100;
  /** Largest page size accepted. */
  public static final int MAX_PAGE_SIZE = 10_000;

  private final QueryRunner<T> runner;
  private final int pageSize;

  QueryResult(QueryRunner<T> runner, int pageSize) {
    this.runner = runner;
    this.pageSize = pageSize;
  }

  /** The size of the pages this result iterates: the request's {@code limit}, or {@value #DEFAULT_PAGE_SIZE}. */
  public int pageSize() {
    return pageSize;
  }

  /** The first page, of exactly {@code size} items unless fewer match. */
  public ResultPage<T> page(int size) {
    return runner.page(checkSize(size), null);
  }

  /**
   * The page of {@code size} items after {@code cursor}, a {@link ResultPage#nextCursor()} of this same query.
   *
   * @throws CursorRejectedException if the cursor was altered, signed with another key, or issued by another
   *     query; nothing is sent to DynamoDB then
   */
  public ResultPage<T> page(int size, String cursor) {
    Require.nonNull(cursor, "cursor");
    return runner.page(checkSize(size), cursor);
  }

  /** The pages of {@link #pageSize()} items, fetched as iteration reaches them. */
  @Override
  public Iterator<ResultPage<T>> iterator() {
    return new Iterator<>() {
      private boolean started;
      private @Nullable String cursor;

      @Override
      public boolean hasNext() {
        return !started || cursor != null;
      }

      @Override
      public ResultPage<T> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ResultPage<T> page = runner.page(pageSize, cursor);
        started = true;
        cursor = page.nextCursor().orElse(null);
        return page;
      }
    };
  }

  /** The pages, as a sequential stream. */
  public Stream<ResultPage<T>> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  /** Every item, in query order, fetched page by page as the stream is consumed. */
  public Stream<T> items() {
    return stream().flatMap(p -> p.items().stream());
  }

  private static int checkSize(int size) {
    Require.argument(size >= 1 && size <= MAX_PAGE_SIZE, "pageSize",
        "pageSize must be between 1 and " + MAX_PAGE_SIZE + " but was " + size + ".");
    return size;
  }

  /** Fetches one page; implemented by the table. */
  interface QueryRunner<T> {
    ResultPage<T> page(int size, @Nullable String cursor);
  }
}
