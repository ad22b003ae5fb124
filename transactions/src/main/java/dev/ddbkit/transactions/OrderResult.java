package dev.ddbkit.transactions;

import java.time.Instant;
import java.util.List;

/**
 * What happened to an order. Business outcomes are values; failures DynamoDB or the network cause (retries
 * exhausted, validation errors, access denied) are thrown as {@link dev.ddbkit.core.error.DdbkitException}s.
 *
 * <pre>{@code
 * OrderResult result = transactions.processOrder(order);
 * if (result instanceof OrderResult.InsufficientStock s) {
 *   tellCustomer(s.shortages());
 * }
 * }</pre>
 */
public sealed interface OrderResult {

  /** The customer of the order. */
  String customerId();

  /** The order id. */
  String orderId();

  /**
   * Stock was decremented and the order written with status {@code confirmed}.
   *
   * @param lines the lines as written, one per product
   * @param createdAt the order's {@code created_at}: the millisecond its id holds, equal to what any later read
   *     or replay returns
   * @param replayed false for the one call that applied the operation; true for every other send of the same
   *     operation id (concurrent or later), which wrote nothing
   */
  record Confirmed(String customerId, String orderId, List<OrderLine> lines, Instant createdAt, boolean replayed)
      implements OrderResult {
    public Confirmed {
      lines = List.copyOf(lines);
    }
  }

  /**
   * Nothing was written: at least one product had too little stock. Lists every short product, not only
   * the first.
   */
  record InsufficientStock(String customerId, String orderId, List<Shortage> shortages) implements OrderResult {
    public InsufficientStock {
      shortages = List.copyOf(shortages);
    }
  }

  /**
   * Nothing was written: an order with this customer and order id already exists, written by a different
   * operation.
   */
  record DuplicateOrder(String customerId, String orderId) implements OrderResult {}
}
