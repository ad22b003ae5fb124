/**
 * ddbkit's benchmarks: end-to-end comparisons against the raw AWS SDK v2 on the embedded ddbkit emulator, run by
 * {@link dev.ddbkit.benchmarks.BenchmarkMain}, and JMH micro-benchmarks in {@code dev.ddbkit.benchmarks.jmh}.
 */
@NullMarked
package dev.ddbkit.benchmarks;

import org.jspecify.annotations.NullMarked;
