/** Implementation of the orders repository: item mapping, sizes, cursors, paging, hydration. Not API. */
@NullMarked
package dev.ddbkit.orders.internal;

import org.jspecify.annotations.NullMarked;
