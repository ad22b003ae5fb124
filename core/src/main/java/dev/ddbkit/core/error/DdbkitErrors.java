package dev.ddbkit.core.error;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Translates anything the AWS SDK throws into ddbkit's {@link DdbkitException} hierarchy.
 *
 * <pre>{@code
 * try {
 *   client.putItem(request);
 * } catch (SdkException e) {
 *   throw DdbkitErrors.translate(e, "PutItem", "orders-production");
 * }
 * }</pre>
 */
public final class DdbkitErrors {

  private static final Set<String> THROTTLING_CODES =
      Set.of("ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded",
          "Throttling", "TooManyRequestsException");
  private static final Set<String> TRANSIENT_CODES =
      Set.of("InternalServerError", "InternalFailure", "ServiceUnavailable", "ServiceUnavailableException",
          "InternalServerErrorException");
  private static final Set<String> ACCESS_CODES =
      Set.of("AccessDeniedException", "UnrecognizedClientException", "InvalidSignatureException",
          "MissingAuthenticationTokenException", "ExpiredTokenException", "IncompleteSignature",
          "InvalidClientTokenId", "MissingAuthenticationToken", "SignatureDoesNotMatch");

  private DdbkitErrors() {}

  /**
   * Maps {@code error} to the matching ddbkit exception. An error that already is a {@link DdbkitException}
   * is returned unchanged; {@link CompletionException} and {@link ExecutionException} wrappers are removed.
   * Errors of no known kind keep the SDK's own retryable classification.
   *
   * @param error what the SDK (sync or async) threw
   * @param operation the DynamoDB operation, such as {@code PutItem}; may be null when unknown
   * @param table the table name; may be null when unknown or when the request spans tables
   */
  public static DdbkitException translate(Throwable error, @Nullable String operation, @Nullable String table) {
    Throwable e = unwrap(error);
    if (e instanceof DdbkitException ddbkit) {
      return ddbkit;
    }
    ErrorContext context = ErrorContext.of(operation, table);
    if (e instanceof AwsServiceException service) {
      return translateService(service, context.withRequestId(service.requestId()));
    }
    String message = describe(e, operation, table);
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
        || e instanceof TimeoutException) {
      return TransientServiceException.of(message, "Timeout", context, e);
    }
    if (e instanceof SdkClientException && hasIoCause(e) || e instanceof IOException
        || e instanceof UncheckedIOException) {
      return TransientServiceException.of(message, "ConnectionFailure", context, e);
    }
    boolean retryable = e instanceof SdkException sdk && isSdkRetryable(sdk);
    return DdbkitException.of(message, e.getClass().getSimpleName(), retryable, context, e);
  }

  /** Whether {@code error}, once translated, is worth retrying with backoff. */
  public static boolean isRetryable(Throwable error) {
    return translate(error, null, null).retryable();
  }

  /**
   * Whether {@code error} is worth retrying by ddbkit <em>on top of</em> the SDK: retryable, and not a failure
   * the SDK already retried ({@link #sdkAttempts} at most 1). This is {@code RetrySettings}' default, so SDK
   * retries and ddbkit retries add up instead of multiplying: one logical operation makes at most
   * {@code sdkMaxAttempts + ddbkitMaxAttempts - 1} HTTP attempts. Deliberately conservative: a failure that
   * came after SDK retries of another kind (a conflict after a throttled attempt) is not retried either.
   */
  public static boolean isRetryableAfterSdk(Throwable error) {
    return sdkAttempts(error) <= 1 && isRetryable(error);
  }

  /**
   * How many HTTP attempts the SDK made for the call that failed with {@code error}, as recorded by the SDK
   * ({@code SdkException.numAttempts()}) anywhere in the cause chain; 0 when not recorded.
   */
  public static int sdkAttempts(Throwable error) {
    int attempts = 0;
    int depth = 0;
    for (Throwable c = error; c != null && depth < 16; c = c.getCause(), depth++) {
      if (c instanceof SdkException sdk && sdk.numAttempts() != null) {
        attempts = Math.max(attempts, sdk.numAttempts());
      }
    }
    return attempts;
  }

  private static DdbkitException translateService(AwsServiceException e, ErrorContext context) {
    String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
        ? "Unknown"
        : e.awsErrorDetails().errorCode();
    int status = e.statusCode();
    String message = describe(e, context.operation(), context.table());

    if (e instanceof ConditionalCheckFailedException ccf || "ConditionalCheckFailedException".equals(code)) {
      var item = e instanceof ConditionalCheckFailedException ccf2 && ccf2.hasItem() ? ccf2.item() : null;
      return dev.ddbkit.core.error.ConditionalCheckFailedException.of(message, context, item, e);
    }
    if (e instanceof TransactionCanceledException tce) {
      List<CancellationReason> reasons = new ArrayList<>();
      if (tce.hasCancellationReasons()) {
        for (int i = 0; i < tce.cancellationReasons().size(); i++) {
          var r = tce.cancellationReasons().get(i);
          reasons.add(CancellationReason.of(i, r.code(), r.message(), r.hasItem() ? r.item() : null));
        }
      }
      return dev.ddbkit.core.error.TransactionCanceledException.of(message, context, reasons, e);
    }
    if (THROTTLING_CODES.contains(code) || e.isThrottlingException()) {
      return ThrottlingException.of(message, code, context, e);
    }
    if ("TransactionConflictException".equals(code)) {
      return TransactionConflictException.of(message, code, context, e);
    }
    if ("ValidationException".equals(code) || "SerializationException".equals(code)) {
      return ValidationException.of(message, code, context, e);
    }
    if ("ResourceNotFoundException".equals(code)) {
      return ResourceNotFoundException.of(message, code, context, e);
    }
    if ("ItemCollectionSizeLimitExceededException".equals(code)) {
      return ItemCollectionSizeLimitException.of(message, code, context, e);
    }
    if ("IdempotentParameterMismatchException".equals(code)) {
      return IdempotentParameterMismatchException.of(message, code, context, e);
    }
    if (ACCESS_CODES.contains(code) || status == 401 || status == 403) {
      return AccessDeniedException.of(message, code, context, e);
    }
    if (TRANSIENT_CODES.contains(code) || status >= 500) {
      return TransientServiceException.of(message, code, context, e);
    }
    return DdbkitException.of(message, code, isSdkRetryable(e), context, e);
  }

  private static boolean isSdkRetryable(SdkException e) {
    return e.retryable() || RetryUtils.isRetryableException(e) || RetryUtils.isThrottlingException(e);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static boolean hasIoCause(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof IOException || c instanceof TimeoutException) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  private static String describe(Throwable e, @Nullable String operation, @Nullable String table) {
    StringBuilder sb = new StringBuilder();
    sb.append(operation == null ? "DynamoDB call" : operation);
    if (table != null) {
      sb.append(" on table ").append(table);
    }
    sb.append(" failed: ");
    String detail = e instanceof AwsServiceException s && s.awsErrorDetails() != null
        && s.awsErrorDetails().errorMessage() != null
        ? s.awsErrorDetails().errorCode() + ": " + s.awsErrorDetails().errorMessage()
        : e.getMessage();
    sb.append(detail == null ? e.getClass().getSimpleName() : detail);
    return sb.toString();
  }
}
