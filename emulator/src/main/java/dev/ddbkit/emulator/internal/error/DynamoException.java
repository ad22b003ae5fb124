package dev.ddbkit.emulator.internal.error;

import java.util.Optional;

/**
 * An error answered as DynamoDB answers it: the error type (the part after {@code #} in {@code __type}), the
 * HTTP status and the message. Any layer of the engine throws it; the HTTP layer writes it on the wire.
 */
public class DynamoException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final String PREFIX = "com.amazonaws.dynamodb.v20120810#";

  private final String type;
  private final int status;

  public DynamoException(String type, int status, String message) {
    super(message, null, false, false);
    this.type = type;
    this.status = status;
  }

  /** The short type name, e.g. {@code ValidationException}. */
  public String type() {
    return type;
  }

  /** The full {@code __type} value written on the wire. */
  public String wireType() {
    return PREFIX + type;
  }

  public int status() {
    return status;
  }

  /** Extra JSON members written next to {@code __type} and {@code message} (e.g. CancellationReasons). */
  public Optional<Object> extra() {
    return Optional.empty();
  }

  public static DynamoException validation(String message) {
    return new DynamoException("ValidationException", 400, message);
  }

  public static DynamoException resourceNotFound(String message) {
    return new DynamoException("ResourceNotFoundException", 400, message);
  }

  public static DynamoException resourceInUse(String message) {
    return new DynamoException("ResourceInUseException", 400, message);
  }

  public static DynamoException unknownOperation(String message) {
    return new DynamoException("UnknownOperationException", 400, message);
  }

  public static DynamoException serialization(String message) {
    return new DynamoException("SerializationException", 400, message);
  }

  public static DynamoException internal(String message) {
    return new DynamoException("InternalServerError", 500, message);
  }
}
