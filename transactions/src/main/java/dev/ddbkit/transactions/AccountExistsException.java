package dev.ddbkit.transactions;

import dev.ddbkit.core.error.ConditionalCheckFailedException;
import dev.ddbkit.core.error.ErrorContext;

/**
 * {@link DdbkitTransactions#openAccount} found the account already open; its balance is untouched. Not
 * retryable.
 *
 * <pre>{@code
 * try {
 *   tx.openAccount("acct-1", 0);
 * } catch (AccountExistsException e) {
 *   // already open: read it with tx.balance(e.accountId())
 * }
 * }</pre>
 */
public final class AccountExistsException extends ConditionalCheckFailedException {
  private static final long serialVersionUID = 1L;

  private final String accountId;

  private AccountExistsException(String accountId, ErrorContext context) {
    super("Account " + accountId + " already exists; its balance was not changed.", context, null, null);
    this.accountId = accountId;
  }

  /** The error for {@code accountId}. */
  public static AccountExistsException of(String accountId, ErrorContext context) {
    return new AccountExistsException(accountId, context);
  }

  /** The account. */
  public String accountId() {
    return accountId;
  }
}
