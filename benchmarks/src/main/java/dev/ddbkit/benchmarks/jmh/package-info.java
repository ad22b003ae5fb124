/** JMH micro-benchmarks of ddbkit's CPU-bound parts: cursor signing and the k-way merge of shard streams. */
@NullMarked
package dev.ddbkit.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
