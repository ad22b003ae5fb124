package dev.ddbkit.integration.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestClock;
import dev.ddbkit.testkit.TestTables;
import dev.ddbkit.transactions.AccountExistsException;
import dev.ddbkit.transactions.DdbkitTransactions;
import dev.ddbkit.transactions.InsufficientStockException;
import dev.ddbkit.transactions.OrderResult;
import dev.ddbkit.transactions.TransferResult;
import dev.ddbkit.transactions.UnknownProductException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Issue 13, point 7: stock and balances through the API, read back through the plain client. */
@DynamoDbLocalTest
class StockAndBalancesIT {
  private Fixture db;
  private DdbkitTransactions tx;

  @BeforeEach
  void setUp(DynamoDbClient client, TestTables tables) {
    db = new Fixture(client, tables);
    tx = DdbkitTransactions.create(client, db.settings(TestClock.at(Instant.parse("2030-06-01T12:00:00.123456Z"))));
  }

  @Test
  void putStock_writesTheSeedsInventoryItem_andProcessOrderUsesIt() {
    tx.putStock("sku-1", 5);

    Map<String, AttributeValue> item = db.item(db.inventory, Map.of("product_id", AttributeValue.fromS("sku-1")));
    assertThat(item.get("quantity").n()).isEqualTo("5");
    assertThat(item.get("updated_at").s()).isEqualTo("2030-06-01T12:00:00.123Z");
    assertThat(tx.stock("sku-1")).hasValue(5);
    assertThat(tx.processOrder(o -> o.customerId("c").orderId(tx.newOrderId()).line("sku-1", 2)))
        .isInstanceOf(OrderResult.Confirmed.class);
    assertThat(tx.stock("sku-1")).hasValue(3);
    tx.putStock("sku-1", 0);
    assertThat(db.quantity("sku-1")).hasValue(0);
  }

  @Test
  void adjustStock_addsAndRemoves_neverBelowZero_andOnlyForKnownProducts() {
    tx.putStock("sku-1", 5);

    assertThat(tx.adjustStock("sku-1", 4)).isEqualTo(9);
    assertThat(tx.adjustStock("sku-1", -9)).isZero();
    assertThatThrownBy(() -> tx.adjustStock("sku-1", -1)).isInstanceOfSatisfying(InsufficientStockException.class,
        e -> {
          assertThat(e.productId()).isEqualTo("sku-1");
          assertThat(e.requested()).isEqualTo(1);
          assertThat(e.available()).isZero();
        });
    assertThatThrownBy(() -> tx.adjustStock("sku-unknown", 3)).isInstanceOfSatisfying(UnknownProductException.class,
        e -> assertThat(e.productId()).isEqualTo("sku-unknown"));
    assertThat(db.quantity("sku-1")).hasValue(0);
    assertThat(db.quantity("sku-unknown")).isEmpty();
    assertThat(tx.stock("sku-unknown")).isEmpty();
  }

  @Test
  void negativeStockOrBalance_isRejectedBeforeAnyWrite() {
    assertThatThrownBy(() -> tx.putStock("sku-1", -1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("quantity");
    assertThatThrownBy(() -> tx.openAccount("acct-1", -1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("openingBalance");
    assertThat(db.count(db.inventory)).isZero();
    assertThat(db.count(db.accounts)).isZero();
  }

  @Test
  void openAccount_onceOnly_andBalancesAreReadAsOneSnapshot() {
    tx.openAccount("alice", 1_000);
    tx.openAccount("bob", 0);

    assertThatThrownBy(() -> tx.openAccount("alice", 5)).isInstanceOfSatisfying(AccountExistsException.class,
        e -> assertThat(e.accountId()).isEqualTo("alice"));
    assertThat(db.balance("alice")).isEqualTo(1_000);
    assertThat(tx.transferCredits("op-1", "alice", "bob", 250)).isInstanceOf(TransferResult.Transferred.class);
    assertThat(tx.balance("alice")).hasValue(750);
    assertThat(tx.balance("nobody")).isEmpty();
    Map<String, Long> snapshot = tx.balances(List.of("bob", "nobody", "alice"));
    assertThat(snapshot).containsExactly(Map.entry("bob", 250L), Map.entry("alice", 750L));
    assertThat(snapshot).isEqualTo(Map.of("alice", db.balance("alice"), "bob", db.balance("bob")));
  }
}
