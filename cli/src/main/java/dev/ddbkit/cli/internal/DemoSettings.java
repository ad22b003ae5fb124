package dev.ddbkit.cli.internal;

/**
 * Sizes of the demo.
 *
 * @param orders orders to create
 * @param customers customers they are spread over
 * @param metricPoints metric points to write through the sharded writer
 * @param progress whether progress is shown on the error stream
 * @param environment the table names to use
 * @param readinessDetails whether the report lists every readiness item, not only a summary per table
 */
record DemoSettings(int orders, int customers, int metricPoints, boolean progress, Environment environment,
    boolean readinessDetails) {}
