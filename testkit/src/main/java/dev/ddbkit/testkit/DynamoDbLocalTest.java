package dev.ddbkit.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against DynamoDB ({@link DynamoDbLocalExtension}): one server per JVM shared by
 * every class, clients and per-test {@link TestTables} injected as parameters.
 *
 * <pre>{@code
 * @DynamoDbLocalTest
 * class OrdersIT {
 *   @Test
 *   void create_thenGet_returnsOrder(DynamoDbClient client, TestTables tables) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DynamoDbLocalExtension.class)
public @interface DynamoDbLocalTest {}
