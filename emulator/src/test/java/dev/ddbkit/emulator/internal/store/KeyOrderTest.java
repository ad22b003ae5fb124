package dev.ddbkit.emulator.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.emulator.internal.value.Bytes;
import dev.ddbkit.emulator.internal.value.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyOrderTest {

  private static Table table(String rangeType) {
    KeySchema schema = new KeySchema("pk", "S", Optional.of("sk"), Optional.of(rangeType));
    return new Table("t", "us-east-1", "id", Instant.EPOCH, schema, List.of(), List.of(), new TableSettings());
  }

  private static void put(Table t, Value sk) {
    Map<String, Value> item = Map.of("pk", Value.s("p"), "sk", sk);
    t.write(item, (old, w) -> {
      w.store(old, Optional.of(item));
      return null;
    });
  }

  private static List<Value> sortKeys(Table t, boolean forward) {
    List<Value> out = new ArrayList<>();
    Iterator<Map<String, Value>> it = t.query(Value.s("p"), Optional.empty(), forward);
    it.forEachRemaining(i -> out.add(i.get("sk")));
    return out;
  }

  @Test
  void numbers_sortByValue() {
    Table t = table("N");
    for (String n : List.of("10", "-2", "1E+2", "0.5", "-10.5")) {
      put(t, Value.n(n));
    }
    assertThat(sortKeys(t, true)).containsExactly(Value.n("-10.5"), Value.n("-2"), Value.n("0.5"), Value.n("10"), Value.n("100"));
    assertThat(sortKeys(t, false)).first().isEqualTo(Value.n("100"));
  }

  @Test
  void binaries_sortAsUnsignedBytes() {
    Table t = table("B");
    put(t, new Value.B(Bytes.of(new byte[] {(byte) 0x80})));
    put(t, new Value.B(Bytes.of(new byte[] {0x7f})));
    put(t, new Value.B(Bytes.of(new byte[] {0x7f, 0})));
    assertThat(sortKeys(t, true)).containsExactly(
        new Value.B(Bytes.of(new byte[] {0x7f})),
        new Value.B(Bytes.of(new byte[] {0x7f, 0})),
        new Value.B(Bytes.of(new byte[] {(byte) 0x80})));
  }

  @Test
  void strings_sortByUtf8Bytes() {
    Table t = table("S");
    put(t, Value.s("\uD83D\uDE00"));
    put(t, Value.s("\uFFFD"));
    put(t, Value.s("Z"));
    assertThat(sortKeys(t, true)).containsExactly(Value.s("Z"), Value.s("\uFFFD"), Value.s("\uD83D\uDE00"));
  }

  @Test
  void countsAndSizes_followWrites() {
    Table t = table("N");
    put(t, Value.n(1));
    put(t, Value.n(1));
    put(t, Value.n(2));
    assertThat(t.itemCount()).isEqualTo(2);
    Map<String, Value> key = Map.of("pk", Value.s("p"), "sk", Value.n(1));
    t.write(key, (old, w) -> {
      w.store(old, Optional.empty());
      return null;
    });
    assertThat(t.itemCount()).isEqualTo(1);
    assertThat(t.sizeBytes()).isEqualTo(2 + 1 + 2 + 2);
  }

  @Test
  void segments_coverEveryHashExactlyOnce() {
    for (int total : List.of(1, 3, 7, 1000)) {
      for (int hash : List.of(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 123456789)) {
        int segment = PartitionKey.segmentOf(hash, total);
        long unsigned = hash & 0xFFFFFFFFL;
        assertThat(unsigned).isGreaterThanOrEqualTo(PartitionKey.segmentStart(segment, total));
        assertThat(unsigned).isLessThan(PartitionKey.segmentStart(segment + 1, total));
      }
    }
  }
}
