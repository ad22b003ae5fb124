package dev.ddbkit.integration.orders;

/** {@link OrdersQueryContract} on the plain DynamoDB Local client. */
class OrdersQueriesIT extends OrdersQueryContract {}
