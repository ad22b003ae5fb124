package dev.ddbkit.orders;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.orders.internal.OrderItems;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Order ids in the orders layout, {@code ORD_<epoch millis>_<8 lowercase hex>}: the id holds the order's
 * creation millisecond, which is what customer queries sort and filter by ({@code newestFirst},
 * {@code createdBetween}). Every writer of the orders table (this module's {@code create} and the
 * transactions module's {@code processOrder}) uses ids of this form.
 *
 * <pre>{@code
 * String id = OrderIds.next(Clock.systemUTC());                 // ORD_1705314600123_1a2b3c4d
 * Instant created = OrderIds.createdAt(id).orElseThrow();       // 2024-01-15T10:30:00.123Z
 * }</pre>
 */
public final class OrderIds {
  private static final Pattern FORMAT = Pattern.compile("ORD_[1-9][0-9]{12}_[0-9a-f]{8}");

  private OrderIds() {}

  /** A new id for an order created now by {@code clock}, with a random suffix. */
  public static String next(Clock clock) {
    Instant now = Require.nonNull(clock, "clock").instant().truncatedTo(ChronoUnit.MILLIS);
    return OrderItems.newOrderId(now, ThreadLocalRandom.current());
  }

  /** Whether {@code orderId} has the form {@code ORD_<13-digit epoch millis>_<8 lowercase hex>}. */
  public static boolean isValid(String orderId) {
    return orderId != null && FORMAT.matcher(orderId).matches();
  }

  /** The creation instant an id holds (millisecond precision), or empty if it is not in the orders format. */
  public static Optional<Instant> createdAt(String orderId) {
    if (!isValid(orderId)) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochMilli(Long.parseLong(orderId.substring(4, 17))));
  }
}
