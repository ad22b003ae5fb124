package dev.ddbkit.core.item;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.DecimalStyle;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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

  private static final long SECONDS_PER_DAY = 86_400;
  private static final long FIRST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
  private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

  private SeedTimestamps() {}

  /**
   * {@code instant} as {@code Date.toISOString()} writes it, truncated to milliseconds:
   * {@code 2024-01-15T10:30:00.123Z} (24 characters for the years 0000 to 9999).
   */
  public static String isoMillis(Instant instant) {
    long seconds = instant.getEpochSecond();
    long epochDay = Math.floorDiv(seconds, SECONDS_PER_DAY);
    if (epochDay < FIRST_DAY || epochDay > LAST_DAY) {
      return ISO_MILLIS.format(instant);
    }
    // written by hand: this runs for every item a writer stamps, and a formatter costs ~1 µs
    LocalDate day = LocalDate.ofEpochDay(epochDay);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    char[] c = new char[ISO_MILLIS_LENGTH];
    digits(c, 0, 4, day.getYear());
    c[4] = '-';
    digits(c, 5, 2, day.getMonthValue());
    c[7] = '-';
    digits(c, 8, 2, day.getDayOfMonth());
    c[10] = 'T';
    digits(c, 11, 2, secondOfDay / 3600);
    c[13] = ':';
    digits(c, 14, 2, secondOfDay / 60 % 60);
    c[16] = ':';
    digits(c, 17, 2, secondOfDay % 60);
    c[19] = '.';
    digits(c, 20, 3, instant.getNano() / 1_000_000);
    c[23] = 'Z';
    return new String(c);
  }

  /** Parses an ISO-8601 UTC instant such as {@code 2024-01-15T10:30:00.123Z}; empty if {@code text} is not one. */
  public static Optional<Instant> parseIso(String text) {
    Instant fast = parseIsoMillis(text);
    if (fast != null) {
      return Optional.of(fast);
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses a {@code YYYY-MM-DD} day (ISO-8601, as {@link LocalDate#parse} reads it); empty if {@code text} is
   * not one.
   */
  public static Optional<LocalDate> parseDay(String text) {
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      int year = number(text, 0, 4);
      int month = number(text, 5, 2);
      int day = number(text, 8, 2);
      if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
        try {
          return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
          return Optional.empty(); // 2024-02-30
        }
      }
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The exact {@code toISOString()} form without a formatter (the common case of every read); null for any
   * other text, which {@link Instant#parse} then reads or rejects.
   */
  private static @Nullable Instant parseIsoMillis(String t) {
    if (t.length() != ISO_MILLIS_LENGTH || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
        || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(19) != '.' || t.charAt(23) != 'Z') {
      return null;
    }
    int year = number(t, 0, 4);
    int month = number(t, 5, 2);
    int day = number(t, 8, 2);
    int hour = number(t, 11, 2);
    int minute = number(t, 14, 2);
    int second = number(t, 17, 2);
    int millis = number(t, 20, 3);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59 || millis < 0) {
      return null; // includes a leap second, which Instant.parse handles
    }
    LocalDate date;
    try {
      date = LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
    return Instant.ofEpochSecond(date.toEpochDay() * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second,
        millis * 1_000_000L);
  }

  /** The ASCII decimal number in {@code t[from, from + length)}, or -1 if any character is not 0-9. */
  private static int number(String t, int from, int length) {
    int value = 0;
    for (int i = from; i < from + length; i++) {
      char ch = t.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      value = value * 10 + (ch - '0');
    }
    return value;
  }

  private static void digits(char[] c, int from, int length, int value) {
    for (int i = from + length - 1; i >= from; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
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
