/** Placeholder; see the module README. */
@NullMarked
package dev.ddbkit.metrics.sharding;

import org.jspecify.annotations.NullMarked;
