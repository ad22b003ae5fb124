package dev.ddbkit.emulator.internal.ops;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DynamoDB's capacity arithmetic and its ConsumedCapacity member. Reads: one unit per started 4 KB (at least
 * one), half for eventually consistent reads; writes: one unit per started 1 KB (at least one); transactions
 * cost double.
 */
final class Capacity {
  enum Mode { NONE, TOTAL, INDEXES }

  private final String table;
  private double tableUnits;
  private double readUnits;
  private double writeUnits;
  private final Map<String, Double> globalIndexes = new LinkedHashMap<>();
  private final Map<String, Double> localIndexes = new LinkedHashMap<>();

  Capacity(String table) {
    this.table = table;
  }

  static Mode mode(Request r) {
    String m = r.string("ReturnConsumedCapacity").orElse("NONE");
    try {
      return Mode.valueOf(m);
    } catch (IllegalArgumentException e) {
      throw dev.ddbkit.emulator.internal.error.DynamoException.validation("1 validation error detected: Value '" + m
          + "' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]");
    }
  }

  static double readUnits(long bytes, boolean consistent) {
    long units = Math.max(1, (bytes + 4095) / 4096);
    return consistent ? units : units / 2.0;
  }

  static double writeUnits(long bytes) {
    return Math.max(1, (bytes + 1023) / 1024);
  }

  /** The units consumed on the table itself (not its indexes). */
  double tableUnits() {
    return tableUnits;
  }

  Capacity read(double units) {
    tableUnits += units;
    readUnits += units;
    return this;
  }

  Capacity write(double units) {
    tableUnits += units;
    writeUnits += units;
    return this;
  }

  Capacity index(String name, boolean global, double units, boolean write) {
    (global ? globalIndexes : localIndexes).merge(name, units, Double::sum);
    if (write) {
      writeUnits += units;
    } else {
      readUnits += units;
    }
    return this;
  }

  Capacity add(Capacity other) {
    tableUnits += other.tableUnits;
    readUnits += other.readUnits;
    writeUnits += other.writeUnits;
    other.globalIndexes.forEach((k, v) -> globalIndexes.merge(k, v, Double::sum));
    other.localIndexes.forEach((k, v) -> localIndexes.merge(k, v, Double::sum));
    return this;
  }

  Capacity times(double factor) {
    tableUnits *= factor;
    readUnits *= factor;
    writeUnits *= factor;
    globalIndexes.replaceAll((k, v) -> v * factor);
    localIndexes.replaceAll((k, v) -> v * factor);
    return this;
  }

  Optional<Map<String, Object>> json(Mode mode) {
    if (mode == Mode.NONE) {
      return Optional.empty();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("TableName", table);
    double total = tableUnits;
    for (double v : globalIndexes.values()) {
      total += v;
    }
    for (double v : localIndexes.values()) {
      total += v;
    }
    m.put("CapacityUnits", number(total));
    if (readUnits > 0) {
      m.put("ReadCapacityUnits", number(readUnits));
    }
    if (writeUnits > 0) {
      m.put("WriteCapacityUnits", number(writeUnits));
    }
    if (mode == Mode.INDEXES) {
      m.put("Table", Map.of("CapacityUnits", number(tableUnits)));
      if (!globalIndexes.isEmpty()) {
        m.put("GlobalSecondaryIndexes", units(globalIndexes));
      }
      if (!localIndexes.isEmpty()) {
        m.put("LocalSecondaryIndexes", units(localIndexes));
      }
    }
    return Optional.of(m);
  }

  static void put(Map<String, Object> response, Mode mode, Capacity c) {
    c.json(mode).ifPresent(j -> response.put("ConsumedCapacity", j));
  }

  static void putList(Map<String, Object> response, Mode mode, Map<String, Capacity> perTable) {
    if (mode == Mode.NONE) {
      return;
    }
    List<Object> list = new ArrayList<>();
    for (Capacity c : perTable.values()) {
      c.json(mode).ifPresent(list::add);
    }
    response.put("ConsumedCapacity", list);
  }

  private static Map<String, Object> units(Map<String, Double> byIndex) {
    Map<String, Object> m = new LinkedHashMap<>();
    byIndex.forEach((k, v) -> m.put(k, Map.of("CapacityUnits", number(v))));
    return m;
  }

  private static BigDecimal number(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros();
  }
}
