/** Placeholder; see the module README. */
@NullMarked
package dev.ddbkit.benchmarks;

import org.jspecify.annotations.NullMarked;
