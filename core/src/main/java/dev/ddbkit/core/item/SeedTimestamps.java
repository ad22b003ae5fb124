package dev.ddbkit.core.item;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.DecimalStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * The time formats of the seed's items, independent of the default locale and time zone: JavaScript's
 * {@code Date.toISOString()} (always UTC, always milliseconds, ASCII digits), the {@code YYYY-MM-DD} UTC day,
 * and epoch seconds for a TTL attribute. No DynamoDB call is made.
 *
 * <pre>{@code
 * Instant now = Instant.parse("2024-01-15T10:30:00.123456Z");
 * SeedTimestamps.isoMillis(now);                                // "2024-01-15T10:30:00.123Z"
 * SeedTimestamps.utcDay(now).toString();                        // "2024-01-15"
 * SeedTimestamps.epochSeconds(now.plus(Duration.ofDays(30)));   // "1707906600"
 * }</pre>
 */
public final class SeedTimestamps {
  /** Length of {@link #isoMillis(Instant)} for the years 0000 to 9999. */
  public static final int ISO_MILLIS_LENGTH = 24;

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withDecimalStyle(DecimalStyle.STANDARD)
          .withZone(ZoneOffset.UTC);

  private SeedTimestamps() {}

  /**
   * {@code instant} as {@code Date.toISOString()} writes it, truncated to milliseconds:
   * {@code 2024-01-15T10:30:00.123Z} (24 characters for the years 0000 to 9999).
   */
  public static String isoMillis(Instant instant) {
    return ISO_MILLIS.format(instant);
  }

  /** Parses an ISO-8601 UTC instant such as {@code 2024-01-15T10:30:00.123Z}; empty if {@code text} is not one. */
  public static Optional<Instant> parseIso(String text) {
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The UTC day of {@code instant}; its {@code toString()} is the seed's {@code YYYY-MM-DD}. */
  public static LocalDate utcDay(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  /**
   * The value of a TTL attribute (type N) expiring at {@code instant}: whole epoch seconds, rounded down,
   * in ASCII digits, for example {@code "1705314600"}.
   */
  public static String epochSeconds(Instant instant) {
    return Long.toString(instant.getEpochSecond());
  }
}
