package dev.ddbkit.integration.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.keyEqualTo;

import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.core.typed.BatchGetResult;
import dev.ddbkit.core.typed.BatchWriteResult;
import dev.ddbkit.core.typed.CursorRejectedException;
import dev.ddbkit.core.typed.DdbkitTable;
import dev.ddbkit.core.typed.ItemAlreadyExistsException;
import dev.ddbkit.core.typed.QueryResult;
import dev.ddbkit.core.typed.ResultPage;
import dev.ddbkit.core.typed.ShardKeyStrategy;
import dev.ddbkit.core.typed.ShardedTable;
import dev.ddbkit.core.typed.TransitionResult;
import dev.ddbkit.core.typed.VersionConflictException;
import dev.ddbkit.testkit.DynamoDbLocalTest;
import dev.ddbkit.testkit.TestTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The typed layer on a user's own {@link Customer} entity, against the embedded backend over HTTP. */
@DynamoDbLocalTest
class TypedTablesIT {

  @Test
  void definition_derivedFromTheSchema_createsKeysGlobalAndLocalIndexesAndTtl(TestTables testTables,
      DynamoDbClient client) {
    DdbkitTable<Customer> customers = TypedFixture.customers(testTables, client);

    TableDescription live = client.describeTable(d -> d.tableName(customers.name())).table();

    assertThat(live.keySchema()).extracting(k -> k.attributeName()).containsExactly("tenant", "customerId");
    assertThat(live.globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactlyInAnyOrder("by_email", "by_tier");
    assertThat(live.globalSecondaryIndexes()).filteredOn(i -> i.indexName().equals("by_tier"))
        .extracting(i -> i.projection().projectionType()).containsExactly(ProjectionType.KEYS_ONLY);
    assertThat(live.globalSecondaryIndexes()).allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE);
    assertThat(live.localSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("by_signup");
    assertThat(client.describeTimeToLive(t -> t.tableName(customers.name())).timeToLiveDescription())
        .satisfies(t -> {
          assertThat(t.attributeName()).isEqualTo("expiresAt");
          assertThat(t.timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
        });
  }

  @Test
  void createGetUpdate_withAStaleVersion_isATypedVersionConflict_andTheStoredItemIsKept(TestTables testTables,
      DynamoDbClient client) {
    DdbkitTable<Customer> customers = TypedFixture.customers(testTables, client);
    customers.create(Customer.of("acme", "c-1", "Ada", "TRIAL", "2026-01-02"));
    Key key = Key.builder().partitionValue("acme").sortValue("c-1").build();

    Customer first = customers.get(key, true).orElseThrow();
    Customer second = customers.get(key, true).orElseThrow();
    first.setName("Ada Lovelace");
    Customer updated = customers.update(first);
    second.setName("Stale writer");

    assertThat(first.getVersion()).isEqualTo(1L);
    assertThat(updated.getVersion()).isEqualTo(2L);
    assertThatThrownBy(() -> customers.update(second)).isInstanceOf(VersionConflictException.class)
        .satisfies(e -> assertThat(((VersionConflictException) e).versionAttribute()).isEqualTo("version"));
    assertThatThrownBy(() -> customers.put(second)).isInstanceOf(VersionConflictException.class);
    Customer stored = customers.get(key, true).orElseThrow();
    assertThat(stored.getName()).isEqualTo("Ada Lovelace");
    assertThat(stored.getVersion()).isEqualTo(2L);
    assertThat(customers.delete(key)).isPresent();
    assertThat(customers.get(key, true)).isEmpty();
  }

  @Test
  void create_overAnotherItemWithTheSameKey_isItemAlreadyExists(TestTables testTables, DynamoDbClient client) {
    DdbkitTable<Customer> customers = TypedFixture.customers(testTables, client);
    customers.create(Customer.of("acme", "c-1", "Ada", "TRIAL", "2026-01-02"));

    assertThatThrownBy(() -> customers.create(Customer.of("acme", "c-1", "Grace", "PAID", "2026-01-03")))
        .isInstanceOf(ItemAlreadyExistsException.class)
        .satisfies(e -> assertThat(((ItemAlreadyExistsException) e).oldItem()).isPresent());
    assertThat(customers.get(Key.builder().partitionValue("acme").sortValue("c-1").build(), true).orElseThrow()
        .getName()).isEqualTo("Ada");
  }

  @Test
  void transition_isAppliedOnce_thenAConflictWithTheCurrentItem_andNotFoundForAMissingKey(TestTables testTables,
      DynamoDbClient client) {
    DdbkitTable<Customer> customers = TypedFixture.customers(testTables, client);
    customers.create(Customer.of("acme", "c-1", "Ada", "TRIAL", "2026-01-02"));
    Key key = Key.builder().partitionValue("acme").sortValue("c-1").build();

    TransitionResult<Customer> applied = customers.transition(key, "tier", "TRIAL", "PAID");
    TransitionResult<Customer> again = customers.transition(key, "tier", "TRIAL", "PAID");
    TransitionResult<Customer> missing = customers.transition(
        Key.builder().partitionValue("acme").sortValue("nobody").build(), "tier", "TRIAL", "PAID");

    assertThat(applied.status()).isEqualTo(TransitionResult.Status.APPLIED);
    assertThat(applied.item().orElseThrow().getTier()).isEqualTo("PAID");
    assertThat(applied.item().orElseThrow().getVersion()).as("the version is bumped").isEqualTo(2L);
    assertThat(again.status()).isEqualTo(TransitionResult.Status.CONFLICT);
    assertThat(again.item().orElseThrow().getTier()).isEqualTo("PAID");
    assertThat(missing.status()).isEqualTo(TransitionResult.Status.NOT_FOUND);
    assertThat(client.scan(s -> s.tableName(customers.name())).count()).as("nothing created").isEqualTo(1);
    assertThatThrownBy(() -> customers.transition(key, "customerId", "c-1", "c-2"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void pages_haveExactSizes_withFilters_andEndWithoutAnEmptyPage(TestTables testTables, DynamoDbClient client) {
    DdbkitTable<Customer> customers = TypedFixture.customers(testTables, client);
    List<Customer> all = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      all.add(Customer.of("acme", String.format("c-%03d", i), "n" + i, i % 2 == 0 ? "PAID" : "TRIAL", "2026-01-01"));
    }
    all.add(Customer.of("other", "c-000", "x", "PAID", "2026-01-01"));
    assertThat(customers.putAll(all).allWritten()).isTrue();
    QueryResult<Customer> acme = customers.query(keyEqualTo(k -> k.partitionValue("acme")));

    List<Integer> sizes = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    ResultPage<Customer> page = acme.page(10);
    while (true) {
      sizes.add(page.items().size());
      page.items().forEach(c -> ids.add(c.getCustomerId()));
      if (page.nextCursor().isEmpty()) {
        break;
      }
      page = acme.page(10, page.nextCursor().get());
    }
    QueryResult<Customer> paid = customers.query(q -> q.queryConditional(keyEqualTo(k -> k.partitionValue("acme")))
        .filterExpression(Expression.builder().expression("tier = :t")
            .putExpressionValue(":t", AttributeValue.fromS("PAID")).build())
        .limit(5));

    assertThat(sizes).containsExactly(10, 10, 3);
    assertThat(ids).hasSize(23).doesNotHaveDuplicates().isSorted();
    assertThat(acme.items().count()).isEqualTo(23);
    assertThat(paid.stream().map(p -> p.items().size()).toList()).containsExactly(5, 5, 2);
    assertThat(paid.items()).allMatch(c -> c.getTier().equals("PAID")).hasSize(12);
  }

  @Test
  void cursors_thatAreAltered_foreign_orGarbage_areRejectedBeforeAnyCall(TestTables testTables,
      DynamoDbClient client) {
    DdbkitTable<Customer> customers = TypedFixture.customers(testTables, client);
    List<Customer> all = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      all.add(Customer.of("acme", "c-" + i, "n", "PAID", "2026-01-01"));
      all.add(Customer.of("globex", "c-" + i, "n", "PAID", "2026-01-01"));
    }
    customers.putAll(all);
    QueryResult<Customer> acme = customers.query(keyEqualTo(k -> k.partitionValue("acme")));
    QueryResult<Customer> globex = customers.query(keyEqualTo(k -> k.partitionValue("globex")));
    String cursor = acme.page(2).nextCursor().orElseThrow();
    char[] chars = cursor.toCharArray();
    int at = chars.length / 2;
    chars[at] = chars[at] == 'A' ? 'B' : 'A';
    String altered = new String(chars);
    QueryResult<Customer> otherKey = TypedFixture.tables(client).table(customers.name(), TypedFixture.SCHEMA)
        .query(keyEqualTo(k -> k.partitionValue("acme")));

    assertThat(acme.page(2, cursor).items()).hasSize(2);
    assertThatThrownBy(() -> acme.page(2, altered)).isInstanceOf(CursorRejectedException.class);
    assertThatThrownBy(() -> globex.page(2, cursor)).isInstanceOf(CursorRejectedException.class)
        .hasMessageContaining("another query");
    assertThatThrownBy(() -> customers.index("by_email").query(keyEqualTo(k -> k.partitionValue("x"))).page(2, cursor))
        .isInstanceOf(CursorRejectedException.class);
    assertThatThrownBy(() -> acme.page(2, "not a cursor!")).isInstanceOf(CursorRejectedException.class);
    assertThatThrownBy(() -> acme.page(2, "")).isInstanceOf(CursorRejectedException.class);
    assertThat(otherKey.page(2, cursor).items()).as("same key, same query: a cursor survives a restart").hasSize(2);
  }

  @Test
  void keysOnlyIndex_hydrated_returnsFullItemsInIndexOrder(TestTables testTables, DynamoDbClient client) {
    DdbkitTable<Customer> customers = TypedFixture.customers(testTables, client);
    List<Customer> all = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      all.add(Customer.of("t" + (i % 4), "c-" + i, "name-" + i, i % 3 == 0 ? "PAID" : "TRIAL",
          String.format("2026-02-%02d", 28 - i % 28)));
    }
    customers.putAll(all);

    List<Customer> keysOnly = customers.index("by_tier").query(keyEqualTo(k -> k.partitionValue("PAID"))).items()
        .toList();
    List<ResultPage<Customer>> pages = customers.hydratedIndex("by_tier")
        .query(q -> q.queryConditional(keyEqualTo(k -> k.partitionValue("PAID"))).limit(4)).stream().toList();
    List<Customer> hydrated = pages.stream().flatMap(p -> p.items().stream()).toList();

    assertThat(keysOnly).hasSize(10).allMatch(c -> c.getName() == null);
    assertThat(hydrated).extracting(Customer::getCustomerId)
        .containsExactlyElementsOf(keysOnly.stream().map(Customer::getCustomerId).toList());
    assertThat(hydrated).allMatch(c -> c.getName() != null && c.getName().equals("name-" + c.getCustomerId().substring(2)));
    assertThat(hydrated).isSortedAccordingTo(Comparator.comparing(Customer::getSignupDate));
    assertThat(pages).extracting(p -> p.items().size()).containsExactly(4, 4, 2);
  }

  @Test
  void batch_getAll_returnsItemsInKeyOrder_andReportsMissingKeys(TestTables testTables, DynamoDbClient client) {
    DdbkitTable<Customer> customers = TypedFixture.customers(testTables, client);
    List<Customer> all = new ArrayList<>();
    for (int i = 0; i < 230; i++) {
      all.add(Customer.of("acme", "c-" + i, "n" + i, "PAID", "2026-01-01"));
    }
    BatchWriteResult<Customer> written = customers.putAll(all);
    List<Key> keys = new ArrayList<>();
    for (int i = 229; i >= 0; i -= 2) {
      keys.add(Key.builder().partitionValue("acme").sortValue("c-" + i).build());
    }
    keys.add(Key.builder().partitionValue("acme").sortValue("missing").build());

    BatchGetResult<Customer> read = customers.getAll(keys, true);

    assertThat(written.written()).isEqualTo(230);
    assertThat(written.requests()).isEqualTo(10);
    assertThat(read.items()).extracting(Customer::getCustomerId)
        .containsExactlyElementsOf(keys.subList(0, keys.size() - 1).stream().map(k -> k.sortKeyValue().orElseThrow().s()).toList());
    assertThat(read.missing()).extracting(k -> k.sortKeyValue().orElseThrow().s()).containsExactly("missing");
    assertThat(read.complete()).isTrue();
  }

  @Test
  void sharded_writesSpreadOverPhysicalKeys_andReadsMergeEveryShardInSortOrder(TestTables testTables,
      DynamoDbClient client) {
    DdbkitTable<Customer> customers = TypedFixture.customers(testTables, client);
    ShardedTable<Customer> sharded = customers.sharded(ShardKeyStrategy.hashing(4, Customer::getCustomerId));
    List<Customer> all = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      all.add(Customer.of("big", String.format("c-%03d", i), "n" + i, "PAID", "2026-01-01"));
    }
    all.add(Customer.of("small", "c-000", "s", "PAID", "2026-01-01"));

    BatchWriteResult<Customer> written = sharded.putAll(all);
    List<Customer> big = sharded.query("big");

    assertThat(written.allWritten()).isTrue();
    Set<String> physical = client.scan(s -> s.tableName(customers.name())).items().stream()
        .map(i -> i.get("tenant").s()).collect(Collectors.toCollection(HashSet::new));
    assertThat(physical).contains("big#0", "big#1", "big#2", "big#3").doesNotContain("big");
    assertThat(big).hasSize(60).extracting(Customer::getCustomerId).isSorted().doesNotHaveDuplicates();
    assertThat(sharded.query("small")).hasSize(1);
    assertThat(sharded.query("nobody")).isEmpty();
  }
}
