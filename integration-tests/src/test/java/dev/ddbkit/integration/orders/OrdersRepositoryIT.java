package dev.ddbkit.integration.orders;

/** {@link OrdersRepositoryContract} on the plain DynamoDB Local client. */
class OrdersRepositoryIT extends OrdersRepositoryContract {}
