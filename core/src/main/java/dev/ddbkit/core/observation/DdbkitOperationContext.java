package dev.ddbkit.core.observation;

import dev.ddbkit.core.metrics.OperationOutcome;
import io.micrometer.observation.Observation;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The {@link Observation.Context} of one ddbkit operation, such as a paged query or a transfer. */
public final class DdbkitOperationContext extends Observation.Context {
  private final String operation;
  private final String table;
  private volatile @Nullable OperationOutcome outcome;

  DdbkitOperationContext(String operation, String table) {
    this.operation = operation;
    this.table = table;
  }

  /** The ddbkit operation, dotted, such as {@code orders.byStatus}. */
  public String operation() {
    return operation;
  }

  /** The main table. */
  public String table() {
    return table;
  }

  /** The outcome, once the operation reported one. */
  public Optional<OperationOutcome> outcome() {
    return Optional.ofNullable(outcome);
  }

  /** Sets the outcome (an expected result such as {@code REPLAY} is not an error). */
  public void outcome(OperationOutcome outcome) {
    this.outcome = outcome;
  }
}
