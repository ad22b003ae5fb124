package dev.ddbkit.dax.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dax.ClusterDaxAsyncClient;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

/** Builds the real DAX client. Loaded only through {@link DaxSupport} once DAX is known to be present. */
final class DaxClientFactory {

  /**
   * The DAX client does not retry writes itself: ddbkit must know whether the one attempt reached DAX to
   * decide whether re-sending the write to DynamoDB is safe. One read retry lets the DAX client move to
   * another node of the cluster before ddbkit falls back to DynamoDB.
   */
  private static final int WRITE_RETRIES = 0;
  private static final int READ_RETRIES = 1;

  private DaxClientFactory() {}

  static DynamoDbClient create(
      String endpoint,
      @Nullable Region region,
      @Nullable AwsCredentialsProvider credentials,
      Duration connectTimeout,
      Duration requestTimeout) {
    Configuration config = configuration(endpoint, region, credentials, connectTimeout, requestTimeout);
    try {
      return ClusterDaxClient.builder().overrideConfiguration(config).build();
    } catch (Exception e) {
      throw DaxUnavailableException.of("Could not create the DAX client for " + endpoint + ": " + e.getMessage(), e);
    }
  }

  static DynamoDbAsyncClient createAsync(
      String endpoint,
      @Nullable Region region,
      @Nullable AwsCredentialsProvider credentials,
      Duration connectTimeout,
      Duration requestTimeout) {
    Configuration config = configuration(endpoint, region, credentials, connectTimeout, requestTimeout);
    try {
      return ClusterDaxAsyncClient.builder().overrideConfiguration(config).build();
    } catch (Exception e) {
      throw DaxUnavailableException.of("Could not create the DAX client for " + endpoint + ": " + e.getMessage(), e);
    }
  }

  private static Configuration configuration(
      String endpoint,
      @Nullable Region region,
      @Nullable AwsCredentialsProvider credentials,
      Duration connectTimeout,
      Duration requestTimeout) {
    int connectMillis = toMillis(connectTimeout);
    Configuration.Builder config = Configuration.builder()
        .url(endpoint)
        .connectTimeoutMillis(connectMillis)
        .endpointRefreshTimeoutMillis(connectMillis)
        .requestTimeoutMillis(toMillis(requestTimeout))
        .writeRetries(WRITE_RETRIES)
        .readRetries(READ_RETRIES);
    if (region != null) {
      config.region(region);
    }
    if (credentials != null) {
      config.credentialsProvider(credentials);
    }
    return config.build();
  }

  private static int toMillis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
  }
}
