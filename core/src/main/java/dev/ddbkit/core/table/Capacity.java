package dev.ddbkit.core.table;

import dev.ddbkit.core.error.Require;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;

/**
 * A table's capacity mode: on demand, or provisioned with read and write units.
 *
 * @param mode the billing mode
 * @param readUnits provisioned read capacity units; 0 when on demand
 * @param writeUnits provisioned write capacity units; 0 when on demand
 */
public record Capacity(BillingMode mode, long readUnits, long writeUnits) {

  public Capacity {
    Require.nonNull(mode, "billing mode");
    if (mode == BillingMode.PROVISIONED) {
      Require.argument(readUnits >= 1, "readUnits", "readUnits must be at least 1 but was " + readUnits + ".");
      Require.argument(writeUnits >= 1, "writeUnits", "writeUnits must be at least 1 but was " + writeUnits + ".");
    } else {
      Require.argument(mode == BillingMode.PAY_PER_REQUEST, "billing mode",
          "billing mode must be PAY_PER_REQUEST or PROVISIONED.");
      Require.argument(readUnits == 0 && writeUnits == 0, "capacity units",
          "An on-demand table takes no provisioned capacity units.");
    }
  }

  /** On-demand (PAY_PER_REQUEST) capacity. */
  public static Capacity onDemand() {
    return new Capacity(BillingMode.PAY_PER_REQUEST, 0, 0);
  }

  /** Provisioned capacity with the given read and write units. */
  public static Capacity provisioned(long readUnits, long writeUnits) {
    return new Capacity(BillingMode.PROVISIONED, readUnits, writeUnits);
  }

  /** Whether this is provisioned capacity. */
  public boolean isProvisioned() {
    return mode == BillingMode.PROVISIONED;
  }

  /** Provisioned read units, if provisioned. */
  public Optional<Long> provisionedReadUnits() {
    return isProvisioned() ? Optional.of(readUnits) : Optional.empty();
  }
}
