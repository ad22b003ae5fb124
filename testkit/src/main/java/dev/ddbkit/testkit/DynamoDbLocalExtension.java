package dev.ddbkit.testkit;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * JUnit 5 extension behind {@link DynamoDbLocalTest}. Starts the configured backend once per JVM (kept in
 * the root store and stopped when the test run ends) and resolves parameters of type {@link DynamoDbLocal},
 * {@link DynamoDbClient}, {@link DynamoDbAsyncClient}, {@link DynamoDbEnhancedClient},
 * {@link DynamoDbEnhancedAsyncClient}, {@link DdbkitClients}, {@link ClientSettings} and {@link TestTables}.
 * A backend that cannot run here (Testcontainers without Docker) skips the tests with the reason.
 */
public final class DynamoDbLocalExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DynamoDbLocalExtension.class);
  private static final Set<Class<?>> SUPPORTED = Set.of(DynamoDbLocal.class, DynamoDbClient.class,
      DynamoDbAsyncClient.class, DynamoDbEnhancedClient.class, DynamoDbEnhancedAsyncClient.class,
      DdbkitClients.class, ClientSettings.class, TestTables.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    server(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return SUPPORTED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    DynamoDbLocal local = server(context);
    if (type == DynamoDbLocal.class) {
      return local;
    }
    if (type == ClientSettings.class) {
      return local.clientSettings();
    }
    if (type == TestTables.class) {
      // scoped to the context that asks: a test method, or the class when injected into @BeforeAll. Keyed by
      // the context's id because a store lookup falls back to parent stores: a plain key would hand every
      // test method the class's instance once @BeforeAll created one.
      return context.getStore(NAMESPACE).getOrComputeIfAbsent("tables:" + context.getUniqueId(),
          k -> new TestTables(local.clients().sync()), TestTables.class);
    }
    DdbkitClients clients = local.clients();
    if (type == DdbkitClients.class) {
      return clients;
    }
    if (type == DynamoDbClient.class) {
      return clients.sync();
    }
    if (type == DynamoDbAsyncClient.class) {
      return clients.async();
    }
    if (type == DynamoDbEnhancedClient.class) {
      return clients.enhanced();
    }
    if (type == DynamoDbEnhancedAsyncClient.class) {
      return clients.enhancedAsync();
    }
    throw new ParameterResolutionException("Unsupported parameter type " + type.getName());
  }

  private static DynamoDbLocal server(ExtensionContext context) {
    Backend backend = DynamoDbLocal.configuredBackend();
    ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
    Object value = root.getOrComputeIfAbsent("server-" + backend, k -> startOrExplain(backend));
    if (value instanceof BackendUnavailableException unavailable) {
      throw new TestAbortedException(unavailable.getMessage(), unavailable);
    }
    return (DynamoDbLocal) value;
  }

  private static Object startOrExplain(Backend backend) {
    try {
      return DynamoDbLocal.start(backend);
    } catch (BackendUnavailableException e) {
      return e;
    }
  }
}
