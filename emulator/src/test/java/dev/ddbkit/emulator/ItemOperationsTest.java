package dev.ddbkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

class ItemOperationsTest extends EmulatorTestSupport {

  @Test
  void putThenGet_returnsTheItem_withNumbersNormalised() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "price", n("19.90"), "tags",
        AttributeValue.fromSs(java.util.List.of("x", "y")), "bin", AttributeValue.fromB(SdkBytes.fromUtf8String("hi")))));

    GetItemResponse got = ddb.getItem(b -> b.tableName(t).key(item("pk", "a")).consistentRead(true));

    assertThat(got.item().get("price").n()).isEqualTo("19.9");
    assertThat(got.item().get("tags").ss()).containsExactly("x", "y");
    assertThat(got.item().get("bin").b().asUtf8String()).isEqualTo("hi");
  }

  @Test
  void getItem_onMissingItem_hasNoItem_andOnMissingTable_isResourceNotFound() {
    String t = table(null);
    assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "none"))).hasItem()).isFalse();
    assertThatThrownBy(() -> ddb.getItem(b -> b.tableName("missing_table").key(item("pk", "a"))))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("Requested resource not found");
  }

  @Test
  void getItem_withProjection_returnsOnlyTheNamedPaths() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "x", "1", "y", "2")));
    Map<String, AttributeValue> got = ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))
        .projectionExpression("#x").expressionAttributeNames(Map.of("#x", "x"))).item();
    assertThat(got).containsOnlyKeys("x");
  }

  @Test
  void keyValidation_usesDynamoDbMessages() {
    String t = table(ScalarAttributeType.N);
    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "text"))))
        .hasMessageContaining("One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S");
    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a"))))
        .hasMessageContaining("Missing the key sk in the item");
    assertThatThrownBy(() -> ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))))
        .hasMessageContaining("The provided key element does not match the schema");
    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "", "sk", 1))))
        .hasMessageContaining("cannot contain an empty string value");
    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "x".repeat(2049), "sk", 1))))
        .hasMessageContaining("Size of hashkey has exceeded the maximum size limit");
  }

  @Test
  void oversizedItem_andBadSets_areRejected() {
    String t = table(null);
    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "big", "x".repeat(400 * 1024)))))
        .hasMessageContaining("Item size has exceeded the maximum allowed size");
    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "set",
        AttributeValue.fromSs(java.util.List.of("x", "x"))))))
        .hasMessageContaining("contains duplicates");
    assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).hasItem()).isFalse();
  }

  @Test
  void conditionalPut_failsWithTheOldItemWhenAsked() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)));

    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 2))
        .conditionExpression("attribute_not_exists(pk)")
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
        .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
          assertThat(e.getMessage()).contains("The conditional request failed");
          assertThat(e.item()).containsEntry("v", n("1"));
        });
    assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).item()).containsEntry("v", n("1"));
  }

  @Test
  void updateItem_returnsEachReturnValuesMode() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "n", 1, "x1", "o")));
    UpdateItemResponse updatedNew = ddb.updateItem(b -> b.tableName(t).key(item("pk", "a"))
        .updateExpression("SET n = n + :one").expressionAttributeValues(Map.of(":one", n("1")))
        .returnValues(ReturnValue.UPDATED_NEW));
    assertThat(updatedNew.attributes()).isEqualTo(item("n", 2));

    UpdateItemResponse updatedOld = ddb.updateItem(b -> b.tableName(t).key(item("pk", "a"))
        .updateExpression("SET n = n + :one").expressionAttributeValues(Map.of(":one", n("1")))
        .returnValues(ReturnValue.UPDATED_OLD));
    assertThat(updatedOld.attributes()).isEqualTo(item("n", 2));

    UpdateItemResponse allOld = ddb.updateItem(b -> b.tableName(t).key(item("pk", "a"))
        .updateExpression("REMOVE x1").returnValues(ReturnValue.ALL_OLD));
    assertThat(allOld.attributes()).isEqualTo(item("pk", "a", "n", 3, "x1", "o"));

    UpdateItemResponse allNew = ddb.updateItem(b -> b.tableName(t).key(item("pk", "a"))
        .updateExpression("SET m = :m").expressionAttributeValues(Map.of(":m", s("x")))
        .returnValues(ReturnValue.ALL_NEW));
    assertThat(allNew.attributes()).isEqualTo(item("pk", "a", "n", 3, "m", "x"));
  }

  @Test
  void updateItem_createsMissingItems_andRefusesKeyUpdates() {
    String t = table(null);
    ddb.updateItem(b -> b.tableName(t).key(item("pk", "new"))
        .updateExpression("ADD c :one").expressionAttributeValues(Map.of(":one", n("1"))));
    assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "new"))).item()).isEqualTo(item("pk", "new", "c", 1));
    assertThatThrownBy(() -> ddb.updateItem(b -> b.tableName(t).key(item("pk", "new"))
        .updateExpression("SET pk = :v").expressionAttributeValues(Map.of(":v", s("x")))))
        .hasMessageContaining("Cannot update attribute pk. This attribute is part of the key");
  }

  @Test
  void deleteItem_withCondition_andAllOld() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)));
    assertThatThrownBy(() -> ddb.deleteItem(b -> b.tableName(t).key(item("pk", "a"))
        .conditionExpression("v = :two").expressionAttributeValues(Map.of(":two", n("2")))))
        .isInstanceOf(ConditionalCheckFailedException.class);
    Map<String, AttributeValue> old = ddb.deleteItem(b -> b.tableName(t).key(item("pk", "a"))
        .returnValues(ReturnValue.ALL_OLD)).attributes();
    assertThat(old).isEqualTo(item("pk", "a", "v", 1));
    assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).hasItem()).isFalse();
  }

  @Test
  void unusedExpressionValues_andLegacyParameters_areRejected() {
    String t = table(null);
    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a"))
        .conditionExpression("attribute_not_exists(pk)").expressionAttributeValues(Map.of(":x", n("1")))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("unused");
    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a"))
        .expected(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue.builder().exists(false).build()))))
        .hasMessageContaining("Expected");
  }

  @Test
  void consumedCapacity_followsDynamoDbsArithmetic() {
    String t = table(null);
    ConsumedCapacity put = ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "data", "x".repeat(1500)))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    assertThat(put.capacityUnits()).isEqualTo(2.0);
    ConsumedCapacity eventually = ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    assertThat(eventually.capacityUnits()).isEqualTo(0.5);
    ConsumedCapacity strongly = ddb.getItem(b -> b.tableName(t).key(item("pk", "a")).consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    assertThat(strongly.capacityUnits()).isEqualTo(1.0);
    assertThat(strongly.tableName()).isEqualTo(t);
  }
}
