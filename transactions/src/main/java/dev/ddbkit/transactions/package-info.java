/** Placeholder; see the module README. */
@NullMarked
package dev.ddbkit.transactions;

import org.jspecify.annotations.NullMarked;
