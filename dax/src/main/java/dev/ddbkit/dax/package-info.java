/** Placeholder; see the module README. */
@NullMarked
package dev.ddbkit.dax;

import org.jspecify.annotations.NullMarked;
