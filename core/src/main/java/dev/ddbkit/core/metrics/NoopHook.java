package dev.ddbkit.core.metrics;

/** The hook that records nothing. */
final class NoopHook implements MetricsHook {
  static final NoopHook INSTANCE = new NoopHook();

  private NoopHook() {}

  @Override
  public String toString() {
    return "MetricsHook.noop()";
  }
}
