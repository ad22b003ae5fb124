package dev.ddbkit.orders;

import dev.ddbkit.core.error.InvalidInputException;

/**
 * The order item would exceed DynamoDB's 400 KB item limit, sized as DynamoDB sizes items (attribute names
 * plus values). Rejected before {@code PutItem}; nothing was written.
 */
public final class OrderTooLargeException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final long sizeBytes;

  private OrderTooLargeException(long sizeBytes, long limitBytes) {
    super("attributes", "The order item would be " + sizeBytes + " bytes; DynamoDB's item limit is " + limitBytes
        + " bytes (400 KB). Store large content elsewhere (for example S3) and keep a reference.");
    this.sizeBytes = sizeBytes;
  }

  /** Creates the error for an item of {@code sizeBytes}. */
  public static OrderTooLargeException of(long sizeBytes, long limitBytes) {
    return new OrderTooLargeException(sizeBytes, limitBytes);
  }

  /** The computed item size in bytes. */
  public long sizeBytes() {
    return sizeBytes;
  }
}
