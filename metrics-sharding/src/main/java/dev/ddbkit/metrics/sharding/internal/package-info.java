/** Implementation of the sharded metrics module; not part of the API, may change without notice. */
@NullMarked
package dev.ddbkit.metrics.sharding.internal;

import org.jspecify.annotations.NullMarked;
