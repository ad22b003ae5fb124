package dev.ddbkit.core.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every event as a line of text. */
final class RecordingHook implements MetricsHook {
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void operationCompleted(String operation, String table, Outcome outcome, Duration duration, int attempts) {
    events.add("op " + operation + " " + table + " " + outcome.tagValue() + " attempts=" + attempts);
  }

  @Override
  public void throttled(String operation, String table) {
    events.add("throttled " + operation + " " + table);
  }

  @Override
  public void retried(String operation, String table, RetrySource source) {
    events.add("retried " + operation + " " + table + " " + source.tagValue());
  }

  @Override
  public void capacityConsumed(String table, String index, CapacityType type, double units) {
    events.add("capacity " + table + " " + index + " " + type.tagValue() + " " + units);
  }
}
