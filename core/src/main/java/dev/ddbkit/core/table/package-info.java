/**
 * Tables as code: {@link dev.ddbkit.core.table.TableDefinition}, the seed guide's tables in
 * {@link dev.ddbkit.core.table.SeedTables}, and {@link dev.ddbkit.core.table.TableManager#ensure}.
 */
@NullMarked
package dev.ddbkit.core.table;

import org.jspecify.annotations.NullMarked;
