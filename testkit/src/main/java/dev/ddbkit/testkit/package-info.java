/** Placeholder; see the module README. */
@NullMarked
package dev.ddbkit.testkit;

import org.jspecify.annotations.NullMarked;
