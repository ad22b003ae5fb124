/** Test kit internals; not API. */
@NullMarked
package dev.ddbkit.testkit.internal;

import org.jspecify.annotations.NullMarked;
