package dev.ddbkit.integration.badinput;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;

/**
 * One bad input: what the caller does, and what the caller must get back.
 *
 * @param module the ddbkit module whose public API is called
 * @param input what is wrong with the input, as it appears in docs/bad-input.md
 * @param type the exact exception class expected
 * @param argument the {@code InvalidInputException.argument()} expected, or null for other exception types
 * @param mentions text the message must contain (case-insensitive), naming the argument
 * @param operations the DynamoDB operations expected to be sent (empty: nothing reaches DynamoDB)
 * @param gap true when ddbkit does not catch the input itself and DynamoDB rejects it
 * @param call the call that must fail
 */
record BadInput(String module, String input, Class<? extends Throwable> type, @Nullable String argument,
    String mentions, List<String> operations, boolean gap, ThrowingCallable call) {

  static BadInput rejected(String module, String input, Class<? extends Throwable> type, String argument,
      ThrowingCallable call) {
    return new BadInput(module, input, type, argument, argument, List.of(), false, call);
  }

  /** The message must contain {@code text} rather than the argument name itself. */
  BadInput mentioning(String text) {
    return new BadInput(module, input, type, argument, text, operations, gap, call);
  }

  /** Rejected before any request, but recorded as a gap (for example the message names the wrong argument). */
  BadInput markedGap() {
    return new BadInput(module, input, type, argument, mentions, operations, true, call);
  }

  /** ddbkit lets the input through; DynamoDB rejects it after these operations were sent. */
  static BadInput gap(String module, String input, Class<? extends Throwable> type, String mentions,
      List<String> operations, ThrowingCallable call) {
    return new BadInput(module, input, type, null, mentions, operations, true, call);
  }

  /** A typed error that is not bad input (for example data read back from the table) after these reads. */
  static BadInput afterReads(String module, String input, Class<? extends Throwable> type, String mentions,
      List<String> operations, ThrowingCallable call) {
    return new BadInput(module, input, type, null, mentions, operations, false, call);
  }

  @Override
  public String toString() {
    return module + ": " + input;
  }
}
