package dev.ddbkit.benchmarks.internal;

/**
 * Sizes of a run. Quick mode finishes in under two minutes on a laptop-class machine; full mode gives
 * tighter percentiles and the 1,000,000-point memory run.
 *
 * @param name {@code quick} or {@code full}
 * @param warmup calls per operation before measuring
 * @param iterations measured calls per operation and side
 * @param ingestPoints points written by each ingest method
 * @param perPointPuts points written one PutItem at a time (the slow side is sampled, then compared per point)
 * @param pointsPerShard points per shard in the scatter-gather benchmark
 * @param scatterRepetitions measured reads per scatter-gather variant
 * @param memoryPoints data set sizes of the streaming memory benchmark, ascending
 * @param serverHeap heap of the emulator process
 * @param jmh whether the JMH micro-benchmarks run, and how long
 */
public record Mode(String name, int warmup, int iterations, int ingestPoints, int perPointPuts, int pointsPerShard,
    int scatterRepetitions, int[] memoryPoints, String serverHeap, JmhBudget jmh) {

  /** Iterations of the JMH micro-benchmarks. */
  public record JmhBudget(int warmupIterations, int measurementIterations, int millisPerIteration, int forks) {}

  /** The quick mode. */
  public static Mode quick() {
    return new Mode("quick", 4_000, 800, 5_000, 1_000, 100, 25, new int[] {10_000, 40_000}, "1g",
        new JmhBudget(1, 2, 500, 0));
  }

  /** The full mode. */
  public static Mode full() {
    return new Mode("full", 10_000, 3_000, 50_000, 5_000, 500, 50, new int[] {100_000, 1_000_000}, "3g",
        new JmhBudget(3, 5, 1000, 1));
  }
}
