package dev.ddbkit.transactions;

/**
 * A product an order could not be served from stock.
 *
 * @param productId the product
 * @param requested units the order asked for (after merging lines of the same product)
 * @param available units in stock when DynamoDB evaluated the transaction; 0 for an unknown product
 * @param known false when the inventory table has no item for this product
 */
public record Shortage(String productId, long requested, long available, boolean known) {}
