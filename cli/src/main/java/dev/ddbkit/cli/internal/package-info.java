/** Commands, report rendering and measurement of the {@code ddbkit} command line; not an API. */
@NullMarked
package dev.ddbkit.cli.internal;

import org.jspecify.annotations.NullMarked;
