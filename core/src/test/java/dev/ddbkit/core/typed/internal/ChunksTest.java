package dev.ddbkit.core.typed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ChunksTest {

  @Test
  void split_ofAThousandEntries_makesFortyRequestsOfTwentyFive() {
    List<Integer> entries = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      entries.add(i);
    }

    List<List<Integer>> chunks = Chunks.split(entries, 25, 16L << 20, e -> 100, Function.identity());

    assertThat(chunks).hasSize(40).allMatch(c -> c.size() == 25);
    assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(entries);
  }

  @Test
  void split_startsANewRequest_whenTheByteLimitWouldBeExceeded_orAKeyRepeats() {
    List<String> entries = List.of("a", "b", "c", "a", "d");

    List<List<String>> bySize = Chunks.split(List.of("a", "b", "c", "d", "e"), 25, 250, e -> 100, e -> e);
    List<List<String>> byKey = Chunks.split(entries, 25, 1 << 20, e -> 1, e -> e);

    assertThat(bySize).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    assertThat(byKey).containsExactly(List.of("a", "b", "c"), List.of("a", "d"));
  }

  @Property
  void split_keepsOrder_respectsEveryLimit_andNeverRepeatsAKeyInARequest(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 40) Integer> keys,
      @ForAll @IntRange(min = 1, max = 30) int maxCount,
      @ForAll @IntRange(min = 50, max = 500) int maxBytes) {
    List<List<Integer>> chunks = Chunks.split(keys, maxCount, maxBytes, k -> 10 + k, k -> k);

    assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(keys);
    for (List<Integer> chunk : chunks) {
      assertThat(chunk).isNotEmpty().hasSizeLessThanOrEqualTo(maxCount).doesNotHaveDuplicates();
      assertThat(chunk.stream().mapToLong(k -> 10 + k).sum()).isLessThanOrEqualTo(maxBytes);
    }
  }
}
