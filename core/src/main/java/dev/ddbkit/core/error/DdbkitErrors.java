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
import software.amazon.awssdk.core.exception.RetryableException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
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

  /** HTTP statuses the SDK retries (SDK 2.40.2 {@code SdkDefaultRetrySetting.RETRYABLE_STATUS_CODES}). */
  private static final Set<Integer> SDK_RETRYABLE_STATUS_CODES = Set.of(500, 502, 503, 504);
  /** Error codes the SDK retries (SDK 2.40.2 {@code AwsErrorCode.RETRYABLE_ERROR_CODES}). */
  private static final Set<String> SDK_RETRYABLE_ERROR_CODES =
      Set.of("PriorRequestNotComplete", "RequestTimeout", "RequestTimeoutException", "InternalError");
  /** Exception types the SDK retries, as the exception or its cause (SDK 2.40.2 {@code RETRYABLE_EXCEPTIONS}). */
  private static final List<Class<? extends Throwable>> SDK_RETRYABLE_TYPES = List.of(RetryableException.class,
      IOException.class, UncheckedIOException.class, ApiCallAttemptTimeoutException.class);

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
   * Whether {@code error} is worth retrying by ddbkit <em>on top of</em> the SDK. This is {@code RetrySettings}'
   * default. A retryable failure is retried, except when the SDK's own strategy retries failures of that kind
   * ({@link #isRetriedBySdk}: throttling, 5xx, attempt timeouts, I/O) <em>and</em> did retry this call
   * ({@link #sdkAttempts} above 1), or when the call ran out of its {@code apiCallTimeout} after SDK retries:
   * the SDK has then already spent its attempts on exactly this trouble, and retrying again would multiply them.
   *
   * <p>Failures the SDK never retries stay retryable however many attempts the call made: a transaction
   * conflict ({@code TransactionConflictException}, or {@code TransactionCanceledException} whose failing
   * reasons are all conflicts or throttling) that came after a throttled attempt is retried, and so is a
   * {@link ThrottlingException} that ddbkit built itself (unprocessed batch items), which has no SDK attempts.
   *
   * <pre>{@code
   * DdbkitErrors.isRetryableAfterSdk(throttledThreeTimes);        // false: the SDK retried it already
   * DdbkitErrors.isRetryableAfterSdk(conflictAfterOneThrottle);   // true: the SDK never retries conflicts
   * }</pre>
   */
  public static boolean isRetryableAfterSdk(Throwable error) {
    if (!isRetryable(error)) {
      return false;
    }
    if (sdkAttempts(error) <= 1) {
      return true;
    }
    return !isRetriedBySdk(error) && !(firstSdkException(error) instanceof ApiCallTimeoutException);
  }

  /**
   * Whether the SDK's retry strategy, as {@code DdbkitClients} builds it ({@code STANDARD} or {@code ADAPTIVE_V2},
   * SDK 2.40.2), retries a failure of this kind when attempts are left. It mirrors the predicates the SDK installs
   * ({@code SdkDefaultRetryStrategy} and {@code AwsRetryStrategy}), applied to the first {@link SdkException} in
   * the cause chain:
   * <ul>
   *   <li>throttling: HTTP 429, or an error code the SDK classes as throttling ({@code Throttling},
   *       {@code ThrottlingException}, {@code ProvisionedThroughputExceededException}, {@code RequestLimitExceeded},
   *       {@code TransactionInProgressException}, {@code TooManyRequestsException} and others);
   *   <li>HTTP 500, 502, 503 and 504; the codes {@code InternalError}, {@code RequestTimeout},
   *       {@code RequestTimeoutException} and {@code PriorRequestNotComplete}; clock-skew errors;
   *   <li>an {@link ApiCallAttemptTimeoutException}, {@link IOException}, {@link UncheckedIOException} or SDK
   *       {@code RetryableException}, as the exception or its direct cause.
   * </ul>
   * Never retried by the SDK, so false here: conditional-check failures, {@code TransactionCanceledException}
   * (whatever its reasons), {@code TransactionConflictException}, validation errors, and any error with no SDK
   * exception in its chain, such as a {@link ThrottlingException} ddbkit built for unprocessed batch items.
   */
  public static boolean isRetriedBySdk(Throwable error) {
    SdkException sdk = firstSdkException(error);
    if (sdk == null) {
      return false;
    }
    if (RetryUtils.isThrottlingException(sdk) || RetryUtils.isRetryableException(sdk)
        || RetryUtils.isClockSkewException(sdk)) {
      return true;
    }
    if (sdk instanceof SdkServiceException service && SDK_RETRYABLE_STATUS_CODES.contains(service.statusCode())) {
      return true;
    }
    if (sdk instanceof AwsServiceException aws && aws.awsErrorDetails() != null
        && SDK_RETRYABLE_ERROR_CODES.contains(aws.awsErrorDetails().errorCode())) {
      return true;
    }
    return isSdkRetryableType(sdk) || sdk.getCause() != null && isSdkRetryableType(sdk.getCause());
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

  private static @Nullable SdkException firstSdkException(Throwable error) {
    int depth = 0;
    for (Throwable c = error; c != null && depth < 16; c = c.getCause(), depth++) {
      if (c instanceof SdkException sdk) {
        return sdk;
      }
    }
    return null;
  }

  private static boolean isSdkRetryableType(Throwable t) {
    for (Class<? extends Throwable> type : SDK_RETRYABLE_TYPES) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
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
      return ThrottlingException.of(message, code, context, e, throttlingReasons(e));
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

  /**
   * The {@code ThrottlingReasons} DynamoDB sent with a throttling error, typed; empty when it sent none or
   * {@code error} is not a throttling error of the DynamoDB model.
   *
   * <pre>{@code
   * List<ThrottlingReason> why = DdbkitErrors.throttlingReasons(sdkException);
   * }</pre>
   */
  public static List<ThrottlingReason> throttlingReasons(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof ThrottlingException ddbkit) {
      return ddbkit.reasons();
    }
    List<software.amazon.awssdk.services.dynamodb.model.ThrottlingReason> raw = List.of();
    if (e instanceof ProvisionedThroughputExceededException p && p.hasThrottlingReasons()) {
      raw = p.throttlingReasons();
    } else if (e instanceof software.amazon.awssdk.services.dynamodb.model.ThrottlingException t
        && t.hasThrottlingReasons()) {
      raw = t.throttlingReasons();
    } else if (e instanceof RequestLimitExceededException r && r.hasThrottlingReasons()) {
      raw = r.throttlingReasons();
    }
    List<ThrottlingReason> reasons = new ArrayList<>(raw.size());
    for (var r : raw) {
      reasons.add(ThrottlingReason.parse(r.reason(), r.resource()));
    }
    return List.copyOf(reasons);
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
