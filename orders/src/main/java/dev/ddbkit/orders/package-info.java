/**
 * Orders on the seed's {@code orders-production} table: {@link dev.ddbkit.orders.OrdersRepository} creates,
 * reads and transitions orders and lists them by customer, by date ({@code OrderDateIndex}) and by status
 * ({@code StatusIndex}) in {@link dev.ddbkit.orders.Page}s with opaque, query-bound cursors.
 *
 * <pre>{@code
 * OrdersRepository orders = OrdersRepository.builder().client(dynamoDb).cursorKey(secretFromConfig).build();
 * Order order = orders.create(o -> o.customerId("c-42").attribute("total", AttributeValue.fromN("19.90")));
 * Page<Order> recent = orders.byCustomer("c-42", q -> q.pageSize(20));
 * }</pre>
 */
@NullMarked
package dev.ddbkit.orders;

import org.jspecify.annotations.NullMarked;
