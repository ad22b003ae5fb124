/** Implementation of the fault proxy; not part of the API, may change without notice. */
@NullMarked
package dev.ddbkit.testkit.fault.internal;

import org.jspecify.annotations.NullMarked;
