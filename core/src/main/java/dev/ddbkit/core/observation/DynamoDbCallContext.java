package dev.ddbkit.core.observation;

import io.micrometer.observation.Observation;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * The {@link Observation.Context} of one DynamoDB call (all its SDK attempts): the request, and once it ended the
 * response or the error. Read by {@link DynamoDbCallConvention}s.
 */
public final class DynamoDbCallContext extends Observation.Context {
  private final String operation;
  private final List<String> tables;
  private final SdkRequest request;
  private volatile @Nullable SdkResponse response;
  private volatile @Nullable String requestId;

  DynamoDbCallContext(String operation, List<String> tables, SdkRequest request) {
    this.operation = operation;
    this.tables = List.copyOf(tables);
    this.request = request;
  }

  /** The DynamoDB operation, such as {@code Query}. */
  public String operation() {
    return operation;
  }

  /** The tables the request names, sorted; empty for calls that name none (ListTables, PartiQL). */
  public List<String> tables() {
    return tables;
  }

  /** The request as sent (after ddbkit's interceptors). */
  public SdkRequest request() {
    return request;
  }

  /** The response, once the call succeeded. */
  public Optional<SdkResponse> response() {
    return Optional.ofNullable(response);
  }

  /** The AWS request id of the last attempt, once a response arrived. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  void requestId(@Nullable String requestId) {
    this.requestId = requestId;
  }

  void response(SdkResponse response) {
    this.response = response;
  }
}
