/**
 * ddbkit core: {@link dev.ddbkit.core.DdbkitClients} builds production-configured sync, async and enhanced
 * DynamoDB clients from {@link dev.ddbkit.core.ClientSettings}. Sub-packages hold the error taxonomy
 * ({@code error}), retries ({@code retry}), metrics hooks ({@code metrics}) and tables as code
 * ({@code table}). Nothing in {@code internal} packages is API.
 */
@NullMarked
package dev.ddbkit.core;

import org.jspecify.annotations.NullMarked;
