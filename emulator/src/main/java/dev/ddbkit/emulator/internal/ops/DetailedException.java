package dev.ddbkit.emulator.internal.ops;

import dev.ddbkit.emulator.internal.error.DynamoException;
import java.util.Map;
import java.util.Optional;

/** A DynamoDB error that carries members besides the message (Item, CancellationReasons). */
final class DetailedException extends DynamoException {
  private static final long serialVersionUID = 1L;
  private final transient Map<String, Object> extra;

  DetailedException(String type, int status, String message, Map<String, Object> extra) {
    super(type, status, message);
    this.extra = extra;
  }

  @Override
  public Optional<Object> extra() {
    return extra.isEmpty() ? Optional.empty() : Optional.of(extra);
  }
}
