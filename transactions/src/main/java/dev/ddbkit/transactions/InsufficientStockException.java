package dev.ddbkit.transactions;

import dev.ddbkit.core.error.ConditionalCheckFailedException;
import dev.ddbkit.core.error.ErrorContext;

/**
 * An {@link DdbkitTransactions#adjustStock} would take a product's stock below zero. Nothing was written;
 * not retryable.
 *
 * <pre>{@code
 * try {
 *   tx.adjustStock("sku-1", -3);
 * } catch (InsufficientStockException e) {
 *   log.info("only {} of {} in stock", e.available(), e.productId());
 * }
 * }</pre>
 */
public final class InsufficientStockException extends ConditionalCheckFailedException {
  private static final long serialVersionUID = 1L;

  private final String productId;
  private final long requested;
  private final long available;

  private InsufficientStockException(String productId, long requested, long available, ErrorContext context) {
    super("Removing " + requested + " units of product " + productId + " would take its stock of " + available
        + " below zero.", context, null, null);
    this.productId = productId;
    this.requested = requested;
    this.available = available;
  }

  /** The error for removing {@code requested} units of {@code productId} when {@code available} were in stock. */
  public static InsufficientStockException of(String productId, long requested, long available, ErrorContext context) {
    return new InsufficientStockException(productId, requested, available, context);
  }

  /** The product. */
  public String productId() {
    return productId;
  }

  /** Units the adjustment would have removed. */
  public long requested() {
    return requested;
  }

  /** Units in stock when DynamoDB evaluated the condition. */
  public long available() {
    return available;
  }
}
