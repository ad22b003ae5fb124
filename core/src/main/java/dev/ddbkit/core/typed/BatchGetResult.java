package dev.ddbkit.core.typed;

import dev.ddbkit.core.error.DdbkitException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * What a batch read ({@link DdbkitTable#getAll}) found: the items in the order of the keys asked for, the keys
 * with no item, and the keys that could not be read after every retry.
 *
 * <pre>{@code
 * BatchGetResult<Customer> r = customers.getAll(keys);
 * if (!r.unread().isEmpty()) { throw r.failure().orElseThrow(); }
 * }</pre>
 *
 * @param items the items found, in the order of their keys
 * @param missing keys with no item
 * @param unread keys left unprocessed or failed after every retry
 * @param failure the last error behind {@code unread}, if any
 * @param <T> the entity type
 */
public record BatchGetResult<T>(List<T> items, List<Key> missing, List<Key> unread, Optional<DdbkitException> failure) {

  public BatchGetResult {
    items = List.copyOf(items);
    missing = List.copyOf(missing);
    unread = List.copyOf(unread);
  }

  /** Whether every key was read (found or known to be missing). */
  public boolean complete() {
    return unread.isEmpty();
  }
}
