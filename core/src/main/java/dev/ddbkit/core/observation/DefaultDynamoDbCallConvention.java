package dev.ddbkit.core.observation;

import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.ThrottlingReason;
import dev.ddbkit.core.metrics.internal.CallDetails;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * OpenTelemetry's database semantic conventions for DynamoDB: observation {@value #NAME}, contextual (span) name
 * {@code "<operation> <table>"}, low-cardinality {@code db.system.name=aws.dynamodb}, {@code db.operation.name},
 * {@code aws.dynamodb.table_names} (comma-separated when several), {@code aws.dynamodb.index_name} ({@code none}
 * without one), {@code error.type} ({@code none} on success); high-cardinality
 * {@code aws.dynamodb.consumed_capacity} (total capacity units), {@code aws.dynamodb.count},
 * {@code aws.dynamodb.scanned_count}, {@code aws.dynamodb.throttling_reasons} and {@code aws.request_id}.
 */
public class DefaultDynamoDbCallConvention implements DynamoDbCallConvention {
  /** The observation name, OpenTelemetry's database client operation. */
  public static final String NAME = "db.client.operation";
  /** The value of {@code db.system.name} for DynamoDB. */
  public static final String SYSTEM = "aws.dynamodb";

  /** The shared instance. */
  public static final DefaultDynamoDbCallConvention INSTANCE = new DefaultDynamoDbCallConvention();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String getContextualName(DynamoDbCallContext context) {
    return context.tables().isEmpty() ? context.operation() : context.operation() + " " + String.join(",", context.tables());
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(DynamoDbCallContext context) {
    Throwable error = context.getError();
    return KeyValues.of(
        KeyValue.of("db.system.name", SYSTEM),
        KeyValue.of("db.operation.name", context.operation()),
        KeyValue.of("aws.dynamodb.table_names", context.tables().isEmpty() ? "unknown" : String.join(",", context.tables())),
        KeyValue.of("aws.dynamodb.index_name", CallDetails.indexOf(context.request()).orElse("none")),
        KeyValue.of("error.type", error == null ? "none" : DdbkitErrors.translate(error, null, null).errorCode()));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(DynamoDbCallContext context) {
    List<KeyValue> values = new ArrayList<>();
    Optional<SdkResponse> response = context.response();
    if (response.isPresent()) {
      List<ConsumedCapacity> capacity = CallDetails.consumedCapacity(response.get());
      if (!capacity.isEmpty()) {
        double total = capacity.stream().mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
        values.add(KeyValue.of("aws.dynamodb.consumed_capacity", Double.toString(total)));
      }
      response.get().getValueForField("Count", Integer.class)
          .ifPresent(n -> values.add(KeyValue.of("aws.dynamodb.count", Integer.toString(n))));
      response.get().getValueForField("ScannedCount", Integer.class)
          .ifPresent(n -> values.add(KeyValue.of("aws.dynamodb.scanned_count", Integer.toString(n))));
      CallDetails.unprocessed(response.get())
          .ifPresent(n -> values.add(KeyValue.of("aws.dynamodb.unprocessed_items", Long.toString(n))));
    }
    Throwable error = context.getError();
    if (error != null) {
      List<ThrottlingReason> reasons = DdbkitErrors.throttlingReasons(error);
      if (!reasons.isEmpty()) {
        values.add(KeyValue.of("aws.dynamodb.throttling_reasons",
            reasons.stream().map(ThrottlingReason::code).collect(Collectors.joining(","))));
      }
    }
    context.requestId().ifPresent(id -> values.add(KeyValue.of("aws.request_id", id)));
    return KeyValues.of(values);
  }
}
