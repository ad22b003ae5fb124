package dev.ddbkit.core.typed;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a guarded transition ({@link DdbkitTable#transition}) did: applied, refused because the attribute held
 * another value (the item as it is comes back), or refused because there is no such item.
 *
 * <pre>{@code
 * TransitionResult<Customer> r = customers.transition(key, "tier", "TRIAL", "PAID");
 * if (r.status() == TransitionResult.Status.CONFLICT) { log.info("already {}", r.item().orElseThrow().getTier()); }
 * }</pre>
 *
 * @param <T> the entity type
 */
public final class TransitionResult<T> {
  /** How a transition ended. */
  public enum Status {
    /** The attribute held the expected value and now holds the new one. */
    APPLIED,
    /** The attribute held another value; nothing was written. */
    CONFLICT,
    /** No item has the key; nothing was written. */
    NOT_FOUND
  }

  private final Status status;
  private final @Nullable T item;

  private TransitionResult(Status status, @Nullable T item) {
    this.status = status;
    this.item = item;
  }

  static <T> TransitionResult<T> applied(T item) {
    return new TransitionResult<>(Status.APPLIED, item);
  }

  static <T> TransitionResult<T> conflict(T current) {
    return new TransitionResult<>(Status.CONFLICT, current);
  }

  static <T> TransitionResult<T> notFound() {
    return new TransitionResult<>(Status.NOT_FOUND, null);
  }

  /** How the transition ended. */
  public Status status() {
    return status;
  }

  /** Whether the transition was applied. */
  public boolean applied() {
    return status == Status.APPLIED;
  }

  /** The item after the transition ({@code APPLIED}) or as it is ({@code CONFLICT}); empty when not found. */
  public Optional<T> item() {
    return Optional.ofNullable(item);
  }

  @Override
  public String toString() {
    return "TransitionResult{" + status + "}";
  }
}
