/**
 * Items as DynamoDB measures and the seed writes them: {@link dev.ddbkit.core.item.ItemSize} against the
 * 400 KB limit, {@link dev.ddbkit.core.item.SeedTimestamps} for the seed's time formats.
 */
@NullMarked
package dev.ddbkit.core.item;

import org.jspecify.annotations.NullMarked;
