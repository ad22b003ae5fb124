package dev.ddbkit.transactions;

/**
 * What happened to a transfer. Business outcomes are values; failures DynamoDB or the network cause are
 * thrown as {@link dev.ddbkit.core.error.DdbkitException}s.
 *
 * <pre>{@code
 * TransferResult result = transactions.transferCredits(TransferRequest.of("op-7", "acct-1", "acct-2", 500));
 * if (result instanceof TransferResult.InsufficientFunds f) {
 *   reject(f.available());
 * }
 * }</pre>
 */
public sealed interface TransferResult {

  /** The operation id of the transfer. */
  String operationId();

  /**
   * The debit and the credit were applied together.
   *
   * @param replayed false for the one call that applied the transfer; true for every other send of the same
   *     operation id (concurrent or later), which wrote nothing
   */
  record Transferred(String operationId, String fromAccount, String toAccount, long amount, boolean replayed)
      implements TransferResult {}

  /**
   * Nothing was written: the source account's balance was below the amount.
   *
   * @param available the source balance, in minor units, when DynamoDB evaluated the transaction
   */
  record InsufficientFunds(String operationId, String accountId, long requested, long available)
      implements TransferResult {}

  /** Nothing was written: the source account does not exist. */
  record UnknownSourceAccount(String operationId, String accountId) implements TransferResult {}

  /** Nothing was written: the target account does not exist. */
  record UnknownTargetAccount(String operationId, String accountId) implements TransferResult {}
}
