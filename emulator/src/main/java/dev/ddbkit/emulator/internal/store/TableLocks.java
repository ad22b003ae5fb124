package dev.ddbkit.emulator.internal.store;

import dev.ddbkit.emulator.internal.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Locks the stripes of several items, possibly in several tables, in one global order (table id, then stripe)
 * so that transactions never deadlock with each other or with single-item writes (which hold one stripe).
 */
public final class TableLocks {
  private record Slot(Table table, int stripe) {}

  private static final Comparator<Slot> ORDER =
      Comparator.comparing((Slot s) -> s.table.tableId()).thenComparingInt(Slot::stripe);

  private final TreeSet<Slot> slots = new TreeSet<>(ORDER);

  public TableLocks add(Table table, Value partitionKey) {
    slots.add(new Slot(table, table.stripe(partitionKey)));
    return this;
  }

  public <T> T run(Supplier<T> body) {
    List<ReentrantLock> held = new ArrayList<>(slots.size());
    try {
      for (Slot s : slots) {
        ReentrantLock l = s.table.lock(s.stripe);
        l.lock();
        held.add(l);
      }
      return body.get();
    } finally {
      for (int i = held.size() - 1; i >= 0; i--) {
        held.get(i).unlock();
      }
    }
  }
}
