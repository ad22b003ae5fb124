/**
 * ddbkit's test kit: {@link dev.ddbkit.testkit.DynamoDbLocal} (ddbkit's embedded DynamoDB emulator, DynamoDB Local
 * through Testcontainers or an external endpoint, reached over HTTP by the real SDK), the JUnit 5 extension
 * {@link dev.ddbkit.testkit.DynamoDbLocalTest} with per-test {@link dev.ddbkit.testkit.TestTables}, and
 * fault injection in {@code dev.ddbkit.testkit.fault}.
 */
@NullMarked
package dev.ddbkit.testkit;

import org.jspecify.annotations.NullMarked;
