package dev.ddbkit.cli.internal;

import dev.ddbkit.core.ClientSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** {@code --endpoint URL} and {@code --region R}, shared by every command. */
public final class ConnectionOptions {
  /** The region used with an endpoint override when none is given; the emulator and DynamoDB Local accept any. */
  static final Region LOCAL_DEFAULT_REGION = Region.US_EAST_1;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "DynamoDB endpoint, such as http://localhost:8000 (java -jar ddbkit-emulator.jar --port 8000). Default: the region's endpoint.")
  @Nullable String endpoint;

  @Option(names = "--region", paramLabel = "REGION",
      description = "AWS region, such as eu-west-1. Default: AWS_REGION / the profile; us-east-1 with --endpoint.")
  @Nullable String region;

  /** Whether an endpoint or region was given, so that a real DynamoDB is addressed. */
  public boolean targetsExistingDynamoDb() {
    return endpoint != null || region != null;
  }

  /** The parsed endpoint, validated. */
  public Optional<URI> endpoint() {
    if (endpoint == null) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = URI.create(endpoint.trim());
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage("--endpoint must be a URL such as http://localhost:8000 but was '" + endpoint + "'.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw CliFailure.usage("--endpoint must be an http or https URL such as http://localhost:8000 but was '"
          + endpoint + "'.");
    }
    return Optional.of(uri);
  }

  /** The parsed region, validated; empty means the SDK's default region chain. */
  public Optional<Region> region() {
    if (region == null) {
      return endpoint == null ? Optional.empty() : Optional.of(LOCAL_DEFAULT_REGION);
    }
    String r = region.trim().toLowerCase(Locale.ROOT);
    if (!r.matches("[a-z]{2}(-[a-z]+)+-\\d+") && !r.equals("local")) {
      throw CliFailure.usage("--region must be an AWS region such as eu-west-1 but was '" + region + "'.");
    }
    return Optional.of(Region.of(r));
  }

  /** Where requests go, for messages: the endpoint URL, or "DynamoDB in REGION". */
  public String describeTarget() {
    Optional<URI> e = endpoint();
    if (e.isPresent()) {
      return e.get().toString();
    }
    return region().map(r -> "DynamoDB in " + r.id()).orElse("DynamoDB (default region)");
  }

  /**
   * Client settings for the target: short connect timeouts so that an unreachable endpoint is reported in
   * seconds; credentials from the default chain, falling back for a loopback endpoint to the access key
   * {@code ddbkit} that the test kit uses too (DynamoDB Local without {@code -sharedDb} keeps one database per
   * access key and region, so both see the same tables).
   */
  public ClientSettings.Builder settings() {
    ClientSettings.Builder b = ClientSettings.builder()
        .connectionTimeout(Duration.ofSeconds(2))
        .apiCallAttemptTimeout(Duration.ofSeconds(5))
        .apiCallTimeout(Duration.ofSeconds(20));
    region().ifPresent(b::region);
    Optional<URI> e = endpoint();
    e.ifPresent(b::endpointOverride);
    if (e.isPresent() && isLoopback(e.get().getHost())) {
      b.credentialsProvider(AwsCredentialsProviderChain.builder()
          .reuseLastProviderEnabled(true)
          .credentialsProviders(DefaultCredentialsProvider.builder().build(),
              StaticCredentialsProvider.create(AwsBasicCredentials.create("ddbkit", "ddbkit")))
          .build());
    }
    return b;
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
  }
}
