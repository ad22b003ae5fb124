/**
 * Typed tables: ddbkit's production machinery for any entity, through the Enhanced Client's
 * {@link software.amazon.awssdk.enhanced.dynamodb.TableSchema}. Start at {@link dev.ddbkit.core.typed.DdbkitTables}.
 *
 * <pre>{@code
 * DdbkitTables tables = DdbkitTables.builder(clients).cursorKey(secret).build();
 * DdbkitTable<Customer> customers = tables.table("customers", TableSchema.fromBean(Customer.class));
 * customers.create(customer);
 * }</pre>
 */
@NullMarked
package dev.ddbkit.core.typed;

import org.jspecify.annotations.NullMarked;
