package dev.ddbkit.orders.internal;

import dev.ddbkit.orders.Order;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The caller's attributes of a stored order item: a read-only view of the item that leaves out
 * {@link Order#reservedAttributeNames()}, built without copying. Reading a page maps every item to an
 * {@link Order}; copying each item's attributes into a new map was half of that cost.
 *
 * <p>Only ever wraps a map that never changes: the item maps of SDK responses are unmodifiable.
 */
public final class ItemAttributes extends AbstractMap<String, AttributeValue> {
  private final Map<String, AttributeValue> item;
  private int size = -1;

  ItemAttributes(Map<String, AttributeValue> item) {
    this.item = item;
  }

  private static boolean reserved(@Nullable Object name) {
    return name == null || Order.reservedAttributeNames().contains(name);
  }

  @Override
  public @Nullable AttributeValue get(@Nullable Object name) {
    return reserved(name) ? null : item.get(name);
  }

  @Override
  public boolean containsKey(@Nullable Object name) {
    return !reserved(name) && item.containsKey(name);
  }

  @Override
  public int size() {
    int n = size;
    if (n < 0) {
      n = 0;
      for (String name : item.keySet()) {
        if (!reserved(name)) {
          n++;
        }
      }
      size = n;
    }
    return n;
  }

  @Override
  public boolean isEmpty() {
    return size() == 0;
  }

  @Override
  public Set<Entry<String, AttributeValue>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, AttributeValue>> iterator() {
        Iterator<Entry<String, AttributeValue>> all = item.entrySet().iterator();
        return new Iterator<>() {
          private @Nullable Entry<String, AttributeValue> next = advance();

          private @Nullable Entry<String, AttributeValue> advance() {
            while (all.hasNext()) {
              Entry<String, AttributeValue> e = all.next();
              if (!reserved(e.getKey())) {
                return Map.entry(e.getKey(), e.getValue());
              }
            }
            return null;
          }

          @Override
          public boolean hasNext() {
            return next != null;
          }

          @Override
          public Entry<String, AttributeValue> next() {
            Entry<String, AttributeValue> e = next;
            if (e == null) {
              throw new NoSuchElementException();
            }
            next = advance();
            return e;
          }
        };
      }

      @Override
      public int size() {
        return ItemAttributes.this.size();
      }
    };
  }
}
