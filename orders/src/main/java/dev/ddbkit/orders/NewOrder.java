package dev.ddbkit.orders;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.orders.internal.AttributeChecks;
import dev.ddbkit.orders.internal.OrderItems;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the caller supplies to create an order: the customer, the initial status ({@link OrderStatus#PENDING}
 * unless set) and the caller's own attributes, stored as given. The repository adds {@code order_id},
 * {@code order_date}, {@code created_at} and {@code expires_at}.
 *
 * <pre>{@code
 * NewOrder order = NewOrder.builder()
 *     .customerId("c-42")
 *     .attribute("total", new BigDecimal("19.90"))
 *     .attribute("items", AttributeValue.fromL(List.of(AttributeValue.fromS("sku-1"))))
 *     .build();
 * }</pre>
 */
public final class NewOrder {
  private final String customerId;
  private final OrderStatus status;
  private final Map<String, AttributeValue> attributes;

  private NewOrder(Builder b) {
    this.customerId = OrderItems.checkCustomerId(b.customerId);
    this.status = b.status;
    this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
  }

  /** A builder with status {@link OrderStatus#PENDING} and no attributes. */
  public static Builder builder() {
    return new Builder();
  }

  /** The customer, {@code customer_id}. */
  public String customerId() {
    return customerId;
  }

  /** The initial status. */
  public OrderStatus status() {
    return status;
  }

  /** The caller's own attributes, unmodifiable. */
  public Map<String, AttributeValue> attributes() {
    return attributes;
  }

  @Override
  public String toString() {
    return "NewOrder{" + customerId + ", " + status.wireValue() + ", attributes=" + attributes.keySet() + "}";
  }

  /**
   * Builder of {@link NewOrder}. Every setter validates at once: blank customer ids, reserved attribute
   * names ({@link Order#reservedAttributeNames()}), and values DynamoDB would reject (empty or duplicate
   * sets, numbers beyond 38 digits, values with no type) throw {@link dev.ddbkit.core.error.InvalidInputException}.
   */
  public static final class Builder {
    private @Nullable String customerId;
    private OrderStatus status = OrderStatus.PENDING;
    private final Map<String, AttributeValue> attributes = new LinkedHashMap<>();

    private Builder() {}

    /** The customer; required, not blank, at most 2048 UTF-8 bytes. */
    public Builder customerId(String customerId) {
      this.customerId = OrderItems.checkCustomerId(customerId);
      return this;
    }

    /** The initial status; {@link OrderStatus#PENDING} by default. */
    public Builder status(OrderStatus status) {
      this.status = Require.nonNull(status, "status");
      return this;
    }

    /** Sets one caller attribute to {@code value}, replacing an earlier value of the same name. */
    public Builder attribute(String name, AttributeValue value) {
      AttributeChecks.checkCallerAttribute(name, value);
      attributes.put(name, value);
      return this;
    }

    /** Sets a string attribute ({@code S}). */
    public Builder attribute(String name, String value) {
      return attribute(name, AttributeValue.fromS(Require.nonNull(value, "value of attribute " + name)));
    }

    /** Sets a number attribute ({@code N}), kept exactly as {@code value.toPlainString()}. */
    public Builder attribute(String name, BigDecimal value) {
      return attribute(name, AttributeValue.fromN(Require.nonNull(value, "value of attribute " + name).toPlainString()));
    }

    /** Sets a number attribute ({@code N}). */
    public Builder attribute(String name, long value) {
      return attribute(name, AttributeValue.fromN(Long.toString(value)));
    }

    /** Sets a boolean attribute ({@code BOOL}). */
    public Builder attribute(String name, boolean value) {
      return attribute(name, AttributeValue.fromBool(value));
    }

    /** Sets every entry of {@code values} as a caller attribute. */
    public Builder attributes(Map<String, AttributeValue> values) {
      Require.nonNull(values, "attributes");
      values.forEach(this::attribute);
      return this;
    }

    /** Builds the order request; fails if no customer id was set. */
    public NewOrder build() {
      Require.nonNull(customerId, "customerId");
      return new NewOrder(this);
    }
  }
}
