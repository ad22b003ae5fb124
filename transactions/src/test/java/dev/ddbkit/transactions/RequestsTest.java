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
    assertThatThrownBy(() -> OrderRequest.builder().customerId("c").orderId("o").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one line");
  }

  @Test
  void order_operationId_defaultsToCustomerAndOrder() {
    assertThat(OrderRequest.builder().customerId("c").orderId("o").line("p", 1).build().operationId())
        .isEqualTo("c#o");
  }

  @Test
  void settings_retentionShorterThan15Minutes_isRejected() {
    assertThatThrownBy(() -> TransactionSettings.builder().idempotencyRetention(Duration.ofMinutes(10)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("idempotencyRetention");
  }
}
