package dev.ddbkit.dax.internal;

import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.error.ThrottlingException;
import dev.ddbkit.core.error.TransientServiceException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Decides what a failed DAX call means for routing. Refers to DAX exception classes by name only, so it
 * works without the DAX client on the classpath.
 */
public final class FailureClassifier {

  /** What a DAX failure tells about the request and about DAX. */
  public enum Outcome {
    /**
     * DAX answered with the request's own error (failed condition, validation, cancelled transaction,
     * throttling, missing table, access denied): DAX is healthy, and DynamoDB would answer the same.
     */
    ANSWERED,
    /** Nothing was sent: no connection could be made. Safe to send anywhere else, even a write. */
    NOT_SENT,
    /** The request may have reached DAX (timeout, broken connection, server error): outcome unknown. */
    OUTCOME_UNKNOWN
  }

  private static final String AMBIGUOUS_WRITE = "software.amazon.dax.exceptions.AmbiguousWriteFailureException";
  private static final String NO_ENDPOINTS = "software.amazon.dax.exceptions.NoClusterEndpointsAvailableException";
  private static final String CLIENT_CREATION = "software.amazon.dax.exceptions.ClientCreationException";
  private static final String NO_ENDPOINTS_MESSAGE = "No endpoints available";

  private FailureClassifier() {}

  /** Classifies what a DAX call threw. */
  public static Outcome classify(Throwable error) {
    Throwable e = unwrap(error);
    if (chainHasClass(e, AMBIGUOUS_WRITE)) {
      return Outcome.OUTCOME_UNKNOWN;
    }
    if (e instanceof DaxUnavailableException || isConnectionNeverMade(e)) {
      return Outcome.NOT_SENT;
    }
    DdbkitException translated = DdbkitErrors.translate(e, null, null);
    if (translated instanceof TransientServiceException) {
      return Outcome.OUTCOME_UNKNOWN;
    }
    if (translated instanceof ThrottlingException || isRequestFault(translated)) {
      return Outcome.ANSWERED;
    }
    return Outcome.OUTCOME_UNKNOWN;
  }

  private static boolean isRequestFault(DdbkitException e) {
    return e instanceof dev.ddbkit.core.error.ConditionalCheckFailedException
        || e instanceof dev.ddbkit.core.error.TransactionCanceledException
        || e instanceof dev.ddbkit.core.error.ValidationException
        || e instanceof dev.ddbkit.core.error.ResourceNotFoundException
        || e instanceof dev.ddbkit.core.error.ItemCollectionSizeLimitException
        || e instanceof dev.ddbkit.core.error.IdempotentParameterMismatchException
        || e instanceof dev.ddbkit.core.error.TransactionConflictException
        || e instanceof dev.ddbkit.core.error.AccessDeniedException;
  }

  private static boolean isConnectionNeverMade(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ConnectException || c instanceof NoRouteToHostException || c instanceof UnknownHostException) {
        return true;
      }
      String name = c.getClass().getName();
      if (NO_ENDPOINTS.equals(name) || CLIENT_CREATION.equals(name)) {
        return true;
      }
      if (c instanceof IOException && c.getMessage() != null && c.getMessage().contains(NO_ENDPOINTS_MESSAGE)) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  private static boolean chainHasClass(Throwable e, String className) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (className.equals(c.getClass().getName())) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
