package dev.ddbkit.transactions.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Timestamps in the seed's format: JavaScript's {@code toISOString()}, always with milliseconds, in UTC. */
public final class Timestamps {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** {@code 2024-01-15T10:20:30.123Z}. */
  public static String iso(Instant instant) {
    return ISO_MILLIS.format(instant);
  }

  /** Parses an ISO-8601 instant, if it is one. */
  public static Optional<Instant> parse(String text) {
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
