/** Implementation of the dax module; not an API, may change without notice. */
@NullMarked
package dev.ddbkit.dax.internal;

import org.jspecify.annotations.NullMarked;
