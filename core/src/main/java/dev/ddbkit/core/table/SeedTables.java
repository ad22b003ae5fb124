package dev.ddbkit.core.table;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * The tables of the "How to Set Up DynamoDB for Production" guide, exactly as its Terraform and code lay
 * them out, so ddbkit and the guide's Node.js code can share live tables.
 */
public final class SeedTables {
  /** Orders table name. */
  public static final String ORDERS = "orders-production";
  /** Sessions table name. */
  public static final String SESSIONS = "sessions-production";
  /** Sharded metrics table name (the guide passes it as a parameter). */
  public static final String METRICS = "metrics-production";
  /** Inventory table name (the guide reads it from {@code DYNAMODB_INVENTORY_TABLE}). */
  public static final String INVENTORY = "inventory-production";
  /** Accounts table name (the guide passes it as a parameter). */
  public static final String ACCOUNTS = "accounts-production";
  /** Orders GSI by date: {@code order_date}, {@code order_id}, projection ALL. */
  public static final String ORDER_DATE_INDEX = "OrderDateIndex";
  /** Orders GSI by status: {@code status}, {@code order_date}, projection KEYS_ONLY. */
  public static final String STATUS_INDEX = "StatusIndex";
  /** TTL attribute of every seed table. */
  public static final String TTL_ATTRIBUTE = "expires_at";

  private SeedTables() {}

  /** {@code orders-production}: on demand, two GSIs, TTL, encryption, PITR, tags. */
  public static TableDefinition orders() {
    return TableDefinition.builder(ORDERS)
        .partitionKey(KeyAttribute.string("customer_id"))
        .sortKey(KeyAttribute.string("order_id"))
        .globalSecondaryIndex(IndexDefinition.of(ORDER_DATE_INDEX, KeyAttribute.string("order_date"),
            KeyAttribute.string("order_id"), ProjectionType.ALL))
        .globalSecondaryIndex(IndexDefinition.of(STATUS_INDEX, KeyAttribute.string("status"),
            KeyAttribute.string("order_date"), ProjectionType.KEYS_ONLY))
        .ttlAttribute(TTL_ATTRIBUTE)
        .serverSideEncryption(true)
        .pointInTimeRecovery(true)
        .tag("Environment", "production")
        .tag("Service", "order-service")
        .build();
  }

  /** {@code sessions-production}: provisioned 100 RCU / 50 WCU, TTL, encryption, PITR. */
  public static TableDefinition sessions() {
    return TableDefinition.builder(SESSIONS)
        .partitionKey(KeyAttribute.string("session_id"))
        .capacity(Capacity.provisioned(100, 50))
        .ttlAttribute(TTL_ATTRIBUTE)
        .serverSideEncryption(true)
        .pointInTimeRecovery(true)
        .build();
  }

  /** {@code metrics-production}: {@code metric_shard} / {@code timestamp}, TTL. */
  public static TableDefinition metrics() {
    return TableDefinition.builder(METRICS)
        .partitionKey(KeyAttribute.string("metric_shard"))
        .sortKey(KeyAttribute.string("timestamp"))
        .ttlAttribute(TTL_ATTRIBUTE)
        .serverSideEncryption(true)
        .pointInTimeRecovery(true)
        .build();
  }

  /** {@code inventory-production}: keyed by {@code product_id}. */
  public static TableDefinition inventory() {
    return TableDefinition.builder(INVENTORY)
        .partitionKey(KeyAttribute.string("product_id"))
        .serverSideEncryption(true)
        .pointInTimeRecovery(true)
        .build();
  }

  /** {@code accounts-production}: keyed by {@code account_id}. */
  public static TableDefinition accounts() {
    return TableDefinition.builder(ACCOUNTS)
        .partitionKey(KeyAttribute.string("account_id"))
        .serverSideEncryption(true)
        .pointInTimeRecovery(true)
        .build();
  }

  /** Every seed table. */
  public static List<TableDefinition> all() {
    return List.of(orders(), sessions(), metrics(), inventory(), accounts());
  }
}
