package dev.ddbkit.core.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a DynamoDB call; implement it to change them, or use
 * {@link DefaultDynamoDbCallConvention}.
 */
public interface DynamoDbCallConvention extends ObservationConvention<DynamoDbCallContext> {
  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof DynamoDbCallContext;
  }
}
