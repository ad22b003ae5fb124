package dev.ddbkit.integration.typed;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;

/**
 * A user's own entity, not one of the seed's tables: customers of a tenant, with a global index by email
 * (projecting all), a global index by tier sorted by signup date (keys only, for hydration), a local index by
 * signup date, a version attribute for optimistic locking and a TTL attribute.
 */
@DynamoDbBean
public class Customer {
  private String tenant;
  private String customerId;
  private String email;
  private String name;
  private String tier;
  private String signupDate;
  private Long version;
  private Long expiresAt;

  public Customer() {}

  static Customer of(String tenant, String customerId, String name, String tier, String signupDate) {
    Customer c = new Customer();
    c.tenant = tenant;
    c.customerId = customerId;
    c.email = customerId + "@" + tenant + ".example";
    c.name = name;
    c.tier = tier;
    c.signupDate = signupDate;
    c.expiresAt = 4_102_444_800L;
    return c;
  }

  @DynamoDbPartitionKey
  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  @DynamoDbSortKey
  public String getCustomerId() {
    return customerId;
  }

  public void setCustomerId(String customerId) {
    this.customerId = customerId;
  }

  @DynamoDbSecondaryPartitionKey(indexNames = "by_email")
  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  @DynamoDbSecondaryPartitionKey(indexNames = "by_tier")
  public String getTier() {
    return tier;
  }

  public void setTier(String tier) {
    this.tier = tier;
  }

  @DynamoDbSecondarySortKey(indexNames = {"by_tier", "by_signup"})
  public String getSignupDate() {
    return signupDate;
  }

  public void setSignupDate(String signupDate) {
    this.signupDate = signupDate;
  }

  @DynamoDbVersionAttribute
  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public Long getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(Long expiresAt) {
    this.expiresAt = expiresAt;
  }

  @Override
  public String toString() {
    return "Customer{" + tenant + "/" + customerId + ", tier=" + tier + ", v" + version + "}";
  }
}
