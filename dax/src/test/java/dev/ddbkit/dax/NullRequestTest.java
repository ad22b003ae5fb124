package dev.ddbkit.dax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ddbkit.core.error.InvalidInputException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/** Every routed method rejects a null request: the sync client throws, the async one fails its future. */
class NullRequestTest {

  /** Never called: a null request must be rejected before any client is used. */
  private static final DynamoDbClient UNUSED = new DynamoDbClient() {
    @Override
    public String serviceName() {
      return "unused";
    }

    @Override
    public void close() {}
  };

  private static final DynamoDbAsyncClient UNUSED_ASYNC = new DynamoDbAsyncClient() {
    @Override
    public String serviceName() {
      return "unused";
    }

    @Override
    public void close() {}
  };

  @Test
  void syncClient_nullRequest_isRejectedByEveryRoutedMethod() throws Exception {
    try (DaxAwareClient client = DaxAwareClient.builder().dynamoDb(UNUSED)
        .daxEndpointFrom(Map.<String, String>of()::get).build()) {
      List<Method> routed = routed(DaxAwareClient.class);
      assertThat(routed).hasSize(11);
      for (Method m : routed) {
        Throwable thrown = catchThrowable(() -> invoke(m, client));
        assertThat(thrown).as(m.getName()).isExactlyInstanceOf(InvalidInputException.class)
            .hasMessage("request must not be null.");
        assertThat(((InvalidInputException) thrown).argument()).isEqualTo("request");
      }
    }
  }

  @Test
  void asyncClient_nullRequest_failsTheFutureOfEveryRoutedMethod() throws Throwable {
    try (DaxAwareAsyncClient client = DaxAwareAsyncClient.builder().dynamoDb(UNUSED_ASYNC)
        .daxEndpointFrom(Map.<String, String>of()::get).build()) {
      List<Method> routed = routed(DaxAwareAsyncClient.class);
      assertThat(routed).hasSize(11);
      for (Method m : routed) {
        CompletableFuture<?> future = (CompletableFuture<?>) invoke(m, client);
        assertThat(future).as(m.getName()).isCompletedExceptionally();
        Throwable thrown = catchThrowable(future::join);
        assertThat(thrown).isInstanceOf(CompletionException.class);
        assertThat(thrown.getCause()).as(m.getName()).isExactlyInstanceOf(InvalidInputException.class)
            .hasMessage("request must not be null.");
      }
    }
  }

  private static List<Method> routed(Class<?> type) {
    List<Method> routed = new ArrayList<>();
    for (Method m : type.getDeclaredMethods()) {
      // bridges: javac re-declares the package-private forwarding superclass's public methods here
      if (Modifier.isPublic(m.getModifiers()) && !m.isBridge() && !m.isSynthetic() && m.getParameterCount() == 1
          && DynamoDbRequest.class.isAssignableFrom(m.getParameterTypes()[0])) {
        routed.add(m);
      }
    }
    return routed;
  }

  private static Object invoke(Method m, Object target) throws Throwable {
    try {
      return m.invoke(target, new Object[] {null});
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
