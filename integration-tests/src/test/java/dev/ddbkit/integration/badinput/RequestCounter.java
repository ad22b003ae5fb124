package dev.ddbkit.integration.badinput;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records the operation of every request a client starts, to prove bad input never reaches DynamoDB. */
final class RequestCounter implements ExecutionInterceptor {
  private final List<String> operations = new CopyOnWriteArrayList<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    operations.add(String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)));
  }

  void reset() {
    operations.clear();
  }

  List<String> operations() {
    return List.copyOf(operations);
  }
}
