/** The benchmark harness's measurement, servers and report writing; not an API. */
@NullMarked
package dev.ddbkit.benchmarks.internal;

import org.jspecify.annotations.NullMarked;
