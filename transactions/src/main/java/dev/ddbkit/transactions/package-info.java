/**
 * Exactly-once DynamoDB transactions for the seed's two patterns: order processing against inventory
 * ({@link dev.ddbkit.transactions.DdbkitTransactions#processOrder}) and double-entry credit transfers
 * ({@link dev.ddbkit.transactions.DdbkitTransactions#transferCredits}), each with a typed outcome.
 */
@NullMarked
package dev.ddbkit.transactions;

import org.jspecify.annotations.NullMarked;
