package dev.ddbkit.cli.internal;

import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.orders.OrderIds;
import dev.ddbkit.transactions.DdbkitTransactions;
import dev.ddbkit.transactions.OrderResult;
import dev.ddbkit.transactions.Shortage;
import dev.ddbkit.transactions.TransactionSettings;
import dev.ddbkit.transactions.TransferResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The seed's transactional patterns: processing orders against inventory and transferring credits. */
final class TransactionsSteps {
  private final Demo demo;
  private final Connection connection;
  private final Clock clock;

  TransactionsSteps(Demo demo, Connection connection, Clock clock) {
    this.demo = demo;
    this.connection = connection;
    this.clock = clock;
  }

  void processOrders(DemoReport.Step s) {
    String sku1 = demo.prefix() + "sku-1";
    String sku2 = demo.prefix() + "sku-2";
    DdbkitTransactions tx = DdbkitTransactions.create(connection.sync(), tables(TransactionSettings.builder().clock(clock)).build());
    tx.putStock(sku1, 10);
    tx.putStock(sku2, 3);
    s.say("stock: " + sku1 + " = 10, " + sku2 + " = 3 (putStock: PutItem on " + inventory() + ")");
    String customer = demo.prefix() + "cust-tx";
    String orderId = orderId();
    String op = demo.prefix() + "op-order-1";
    OrderResult first = tx.processOrder(o -> o.operationId(op).customerId(customer).orderId(orderId)
        .line(sku1, 2).line(sku2, 1));
    s.say("processOrder " + orderId + " (" + sku1 + " x2, " + sku2 + " x1): one TransactWriteItems decrementing "
        + "stock on quantity >= requested and putting the order on attribute_not_exists -> " + describe(first));

    String short1 = orderId();
    OrderResult shortage = tx.processOrder(o -> o.operationId(demo.prefix() + "op-order-2").customerId(customer)
        .orderId(short1).line(sku1, 1).line(sku2, 5));
    s.say("processOrder " + short1 + " (" + sku1 + " x1, " + sku2 + " x5) -> " + describe(shortage)
        + "; nothing written, not even " + sku1 + "'s decrement");

    OrderResult duplicate = tx.processOrder(o -> o.operationId(demo.prefix() + "op-order-3").customerId(customer)
        .orderId(orderId).line(sku1, 1));
    s.say("processOrder " + orderId + " again under a new operation id -> " + describe(duplicate)
        + " (not mistaken for a stock shortage)");

    OrderResult replay = tx.processOrder(o -> o.operationId(op).customerId(customer).orderId(orderId)
        .line(sku1, 2).line(sku2, 1));
    s.say("the first order re-sent with its operation id (a retry after a lost response) -> " + describe(replay));

    long left1 = tx.stock(sku1).orElseThrow();
    long left2 = tx.stock(sku2).orElseThrow();
    s.say("stock now: " + sku1 + " = " + left1 + ", " + sku2 + " = " + left2 + " (expected 8 and 2)");
    boolean ok = first instanceof OrderResult.Confirmed c && !c.replayed()
        && shortage instanceof OrderResult.InsufficientStock
        && duplicate instanceof OrderResult.DuplicateOrder
        && replay instanceof OrderResult.Confirmed r && r.replayed()
        && left1 == 8 && left2 == 2;
    if (!ok) {
      throw new IllegalStateException("An order outcome or the remaining stock is not what it should be.");
    }
    s.count("confirmed", 1).count("insufficientStock", 1).count("duplicate", 1).count("replayed", 1);
  }

  void transferCredits(DemoReport.Step s) {
    String a = demo.prefix() + "acct-a";
    String b = demo.prefix() + "acct-b";
    DdbkitTransactions tx = DdbkitTransactions.create(connection.sync(), tables(TransactionSettings.builder().clock(clock)).build());
    tx.openAccount(a, 10_000);
    tx.openAccount(b, 500);
    s.say("accounts: " + a + " = 100.00, " + b + " = 5.00 (openAccount; balances in whole cents, never floating point)");

    String op = demo.prefix() + "op-transfer-1";
    TransferResult moved = tx.transferCredits(op, a, b, 2_500);
    s.say("transferCredits 25.00 " + a + " -> " + b + ": debit on balance >= amount and credit on "
        + "attribute_exists(account_id), one TransactWriteItems -> " + describe(moved));
    TransferResult rejected = tx.transferCredits(demo.prefix() + "op-transfer-2", a, b, 1_000_000);
    s.say("transferCredits 10,000.00 " + a + " -> " + b + " -> " + describe(rejected) + ", nothing moved");
    TransferResult unknown = tx.transferCredits(demo.prefix() + "op-transfer-3", a, demo.prefix() + "acct-nobody",
        100);
    s.say("transferCredits 1.00 to an account that does not exist -> " + describe(unknown));
    TransferResult replay = tx.transferCredits(op, a, b, 2_500);
    s.say("the first transfer re-sent with its operation id -> " + describe(replay) + ", money moved once");
    String negative;
    try {
      tx.transferCredits(demo.prefix() + "op-transfer-4", a, b, -500);
      negative = "ACCEPTED";
    } catch (InvalidInputException e) {
      negative = "rejected before any write (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    }
    s.say("transferCredits -5.00 -> " + negative);

    Map<String, Long> snapshot = tx.balances(List.of(a, b));           // one TransactGetItems: a consistent pair
    long balanceA = snapshot.get(a);
    long balanceB = snapshot.get(b);
    s.say("balances now: " + a + " = " + money(balanceA) + ", " + b + " = " + money(balanceB) + "; total "
        + money(balanceA + balanceB) + " (unchanged: " + (balanceA + balanceB == 10_500 ? "yes" : "NO") + ")");
    boolean ok = moved instanceof TransferResult.Transferred t && !t.replayed()
        && rejected instanceof TransferResult.InsufficientFunds
        && unknown instanceof TransferResult.UnknownTargetAccount
        && replay instanceof TransferResult.Transferred r && r.replayed()
        && !negative.equals("ACCEPTED") && balanceA == 7_500 && balanceB == 3_000;
    if (!ok) {
      throw new IllegalStateException("A transfer outcome or a balance is not what it should be.");
    }
    s.count("transferred", 1).count("rejected", 3).count("replayed", 1);
  }

  private String orderId() {
    return OrderIds.next(clock);
  }

  /** Whole cents as a decimal amount, without floating point: {@code 7500} is {@code 75.00}. */
  static String money(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }

  private static String describe(OrderResult r) {
    if (r instanceof OrderResult.Confirmed c) {
      return "Confirmed" + (c.replayed() ? " (replayed: applied once, not twice)" : "");
    }
    if (r instanceof OrderResult.InsufficientStock i) {
      return "InsufficientStock: " + i.shortages().stream().map(TransactionsSteps::shortage)
          .collect(Collectors.joining(", "));
    }
    if (r instanceof OrderResult.DuplicateOrder) {
      return "DuplicateOrder";
    }
    return r.toString();
  }

  private static String shortage(Shortage s) {
    return s.productId() + " requested " + s.requested() + ", available " + s.available();
  }

  private static String describe(TransferResult r) {
    if (r instanceof TransferResult.Transferred t) {
      return "Transferred" + (t.replayed() ? " (replayed: applied once, not twice)" : "");
    }
    if (r instanceof TransferResult.InsufficientFunds f) {
      return "InsufficientFunds (available " + money(f.available()) + ")";
    }
    if (r instanceof TransferResult.UnknownSourceAccount u) {
      return "UnknownSourceAccount " + u.accountId();
    }
    if (r instanceof TransferResult.UnknownTargetAccount u) {
      return "UnknownTargetAccount " + u.accountId();
    }
    return r.toString();
  }

  private String inventory() {
    return demo.environment().table("inventory");
  }

  private String accounts() {
    return demo.environment().table("accounts");
  }

  /** The environment's tables on {@code b}. */
  private TransactionSettings.Builder tables(TransactionSettings.Builder b) {
    Environment env = demo.environment();
    return b.ordersTable(env.table("orders")).inventoryTable(inventory()).accountsTable(accounts())
        .idempotencyTable(env.table("idempotency"));
  }
}
