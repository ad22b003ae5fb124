/** Placeholder; see the module README. */
@NullMarked
package dev.ddbkit.cli;

import org.jspecify.annotations.NullMarked;
