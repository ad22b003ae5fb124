package dev.ddbkit.core.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.InvalidInputException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardKeyStrategyTest {

  @Test
  void hashing_isStablePerValue_usesEveryShard_andStaysInRange() {
    ShardKeyStrategy<String> strategy = ShardKeyStrategy.hashing(8, s -> s);
    Set<Integer> used = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      int shard = strategy.shardFor("device-" + i);
      assertThat(shard).isBetween(0, 7).isEqualTo(strategy.shardFor("device-" + i));
      used.add(shard);
    }

    assertThat(used).hasSize(8);
    assertThat(strategy.physicalKey("sensor", 3)).isEqualTo("sensor#3");
  }

  @Test
  void random_staysInRange_andAShardCountOutsideOneToAThousandIsRejected() {
    ShardKeyStrategy<Object> strategy = ShardKeyStrategy.random(3);
    for (int i = 0; i < 100; i++) {
      assertThat(strategy.shardFor("x")).isBetween(0, 2);
    }

    assertThatThrownBy(() -> ShardKeyStrategy.random(0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ShardKeyStrategy.hashing(1001, x -> x)).isInstanceOf(InvalidInputException.class);
  }
}
