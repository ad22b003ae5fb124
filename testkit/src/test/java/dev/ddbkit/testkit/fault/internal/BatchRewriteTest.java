package dev.ddbkit.testkit.fault.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchRewriteTest {

  private static final String WRITE = "{\"RequestItems\":{"
      + "\"a\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"1\"}}}},{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"2\"}}}}],"
      + "\"b\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"3\"}}}}]},\"ReturnConsumedCapacity\":\"TOTAL\"}";

  @Test
  void write_heldBackItems_areLeftOutOfTheForwardedBodyAndMergedAsUnprocessed() {
    BatchRewrite batch = BatchRewrite.of(DdbRequest.of("DynamoDB_20120810.BatchWriteItem", bytes(WRITE))).orElseThrow();
    List<BatchRewrite.Entry> entries = batch.remaining();
    assertThat(entries).hasSize(3);
    assertThat(entries.get(0).isPut()).isTrue();
    assertThat(entries.get(1).itemOrKey()).containsKey("pk");
    batch.holdBack(entries.get(1));
    batch.holdBack(entries.get(2));

    assertThat(new String(batch.forwardBody(), StandardCharsets.UTF_8)).isEqualTo("{\"RequestItems\":{"
        + "\"a\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"1\"}}}}]},\"ReturnConsumedCapacity\":\"TOTAL\"}");
    String merged = batch.mergeInto("{\"UnprocessedItems\":{\"a\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"9\"}}}}]}}");
    Map<String, Object> unprocessed = Json.object(Json.parseObject(merged), "UnprocessedItems");
    assertThat(Json.array(unprocessed, "a")).hasSize(2);
    assertThat(Json.array(unprocessed, "b")).hasSize(1);
    assertThat(batch.heldBack()).isEqualTo(2);
    assertThat(batch.anyRemaining()).isTrue();
  }

  @Test
  void get_allKeysHeldBack_givesAStandaloneResponseKeepingProjection() {
    String get = "{\"RequestItems\":{\"a\":{\"Keys\":[{\"pk\":{\"S\":\"1\"}}],\"ConsistentRead\":true,"
        + "\"ProjectionExpression\":\"pk\"}}}";
    BatchRewrite batch = BatchRewrite.of(DdbRequest.of("DynamoDB_20120810.BatchGetItem", bytes(get))).orElseThrow();
    assertThat(batch.consistentRead("a")).isTrue();
    batch.remaining().forEach(batch::holdBack);
    assertThat(batch.anyRemaining()).isFalse();
    assertThat(batch.standaloneResponse()).isEqualTo("{\"Responses\":{},\"UnprocessedKeys\":{\"a\":{\"Keys\":"
        + "[{\"pk\":{\"S\":\"1\"}}],\"ConsistentRead\":true,\"ProjectionExpression\":\"pk\"}}}");
  }

  @Test
  void otherOperations_haveNoRewrite() {
    assertThat(BatchRewrite.of(DdbRequest.of("DynamoDB_20120810.PutItem", bytes("{}")))).isEmpty();
  }

  @Test
  void request_tablesAreFoundInEveryShape() {
    assertThat(DdbRequest.of("DynamoDB_20120810.BatchWriteItem", bytes(WRITE)).tables()).containsExactly("a", "b");
    DdbRequest tx = DdbRequest.of("DynamoDB_20120810.TransactWriteItems", bytes("{\"TransactItems\":["
        + "{\"Put\":{\"TableName\":\"x\",\"Item\":{}}},{\"ConditionCheck\":{\"TableName\":\"y\",\"Key\":{}}}]}"));
    assertThat(tx.operation()).isEqualTo("TransactWriteItems");
    assertThat(tx.transactItemTables()).containsExactly("x", "y");
    assertThat(DdbRequest.of(null, bytes("not json")).operation()).isEqualTo(DdbRequest.UNKNOWN_OPERATION);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
