package dev.ddbkit.integration.orders;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A real client that counts the requests sent through it, to prove bad input never reaches DynamoDB. */
final class CountingDynamoDb {
  private final AtomicInteger requests = new AtomicInteger();
  private final DynamoDbClient client;

  CountingDynamoDb(DynamoDbClient delegate) {
    this.client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (!method.getName().equals("close") && !method.getName().equals("serviceName")
              && method.getDeclaringClass() != Object.class) {
            requests.incrementAndGet();
          }
          try {
            return method.invoke(delegate, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  DynamoDbClient client() {
    return client;
  }

  int requests() {
    return requests.get();
  }
}
