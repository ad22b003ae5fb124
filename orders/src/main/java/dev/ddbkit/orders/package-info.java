/** Placeholder; see the module README. */
@NullMarked
package dev.ddbkit.orders;

import org.jspecify.annotations.NullMarked;
