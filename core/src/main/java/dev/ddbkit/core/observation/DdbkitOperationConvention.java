package dev.ddbkit.core.observation;

import dev.ddbkit.core.metrics.OperationOutcome;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a ddbkit operation: {@value #NAME}, contextual name the operation,
 * low-cardinality {@code db.system.name=aws.dynamodb}, {@code ddbkit.operation}, {@code aws.dynamodb.table_names}
 * and {@code ddbkit.outcome} ({@link OperationOutcome}: {@code success}, {@code replay}, ..., {@code error}).
 */
public class DdbkitOperationConvention implements ObservationConvention<DdbkitOperationContext> {
  /** The observation name. */
  public static final String NAME = "ddbkit.operation";
  /** The shared instance. */
  public static final DdbkitOperationConvention INSTANCE = new DdbkitOperationConvention();

  @Override
  public boolean supportsContext(Observation.Context context) {
    return context instanceof DdbkitOperationContext;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String getContextualName(DdbkitOperationContext context) {
    return context.operation();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(DdbkitOperationContext context) {
    OperationOutcome outcome = context.outcome()
        .orElse(context.getError() == null ? OperationOutcome.SUCCESS : OperationOutcome.of(context.getError()));
    return KeyValues.of("db.system.name", DefaultDynamoDbCallConvention.SYSTEM,
        "ddbkit.operation", context.operation(),
        "aws.dynamodb.table_names", context.table(),
        "ddbkit.outcome", outcome.tagValue());
  }
}
