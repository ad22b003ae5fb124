package dev.ddbkit.transactions;

import dev.ddbkit.core.error.ConditionalCheckFailedException;
import dev.ddbkit.core.error.ErrorContext;

/**
 * The inventory has no item for the product: {@link DdbkitTransactions#adjustStock} changes only existing
 * stock (create it with {@link DdbkitTransactions#putStock}). Nothing was written; not retryable.
 *
 * <pre>{@code
 * try {
 *   tx.adjustStock("sku-1", 5);
 * } catch (UnknownProductException e) {
 *   tx.putStock(e.productId(), 5);
 * }
 * }</pre>
 */
public final class UnknownProductException extends ConditionalCheckFailedException {
  private static final long serialVersionUID = 1L;

  private final String productId;

  private UnknownProductException(String productId, ErrorContext context) {
    super("Product " + productId + " has no inventory item; create its stock with putStock first.", context, null,
        null);
    this.productId = productId;
  }

  /** The error for {@code productId}. */
  public static UnknownProductException of(String productId, ErrorContext context) {
    return new UnknownProductException(productId, context);
  }

  /** The product. */
  public String productId() {
    return productId;
  }
}
