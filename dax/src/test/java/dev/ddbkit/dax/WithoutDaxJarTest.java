package dev.ddbkit.dax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Loads the dax module in a class loader that cannot see {@code amazon-dax-client}, as a user without the
 * optional dependency would, and checks that a configured endpoint then means "DynamoDB only", reported as degraded.
 */
class WithoutDaxJarTest {

  private static URLClassLoader loaderWithoutDax() throws MalformedURLException {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.contains("amazon-dax-client")) {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  @Test
  void endpointConfigured_withoutTheDaxJar_isDisabledAndServesFromDynamoDb() throws Exception {
    try (URLClassLoader loader = loaderWithoutDax()) {
      assertThat(loader.getResource("software/amazon/dax/ClusterDaxClient.class")).isNull();
      Class<?> ddbInterface = loader.loadClass("software.amazon.awssdk.services.dynamodb.DynamoDbClient");
      Class<?> getItemRequest = loader.loadClass("software.amazon.awssdk.services.dynamodb.model.GetItemRequest");
      Class<?> getItemResponse = loader.loadClass("software.amazon.awssdk.services.dynamodb.model.GetItemResponse");
      AtomicInteger dynamoDbCalls = new AtomicInteger();
      Object responseBuilder = getItemResponse.getMethod("builder").invoke(null);
      Method buildResponse = responseBuilder.getClass().getMethod("build");
      buildResponse.setAccessible(true);
      Object response = buildResponse.invoke(responseBuilder);
      Object dynamoDb = Proxy.newProxyInstance(loader, new Class<?>[] {ddbInterface}, (proxy, method, args) -> {
        switch (method.getName()) {
          case "getItem":
            dynamoDbCalls.incrementAndGet();
            return response;
          case "serviceName":
            return "dynamodb";
          case "serviceClientConfiguration":
            throw new UnsupportedOperationException();
          default:
            return null;
        }
      });

      Class<?> clientClass = loader.loadClass("dev.ddbkit.dax.DaxAwareClient");
      Object builder = clientClass.getMethod("builder").invoke(null);
      Class<?> builderClass = builder.getClass();
      builderClass.getMethod("dynamoDb", ddbInterface).invoke(builder, dynamoDb);
      builderClass.getMethod("daxEndpoint", String.class).invoke(builder, "dax://127.0.0.1:1");
      Object client = builderClass.getMethod("build").invoke(builder);
      Object requestBuilder = getItemRequest.getMethod("builder").invoke(null);
      Method buildRequest = requestBuilder.getClass().getMethod("build");
      buildRequest.setAccessible(true);
      Object request = buildRequest.invoke(requestBuilder);
      clientClass.getMethod("getItem", getItemRequest).invoke(client, request);
      Object state = clientClass.getMethod("state").invoke(client);
      Object health = clientClass.getMethod("health").invoke(client);
      Object reason = health.getClass().getMethod("disabledReason").invoke(health);
      Object degraded = health.getClass().getMethod("degraded").invoke(health);

      assertThat(state).hasToString("DISABLED");
      assertThat(reason.toString()).contains("not on the classpath");
      assertThat(dynamoDbCalls).hasValue(1);
      // configured but unusable: a health check keyed on degraded() must not stay green
      assertThat(degraded).isEqualTo(Boolean.TRUE);
    }
  }
}
