package dev.ddbkit.cli.internal;

/**
 * Sizes of the demo.
 *
 * @param orders orders to create
 * @param customers customers they are spread over
 * @param metricPoints metric points to write through the sharded writer
 * @param progress whether progress is shown on the error stream
 */
record DemoSettings(int orders, int customers, int metricPoints, boolean progress) {}
