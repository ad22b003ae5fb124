package dev.ddbkit.dax.internal;

import software.amazon.awssdk.core.exception.SdkClientException;

/** DAX could not be reached before anything was sent: the client could not be created or is closed. */
public final class DaxUnavailableException extends SdkClientException {
  private static final long serialVersionUID = 1L;

  private DaxUnavailableException(Builder b) {
    super(b);
  }

  /** Creates the error with {@code message} and the underlying {@code cause}. */
  public static DaxUnavailableException of(String message, Throwable cause) {
    return new DaxUnavailableException((Builder) SdkClientException.builder().message(message).cause(cause));
  }
}
