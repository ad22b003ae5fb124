package dev.ddbkit.core.table;

/** The state of one readiness item. */
public enum ReadinessStatus {
  /** The live table meets the item. */
  MET,
  /** The live table does not meet the item. */
  MISSING,
  /** The backend cannot tell (DynamoDB Local has no PITR, backups, tags or auto scaling), or it lies outside the DynamoDB API. */
  NOT_CHECKABLE
}
