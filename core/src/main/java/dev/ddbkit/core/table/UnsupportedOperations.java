package dev.ddbkit.core.table;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Recognises a backend's answer that it does not implement an operation (DynamoDB Local, emulators). */
final class UnsupportedOperations {
  private static final Set<String> CODES = Set.of("UnknownOperationException", "UnsupportedOperationException",
      "UnsupportedOperation", "NotImplemented", "NotImplementedException", "InvalidAction");

  private UnsupportedOperations() {}

  /** Whether {@code e} says the operation itself is unknown or unsupported, rather than that it failed. */
  static boolean isUnsupported(AwsServiceException e) {
    if (e.statusCode() == 501) {
      return true;
    }
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    return code != null && CODES.contains(code);
  }
}
