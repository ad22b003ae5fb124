package dev.ddbkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ddbkit.testkit.Backend;
import dev.ddbkit.testkit.DynamoDbLocal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Plumbing shared by the conformance tests: a plain AWS SDK client for the test kit's backend, tables with
 * unique names, value shorthands and error assertions. Nothing here calls ddbkit library code; the test kit
 * only says where the backend is.
 */
final class Conformance {
  /** DynamoDB Local's entry point; present on the classpath only while the embedded backend is DynamoDB Local. */
  static final String DYNAMODB_LOCAL_CLASS = "com.amazonaws.services.dynamodbv2.local.main.ServerRunner";

  /** System property that says whether the backend is DynamoDB Local, for an external endpoint that is. */
  static final String DYNAMODB_LOCAL_PROPERTY = "ddbkit.conformance.dynamodb-local";

  private static final Map<URI, DynamoDbClient> CLIENTS = new ConcurrentHashMap<>();

  private Conformance() {}

  /**
   * Whether the backend under test is DynamoDB Local: the Testcontainers backend always is, the embedded one is
   * while DynamoDB Local's classes are on the classpath; an external endpoint is taken to be DynamoDB or the
   * emulator unless the system property {@value #DYNAMODB_LOCAL_PROPERTY} says otherwise (it wins when set).
   */
  static boolean isDynamoDbLocal() {
    String declared = System.getProperty(DYNAMODB_LOCAL_PROPERTY);
    if (declared != null && !declared.isBlank()) {
      return Boolean.parseBoolean(declared.trim());
    }
    Backend backend = DynamoDbLocal.configuredBackend();
    if (backend == Backend.TESTCONTAINERS) {
      return true;
    }
    if (backend != Backend.EMBEDDED) {
      return false;
    }
    try {
      Class.forName(DYNAMODB_LOCAL_CLASS, false, Conformance.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /**
   * A plain SDK client for the backend (one per endpoint, kept for the JVM): the SDK's own retry policy and
   * HTTP client, only endpoint, region and credentials taken from the test kit.
   */
  static DynamoDbClient client(DynamoDbLocal local) {
    return CLIENTS.computeIfAbsent(local.endpoint(), endpoint -> {
      DynamoDbClientBuilder builder = DynamoDbClient.builder()
          .endpointOverride(endpoint)
          // a loaded 2-core machine answers slowly; a timed-out attempt would re-send non-idempotent calls
          .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(120))
              .apiCallAttemptTimeout(Duration.ofSeconds(60)));
      local.clientSettings().region().ifPresent(builder::region);
      local.clientSettings().credentialsProvider().ifPresent(builder::credentialsProvider);
      DynamoDbClient client = builder.build();
      Runtime.getRuntime().addShutdownHook(new Thread(client::close, "conformance-client-close"));
      return client;
    });
  }

  /** A table name unique to this run: {@code conformance-<base>-<random>}. */
  static String uniqueName(String base) {
    byte[] random = new byte[5];
    ThreadLocalRandom.current().nextBytes(random);
    return "conformance-" + base + "-" + HexFormat.of().formatHex(random);
  }

  /** Tables created by one test class, deleted together at its end. */
  static final class Tables implements AutoCloseable {
    private final DynamoDbClient client;
    private final List<String> created = new ArrayList<>();

    Tables(DynamoDbClient client) {
      this.client = client;
    }

    /** A table keyed by {@code pk} (S) and, when {@code sortKey} is true, {@code sk} (S); on-demand. */
    String create(String base, boolean sortKey) {
      return create(base, r -> {
        List<KeySchemaElement> keys = new ArrayList<>(List.of(hash("pk")));
        List<AttributeDefinition> attributes = new ArrayList<>(List.of(attribute("pk", ScalarAttributeType.S)));
        if (sortKey) {
          keys.add(range("sk"));
          attributes.add(attribute("sk", ScalarAttributeType.S));
        }
        r.keySchema(keys).attributeDefinitions(attributes);
      });
    }

    /** Creates a table (on-demand unless {@code spec} says otherwise) and waits until it is ACTIVE. */
    String create(String base, Consumer<CreateTableRequest.Builder> spec) {
      String name = uniqueName(base);
      CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
          .billingMode(BillingMode.PAY_PER_REQUEST);
      spec.accept(request);
      client.createTable(request.build());
      synchronized (this) {
        created.add(name);
      }
      awaitActive(client, name);
      return name;
    }

    @Override
    public synchronized void close() {
      for (String name : created) {
        try {
          client.deleteTable(r -> r.tableName(name));
        } catch (ResourceNotFoundException | ResourceInUseException e) {
          // deleted, or being deleted, by the test itself
        }
      }
      created.clear();
    }
  }

  /** Waits with the SDK's waiter until the table (and its indexes) can be used. */
  static TableDescription awaitActive(DynamoDbClient client, String name) {
    try (DynamoDbWaiter waiter = waiter(client)) {
      return waiter.waitUntilTableExists(r -> r.tableName(name)).matched().response()
          .orElseThrow(() -> new IllegalStateException("Table " + name + " did not become ACTIVE"))
          .table();
    }
  }

  /** Waits with the SDK's waiter until the table is gone. */
  static void awaitDeleted(DynamoDbClient client, String name) {
    try (DynamoDbWaiter waiter = waiter(client)) {
      waiter.waitUntilTableNotExists(r -> r.tableName(name));
    }
  }

  /** The SDK's DynamoDB waiter polling every half second for up to five minutes (its default waits 20 s a poll). */
  private static DynamoDbWaiter waiter(DynamoDbClient client) {
    return DynamoDbWaiter.builder().client(client).overrideConfiguration(c -> c.maxAttempts(600)
        .backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(500)))).build();
  }

  static KeySchemaElement hash(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
  }

  static KeySchemaElement range(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
  }

  static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static AttributeValue b(int... bytes) {
    byte[] value = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      value[i] = (byte) bytes[i];
    }
    return AttributeValue.fromB(SdkBytes.fromByteArray(value));
  }

  /** An item (or key) from alternating names and values, in order. */
  static Map<String, AttributeValue> item(Object... namesAndValues) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      item.put((String) namesAndValues[i], value instanceof AttributeValue v ? v
          : value instanceof Number number ? n(number.toString()) : s((String) value));
    }
    return item;
  }

  /** A string of {@code bytes} ASCII characters. */
  static String ascii(int bytes) {
    return "x".repeat(bytes);
  }

  static int utf8Length(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Asserts that {@code call} fails with DynamoDB's {@code ValidationException} (HTTP 400). */
  static DynamoDbException assertValidation(ThrowingCallable call) {
    return assertError(call, "ValidationException", 400);
  }

  /** Asserts that {@code call} fails with the given DynamoDB error code and HTTP status. */
  static DynamoDbException assertError(ThrowingCallable call, String errorCode, int status) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("expected %s", errorCode).isInstanceOf(DynamoDbException.class);
    DynamoDbException error = (DynamoDbException) thrown;
    assertThat(error.awsErrorDetails().errorCode()).as(error.getMessage()).isEqualTo(errorCode);
    assertThat(error.statusCode()).isEqualTo(status);
    return error;
  }
}
