package dev.ddbkit.dax.internal;

import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The only way into the DAX client. Checks by name whether it is on the classpath, and touches
 * {@link DaxClientFactory} (which links against DAX classes) only when it is, so users without the optional
 * {@code amazon-dax-client} dependency never load a DAX class.
 */
public final class DaxSupport {
  private static final String DAX_CLIENT_CLASS = "software.amazon.dax.ClusterDaxClient";

  private DaxSupport() {}

  /** Whether {@code software.amazon.dax:amazon-dax-client} can be loaded. */
  public static boolean available() {
    try {
      Class.forName(DAX_CLIENT_CLASS, false, DaxSupport.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * A supplier that builds a DAX cluster client for {@code endpoint} when first called. Call only when
   * {@link #available()} is true.
   */
  public static Supplier<DynamoDbClient> clientFactory(
      String endpoint,
      @Nullable Region region,
      @Nullable AwsCredentialsProvider credentials,
      Duration connectTimeout,
      Duration requestTimeout) {
    return () -> DaxClientFactory.create(endpoint, region, credentials, connectTimeout, requestTimeout);
  }

  /** Like {@link #clientFactory} for the asynchronous DAX cluster client. */
  public static Supplier<DynamoDbAsyncClient> asyncClientFactory(
      String endpoint,
      @Nullable Region region,
      @Nullable AwsCredentialsProvider credentials,
      Duration connectTimeout,
      Duration requestTimeout) {
    return () -> DaxClientFactory.createAsync(endpoint, region, credentials, connectTimeout, requestTimeout);
  }
}
