package dev.ddbkit.core.typed;

import dev.ddbkit.core.error.DdbkitException;
import java.util.List;

/**
 * What a batch write ({@link DdbkitTable#putAll}, {@link DdbkitTable#deleteAll}) did: how many entries were
 * written, and each entry that finally failed with its reason (unprocessed after every retry, or rejected).
 *
 * <pre>{@code
 * BatchWriteResult<Customer> result = customers.putAll(imported);
 * result.failures().forEach(f -> log.warn("not written: {} ({})", f.entry(), f.reason().errorCode()));
 * }</pre>
 *
 * @param <E> the entry type: the item for puts, the {@code Key} for deletes
 * @param written how many entries DynamoDB applied
 * @param failures the entries that were not written, in input order
 * @param requests how many {@code BatchWriteItem} calls were made
 */
public record BatchWriteResult<E>(int written, List<Failure<E>> failures, int requests) {

  public BatchWriteResult {
    failures = List.copyOf(failures);
  }

  /** Whether every entry was written. */
  public boolean allWritten() {
    return failures.isEmpty();
  }

  /**
   * One entry that was not written.
   *
   * @param entry the item or key
   * @param reason why: a {@code ThrottlingException} for items left unprocessed after every retry, otherwise the
   *     error of the request that carried it
   * @param <E> the entry type
   */
  public record Failure<E>(E entry, DdbkitException reason) {}
}
