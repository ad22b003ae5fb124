package dev.ddbkit.core.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Argument checks that throw {@link InvalidInputException} with a sentence naming the argument. */
public final class Require {
  private Require() {}

  /** Returns {@code value} or throws if it is null. */
  public static <T> T nonNull(@Nullable T value, String name) {
    if (value == null) {
      throw InvalidInputException.of(name, name + " must not be null.");
    }
    return value;
  }

  /** Returns {@code value} or throws if it is null, empty or only whitespace. */
  public static String nonBlank(@Nullable String value, String name) {
    if (value == null || value.isBlank()) {
      throw InvalidInputException.of(name, name + " must not be blank.");
    }
    return value;
  }

  /** Throws with {@code sentence} unless {@code condition} holds. */
  public static void argument(boolean condition, String name, String sentence) {
    if (!condition) {
      throw InvalidInputException.of(name, Objects.requireNonNull(sentence));
    }
  }

  /** Returns {@code value} or throws unless it is at least {@code min}. */
  public static int atLeast(int value, int min, String name) {
    if (value < min) {
      throw InvalidInputException.of(name, name + " must be at least " + min + " but was " + value + ".");
    }
    return value;
  }
}
