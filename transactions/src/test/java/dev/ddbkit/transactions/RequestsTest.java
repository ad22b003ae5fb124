package dev.ddbkit.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.InvalidInputException;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RequestsTest {
  private static final String ID = "ORD_1705314600123_1a2b3c4d";


  @Property
  void transfer_nonPositiveAmount_isRejected(@ForAll @LongRange(min = Long.MIN_VALUE, max = 0) long amount) {
    assertThatThrownBy(() -> TransferRequest.of("op", "a", "b", amount))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("amount must be a positive number of minor units");
  }

  @Test
  void transfer_toSameAccount_isRejected() {
    assertThatThrownBy(() -> TransferRequest.of("op", "a", "a", 5))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("same account");
  }

  @Test
  void transfer_blankOperationId_isRejected() {
    assertThatThrownBy(() -> TransferRequest.of(" ", "a", "b", 5))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("operationId");
  }

  @Test
  void orderLine_nonPositiveQuantity_isRejected() {
    assertThatThrownBy(() -> OrderLine.of("sku", 0)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("quantity of product sku must be positive");
  }

  @Test
  void order_withoutLines_isRejected() {
    assertThatThrownBy(() -> OrderRequest.builder().customerId("c").orderId(ID).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one line");
  }

  @Test
  void order_operationId_defaultsToCustomerAndOrder() {
    assertThat(OrderRequest.builder().customerId("c").orderId(ID).line("p", 1).build().operationId())
        .isEqualTo("c#" + ID);
  }

  @Test
  void settings_retentionShorterThan15Minutes_isRejected() {
    assertThatThrownBy(() -> TransactionSettings.builder().idempotencyRetention(Duration.ofMinutes(10)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("idempotencyRetention");
  }

  @Test
  void order_defaultOperationId_tellsIdsContainingHashApart() {
    String first = OrderRequest.defaultOperationId("a#b", "c");
    String second = OrderRequest.defaultOperationId("a", "b#c");
    assertThat(first).isEqualTo("#3#a#b#c").isNotEqualTo(second);
    assertThat(second).isEqualTo("#1#a#b#c");
    assertThat(OrderRequest.builder().customerId("a#b").orderId(ID).line("q", 2).build().operationId())
        .as("same order, other lines: same operation id")
        .isEqualTo(OrderRequest.builder().customerId("a#b").orderId(ID).line("p", 1).build().operationId());
  }

  @net.jqwik.api.Property
  void order_defaultOperationId_isInjectiveAndAtMost1024Bytes(
      @net.jqwik.api.ForAll("ids") String c1, @net.jqwik.api.ForAll("ids") String o1,
      @net.jqwik.api.ForAll("ids") String c2, @net.jqwik.api.ForAll("ids") String o2) {
    String a = OrderRequest.defaultOperationId(c1, o1);
    String b = OrderRequest.defaultOperationId(c2, o2);
    assertThat(a.equals(b)).isEqualTo(c1.equals(c2) && o1.equals(o2));
    assertThat(a.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> ids() {
    return net.jqwik.api.Arbitraries.oneOf(
        net.jqwik.api.Arbitraries.strings().withChars("ab#1").ofMinLength(1).ofMaxLength(6),
        net.jqwik.api.Arbitraries.strings().withChars("é#").ofMinLength(500).ofMaxLength(1024));
  }

  @Test
  void order_longIds_getAHashedDefaultOperationId() {
    OrderRequest order = OrderRequest.builder().customerId("é".repeat(1024)).orderId(ID).line("p", 1).build();
    assertThat(order.operationId()).startsWith("#sha256#").hasSize(8 + 64);
  }

  @Test
  void keys_overDynamoDbsLimits_areRejectedNamingTheArgument() {
    String over2048 = "é".repeat(1025);
    assertArgument(() -> OrderRequest.builder().customerId(over2048), "customerId");
    assertArgument(() -> OrderRequest.builder().orderId("é".repeat(513)), "orderId");
    assertArgument(() -> OrderRequest.builder().orderId("ORD-1001"), "orderId");
    assertArgument(() -> OrderRequest.builder().orderId("ORD_1705314600123_1A2B3C4D"), "orderId");
    assertArgument(() -> OrderLine.of(over2048, 1), "productId");
    assertArgument(() -> TransferRequest.of("op", over2048, "bob", 1), "fromAccount");
    assertArgument(() -> TransferRequest.of("op", "alice", over2048, 1), "toAccount");
    assertArgument(() -> TransactionSettings.builder().ordersTable("orders production!"), "ordersTable");
    assertArgument(() -> TransactionSettings.builder().idempotencyTable("ab"), "idempotencyTable");
  }

  private static void assertArgument(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String argument) {
    assertThatThrownBy(call).isInstanceOf(InvalidInputException.class).hasMessageContaining(argument)
        .hasMessageEndingWith(".").extracting(e -> ((InvalidInputException) e).argument()).isEqualTo(argument);
  }
}
