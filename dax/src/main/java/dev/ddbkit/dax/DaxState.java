package dev.ddbkit.dax;

/** Where a {@link DaxAwareClient} currently sends cacheable requests. */
public enum DaxState {
  /** No DAX endpoint configured, or the DAX client is not on the classpath: everything goes to DynamoDB. */
  DISABLED,
  /** DAX is healthy: eligible requests go through DAX. */
  CLOSED,
  /** DAX failed repeatedly: every request goes to DynamoDB until the cool-down has elapsed. */
  OPEN,
  /** The cool-down has elapsed: the next request first probes DAX and closes the breaker if DAX answers. */
  HALF_OPEN
}
