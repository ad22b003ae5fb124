package dev.ddbkit.transactions;

import dev.ddbkit.core.error.Require;

/**
 * A credit transfer: move {@code amount} whole minor units (for example cents) from one account to
 * another. Money is never a floating-point number in ddbkit. Invalid transfers are rejected here, before
 * any write: a blank id, an account id over DynamoDB's 2048-byte partition key limit (UTF-8), a zero or
 * negative amount (which would move money backwards), or a transfer from an account to itself.
 *
 * @param operationId the caller's operation id: the idempotency key of this transfer
 * @param fromAccount the debited account ({@code account_id})
 * @param toAccount the credited account
 * @param amount whole minor units; positive
 */
public record TransferRequest(String operationId, String fromAccount, String toAccount, long amount) {

  public TransferRequest {
    Require.nonBlank(operationId, "operationId");
    Require.partitionKey(fromAccount, "fromAccount");
    Require.partitionKey(toAccount, "toAccount");
    Require.argument(amount > 0, "amount",
        "amount must be a positive number of minor units but was " + amount + "; a transfer never moves money backwards.");
    Require.argument(!fromAccount.equals(toAccount), "toAccount",
        "toAccount must differ from fromAccount (" + fromAccount + "); a transfer to the same account is not allowed.");
  }

  /** A transfer of {@code amount} minor units from {@code fromAccount} to {@code toAccount}. */
  public static TransferRequest of(String operationId, String fromAccount, String toAccount, long amount) {
    return new TransferRequest(operationId, fromAccount, toAccount, amount);
  }
}
