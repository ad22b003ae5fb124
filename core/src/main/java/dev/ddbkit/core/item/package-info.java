/** Items as DynamoDB measures them: {@link dev.ddbkit.core.item.ItemSize} against the 400 KB limit. */
@NullMarked
package dev.ddbkit.core.item;

import org.jspecify.annotations.NullMarked;
