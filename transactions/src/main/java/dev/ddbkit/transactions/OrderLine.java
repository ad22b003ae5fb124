package dev.ddbkit.transactions;

import dev.ddbkit.core.error.Require;

/**
 * One line of an order: a product and how many units of it. Stored in the order's {@code items} list as
 * the seed does ({@code {productId: S, quantity: N}}).
 *
 * @param productId the inventory item's {@code product_id}; not blank, at most 2048 UTF-8 bytes
 * @param quantity units ordered; positive
 */
public record OrderLine(String productId, long quantity) {

  public OrderLine {
    Require.partitionKey(productId, "productId");
    Require.argument(quantity > 0, "quantity",
        "quantity of product " + productId + " must be positive but was " + quantity + ".");
  }

  /** A line of {@code quantity} units of {@code productId}. */
  public static OrderLine of(String productId, long quantity) {
    return new OrderLine(productId, quantity);
  }
}
