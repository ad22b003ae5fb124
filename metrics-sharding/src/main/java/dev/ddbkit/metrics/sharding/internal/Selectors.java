package dev.ddbkit.metrics.sharding.internal;

import dev.ddbkit.metrics.sharding.ShardSelector;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/** The built-in {@link ShardSelector}s. */
public final class Selectors {
  private Selectors() {}

  /** Uniform random shard. */
  public static ShardSelector random() {
    return (point, shardCount) -> ThreadLocalRandom.current().nextInt(shardCount);
  }

  /** Round robin per metric name. */
  public static ShardSelector roundRobin() {
    ConcurrentHashMap<String, AtomicLong> counters = new ConcurrentHashMap<>();
    return (point, shardCount) -> (int) Math.floorMod(
        counters.computeIfAbsent(point.metricName(), k -> new AtomicLong()).getAndIncrement(), (long) shardCount);
  }

  /** CRC-32 of the UTF-8 bytes of {@code key} modulo {@code shardCount}. */
  public static int hashShard(String key, int shardCount) {
    CRC32 crc = new CRC32();
    crc.update(key.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % shardCount);
  }
}
