package dev.ddbkit.integration.testkit;

import dev.ddbkit.testkit.DynamoDbLocal;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import org.junit.jupiter.api.RepeatedTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DynamoDbLocalTest
class FirstTableIsolationIT {

  @RepeatedTest(2)
  void sameSeedTableAndKey_inEachTest_seesOnlyItsOwnItem(DynamoDbLocal local, DynamoDbClient client, TestTables tables) {
    TableIsolation.writeAndReadBack(local, client, tables, "first-" + tables.suffix());
  }
}
