package dev.ddbkit.dax;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/** Routing invariants over random sequences of DAX behaviour, with in-memory stand-ins on both sides. */
class DaxRoutingPropertiesTest {

  enum Behaviour { OK, REFUSE, TIMEOUT_AFTER_APPLYING, CONDITION_FAILS }

  record Step(boolean write, Behaviour dax, int secondsLater) {}

  /** Which behaviour the DAX stand-in shows next; applies writes to a counter. */
  static final class FakeDax implements DynamoDbClient {
    Behaviour next = Behaviour.OK;
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger applied = new AtomicInteger();

    private void behave(boolean isWrite) {
      calls.incrementAndGet();
      switch (next) {
        case REFUSE:
          throw SdkClientException.builder().message("refused").cause(new ConnectException("refused")).build();
        case TIMEOUT_AFTER_APPLYING:
          if (isWrite) {
            applied.incrementAndGet();
          }
          throw ApiCallTimeoutException.create(10);
        case CONDITION_FAILS:
          throw ConditionalCheckFailedException.builder().message("condition").build();
        default:
          if (isWrite) {
            applied.incrementAndGet();
          }
      }
    }

    @Override
    public GetItemResponse getItem(GetItemRequest r) {
      behave(false);
      return GetItemResponse.builder().item(Map.of("pk", AttributeValue.fromS("dax"))).build();
    }

    @Override
    public PutItemResponse putItem(PutItemRequest r) {
      behave(true);
      return PutItemResponse.builder().build();
    }

    @Override
    public String serviceName() {
      return "fake-dax";
    }

    @Override
    public void close() {}
  }

  static final class FakeDynamoDb implements DynamoDbClient {
    final AtomicInteger applied = new AtomicInteger();

    @Override
    public GetItemResponse getItem(GetItemRequest r) {
      return GetItemResponse.builder().item(Map.of("pk", AttributeValue.fromS("ddb"))).build();
    }

    @Override
    public PutItemResponse putItem(PutItemRequest r) {
      applied.incrementAndGet();
      return PutItemResponse.builder().build();
    }

    @Override
    public String serviceName() {
      return "fake-ddb";
    }

    @Override
    public void close() {}
  }

  static final class SteppingClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(
        Arbitraries.of(true, false), Arbitraries.of(Behaviour.class), Arbitraries.integers().between(0, 20))
        .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(60);
  }

  @Property(tries = 200)
  void everyRequest_isAnsweredOrFailsOnlyWithItsOwnErrorOrAnUnknownWriteOutcome(@ForAll("steps") List<Step> steps) {
    FakeDax dax = new FakeDax();
    FakeDynamoDb ddb = new FakeDynamoDb();
    SteppingClock clock = new SteppingClock();
    int writesAnswered = 0;
    int conditionFailures = 0;
    try (DaxAwareClient client = DaxAwareClient.builder().dynamoDb(ddb).daxClient(dax)
        .probeTimeout(Duration.ofSeconds(5))
        .circuitBreaker(b -> b.slidingWindowSize(4).minimumCalls(2).coolDown(Duration.ofSeconds(30)).clock(clock))
        .build()) {
      for (Step s : steps) {
        clock.now = clock.now.plusSeconds(s.secondsLater());
        dax.next = s.dax();
        try {
          if (s.write()) {
            client.putItem(PutItemRequest.builder().tableName("t").build());
            writesAnswered++;
          } else {
            assertThat(client.getItem(GetItemRequest.builder().tableName("t").build()).item()).isNotEmpty();
          }
        } catch (ConditionalCheckFailedException e) {
          conditionFailures++;
        } catch (ApiCallTimeoutException e) {
          assertThat(s.write()).as("only a write may surface a DAX timeout").isTrue();
        }
      }
      DaxCounts counts = client.health().counts();
      assertThat(counts.daxAttempts()).isEqualTo(dax.calls.get());
      assertThat(counts.daxFailures() + counts.daxAnswers()).isEqualTo(counts.daxAttempts());
      assertThat(counts.writesNotResent()).as("each unknown-outcome write was applied once, by DAX")
          .isLessThanOrEqualTo(dax.applied.get());
      assertThat(dax.applied.get() + ddb.applied.get())
          .as("every write applied exactly once unless its condition failed")
          .isEqualTo(writesAnswered + (int) counts.writesNotResent());
      assertThat(conditionFailures).isLessThanOrEqualTo((int) counts.daxAnswers());
    }
  }
}
