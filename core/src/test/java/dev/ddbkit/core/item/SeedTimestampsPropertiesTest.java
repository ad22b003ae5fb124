package dev.ddbkit.core.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/** The hand-written formatting and parsing fast paths agree with java.time everywhere. */
class SeedTimestampsPropertiesTest {
  private static final DateTimeFormatter REFERENCE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final long FIRST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
  private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  @Property(tries = 3000)
  void isoMillis_matchesTheFormatter_andParsesBackToTheMillisecond(@ForAll("instants") Instant instant) {
    String text = SeedTimestamps.isoMillis(instant);
    assertThat(text).isEqualTo(REFERENCE.format(instant)).hasSize(SeedTimestamps.ISO_MILLIS_LENGTH);
    assertThat(SeedTimestamps.parseIso(text)).contains(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  @Property(tries = 3000)
  void parseIso_agreesWithInstantParse_onAlteredText(@ForAll("instants") Instant instant,
      @ForAll @IntRange(min = 0, max = 23) int position, @ForAll("replacements") char replacement) {
    char[] chars = SeedTimestamps.isoMillis(instant).toCharArray();
    chars[position] = replacement;
    String text = new String(chars);
    assertThat(SeedTimestamps.parseIso(text)).isEqualTo(reference(text));
  }

  @Property(tries = 2000)
  void parseDay_agreesWithLocalDateParse(@ForAll @IntRange(min = 0, max = 9999) int year,
      @ForAll @IntRange(min = 0, max = 13) int month, @ForAll @IntRange(min = 0, max = 32) int day) {
    String text = String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
    assertThat(SeedTimestamps.parseDay(text)).isEqualTo(referenceDay(text));
  }

  @Property(tries = 500)
  void parseDay_rejectsWhatLocalDateParseRejects(@ForAll @StringLength(min = 0, max = 12) String text) {
    assertThat(SeedTimestamps.parseDay(text)).isEqualTo(referenceDay(text));
  }

  @Property(tries = 200)
  void otherIsoForms_stillParse(@ForAll @LongRange(min = 0, max = 4_000_000_000L) long seconds,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
    Instant instant = Instant.ofEpochSecond(seconds, nanos);
    assertThat(SeedTimestamps.parseIso(instant.toString())).contains(instant);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(FIRST, LAST)
        .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)))
        .edgeCases(c -> c.add(Instant.ofEpochSecond(FIRST), Instant.ofEpochSecond(LAST, 999_999_999),
            Instant.EPOCH, Instant.parse("2024-02-29T23:59:59.999Z")));
  }

  @Provide
  Arbitrary<Character> replacements() {
    return Arbitraries.of('0', '9', '5', '-', ':', 'T', 'Z', '.', 'x', ' ', '\u0661', '6', '2', '3');
  }

  private static Optional<Instant> reference(String text) {
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> referenceDay(String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
