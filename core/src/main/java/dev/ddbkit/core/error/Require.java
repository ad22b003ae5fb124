package dev.ddbkit.core.error;

import dev.ddbkit.core.internal.Contract;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks that throw {@link InvalidInputException} with a sentence naming the argument. Besides
 * null and blank checks it holds DynamoDB's own limits on table names and key values, so every module
 * rejects them the same way before a request is sent:
 *
 * <pre>{@code
 * this.table = Require.tableName(table, "tableName");          // 3-255 of a-z A-Z 0-9 _ - .
 * String pk = Require.partitionKey(customerId, "customerId");  // not blank, at most 2048 UTF-8 bytes
 * String sk = Require.sortKey(orderId, "orderId");             // not blank, at most 1024 UTF-8 bytes
 * }</pre>
 */
public final class Require {
  /** DynamoDB's limit on a partition key value, in UTF-8 bytes. */
  public static final int MAX_PARTITION_KEY_BYTES = 2048;
  /** DynamoDB's limit on a sort key value, in UTF-8 bytes. */
  public static final int MAX_SORT_KEY_BYTES = 1024;

  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

  private Require() {}

  /** Returns {@code value} or throws if it is null. */
  @Contract("null, _ -> fail")
  public static <T> T nonNull(@Nullable T value, String name) {
    if (value == null) {
      throw InvalidInputException.of(name, name + " must not be null.");
    }
    return value;
  }

  /** Returns {@code value} or throws if it is null, empty or only whitespace. */
  @Contract("null, _ -> fail")
  public static String nonBlank(@Nullable String value, String name) {
    if (value == null || value.isBlank()) {
      throw InvalidInputException.of(name, name + " must not be blank.");
    }
    return value;
  }

  /** Throws with {@code sentence} unless {@code condition} holds. */
  @Contract("false, _, _ -> fail")
  public static void argument(boolean condition, String name, String sentence) {
    if (!condition) {
      throw InvalidInputException.of(name, Objects.requireNonNull(sentence));
    }
  }

  /**
   * Throws with the sentence {@code message} supplies unless {@code condition} holds; for checks on hot paths,
   * where building the sentence eagerly would cost more than the check.
   */
  @Contract("false, _, _ -> fail")
  public static void argument(boolean condition, String name, Supplier<String> message) {
    if (!condition) {
      throw InvalidInputException.of(name, Objects.requireNonNull(message.get()));
    }
  }

  /** Returns {@code value} or throws unless it is at least {@code min}. */
  public static int atLeast(int value, int min, String name) {
    if (value < min) {
      throw InvalidInputException.of(name, name + " must be at least " + min + " but was " + value + ".");
    }
    return value;
  }

  /**
   * Returns {@code value} or throws unless it is a valid DynamoDB table name: 3 to 255 characters of
   * a-z, A-Z, 0-9, '_', '-' and '.'.
   */
  @Contract("null, _ -> fail")
  public static String tableName(@Nullable String value, String name) {
    nonBlank(value, name);
    argument(TABLE_NAME.matcher(value).matches(), name,
        name + " '" + value + "' must be 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'.");
    return value;
  }

  /** Whether {@code value} is a valid DynamoDB table (or index) name. */
  @Contract("null -> false")
  public static boolean isValidTableName(@Nullable String value) {
    return value != null && TABLE_NAME.matcher(value).matches();
  }

  /** Returns {@code value} or throws if it is blank or longer than {@code maxBytes} in UTF-8. */
  @Contract("null, _, _ -> fail")
  public static String maxUtf8Bytes(@Nullable String value, int maxBytes, String name) {
    nonBlank(value, name);
    if (value.length() * 3L <= maxBytes) {
      return value; // no UTF-16 unit takes more than 3 bytes (a surrogate pair takes 4 for 2)
    }
    int bytes = utf8Length(value);
    if (bytes > maxBytes) {
      throw InvalidInputException.of(name, name + " must be at most " + maxBytes + " UTF-8 bytes but was " + bytes
          + ".");
    }
    return value;
  }

  /** Returns {@code value} or throws unless it is a valid partition key value: not blank, at most 2048 UTF-8 bytes. */
  @Contract("null, _ -> fail")
  public static String partitionKey(@Nullable String value, String name) {
    return maxUtf8Bytes(value, MAX_PARTITION_KEY_BYTES, name);
  }

  /** Returns {@code value} or throws unless it is a valid sort key value: not blank, at most 1024 UTF-8 bytes. */
  @Contract("null, _ -> fail")
  public static String sortKey(@Nullable String value, String name) {
    return maxUtf8Bytes(value, MAX_SORT_KEY_BYTES, name);
  }

  /** The UTF-8 length of {@code s} in bytes, without encoding it (an unpaired surrogate counts 3 bytes). */
  public static int utf8Length(CharSequence s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
