package dev.ddbkit.cli.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the time arguments of {@code metrics query}: an ISO-8601 instant ({@code 2024-01-15T10:00:00Z}),
 * a UTC day ({@code 2024-01-15}, its first instant), {@code now}, or a time relative to now
 * ({@code -15m}, {@code now-2h}, {@code -7d}; units s, m, h, d).
 */
public final class TimeArgument {
  private static final Pattern RELATIVE = Pattern.compile("(?:now)?-(\\d+)([smhd])");

  private TimeArgument() {}

  /** Parses {@code value} for the option {@code option}; a malformed value is a usage error naming it. */
  public static Instant parse(String option, String value, Clock clock) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (v.equals("now")) {
      return now;
    }
    Matcher m = RELATIVE.matcher(v);
    if (m.matches()) {
      try {
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
        return now.minus(d);
      } catch (ArithmeticException | java.time.DateTimeException | NumberFormatException tooFar) {
        throw CliFailure.usage(option + " reaches too far back: '" + value + "'.");
      }
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException notInstant) {
      try {
        return LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        throw CliFailure.usage(option + " must be an ISO-8601 instant (2024-01-15T10:00:00Z), a day (2024-01-15), "
            + "now, or relative to now (-15m, -2h, -7d) but was '" + value + "'.");
      }
    }
  }
}
