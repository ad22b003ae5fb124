package dev.ddbkit.benchmarks.internal;

import dev.ddbkit.core.ClientSettings;
import dev.ddbkit.core.DdbkitClients;
import dev.ddbkit.emulator.DynamoDbEmulator;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The child JVM of {@link EmulatorBenchmark}: the emulator in this process, so that its first start is a first
 * start and its heap can be measured. Arguments: warm-up calls, measured calls, items for the heap measure.
 * Prints {@code key=value} lines after {@link #RESULT}.
 */
public final class EmulatorBenchMain {
  static final String RESULT = "ddbkit-emulator-bench ";
  static final int RESTARTS = 10;
  /** Items of exactly 100 bytes by DynamoDB's size rules: pk (2 + 15) and payload (7 + 76). */
  static final int ITEM_BYTES = 100;
  private static final String PAYLOAD = "p".repeat(76);
  private static final String TABLE = "emulator_bench";
  private static final int BATCH = 25;
  private static final int WRITERS = 4;

  private EmulatorBenchMain() {}

  /** Runs the three measures and prints their results. */
  public static void main(String[] args) throws Exception {
    int warmup = Integer.parseInt(args[0]);
    int measured = Integer.parseInt(args[1]);
    int heapItems = Integer.parseInt(args[2]);
    Map<String, Long> out = new LinkedHashMap<>();

    // 1. start-up: the first start in this JVM (classes loaded and initialised), then the median of 10 more
    long t0 = System.nanoTime();
    DynamoDbEmulator first = DynamoDbEmulator.start();
    out.put("firstStartNanos", System.nanoTime() - t0);
    first.close();
    long[] restarts = new long[RESTARTS];
    for (int i = 0; i < RESTARTS; i++) {
      long t = System.nanoTime();
      DynamoDbEmulator e = DynamoDbEmulator.start();
      restarts[i] = System.nanoTime() - t;
      e.close();
    }
    Arrays.sort(restarts);
    out.put("medianRestartNanos", restarts[(RESTARTS - 1) / 2]);

    // 2. sequential PutItem and GetItem, one thread, the sync (Apache) client
    try (DynamoDbEmulator emulator = DynamoDbEmulator.start();
        DynamoDbClient client = DdbkitClients.newSyncClient(settings(emulator))) {
      createTable(client);
      int next = 0;
      for (int i = 0; i < warmup; i++) {
        put(client, next++);
        get(client, i);
      }
      Samples puts = new Samples();
      DynamoDbEmulator.Stats before = emulator.stats();
      long start = System.nanoTime();
      for (int i = 0; i < measured; i++) {
        int k = next++;
        long t = System.nanoTime();
        put(client, k);
        puts.add(System.nanoTime() - t);
      }
      long putNanos = System.nanoTime() - start;
      DynamoDbEmulator.Stats putServer = settle(emulator).minus(before);
      Samples gets = new Samples();
      before = emulator.stats();
      start = System.nanoTime();
      for (int i = 0; i < measured; i++) {
        int k = (int) ((i * 2_654_435_761L) % next); // existing keys, spread over the table
        long t = System.nanoTime();
        get(client, Math.floorMod(k, next));
        gets.add(System.nanoTime() - t);
      }
      long getNanos = System.nanoTime() - start;
      DynamoDbEmulator.Stats getServer = settle(emulator).minus(before);
      out.put("calls", (long) measured);
      out.put("putNanos", putNanos);
      out.put("putMedianNanos", puts.median());
      out.put("putP99Nanos", puts.p99());
      out.put("putServerRequests", putServer.requests());
      out.put("putServerNanos", putServer.handlingTime().toNanos());
      out.put("getNanos", getNanos);
      out.put("getMedianNanos", gets.median());
      out.put("getP99Nanos", gets.p99());
      out.put("getServerRequests", getServer.requests());
      out.put("getServerNanos", getServer.handlingTime().toNanos());
    }

    // 3. heap held by the items: used heap after full collections, before and after writing them
    try (DynamoDbEmulator emulator = DynamoDbEmulator.start();
        DynamoDbClient client = DdbkitClients.newSyncClient(settings(emulator))) {
      createTable(client);
      writeBatches(client, 0, 2_000); // load and compile the batch path before the baseline
      client.deleteTable(d -> d.tableName(TABLE));
      createTable(client);
      long baseline = usedHeapAfterGc();
      long w0 = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      List<Future<?>> done = new ArrayList<>();
      int share = (heapItems + WRITERS - 1) / WRITERS;
      for (int w = 0; w < WRITERS; w++) {
        int from = w * share;
        int to = Math.min(heapItems, from + share);
        done.add(pool.submit(() -> writeBatches(client, from, to)));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      long writeNanos = System.nanoTime() - w0;
      long count = client.describeTable(d -> d.tableName(TABLE)).table().itemCount();
      long after = usedHeapAfterGc();
      out.put("heapItems", (long) heapItems);
      out.put("heapItemsCounted", count);
      out.put("heapWriteNanos", writeNanos);
      out.put("heapBaselineBytes", baseline);
      out.put("heapAfterBytes", after);
      out.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
      Reference.reachabilityFence(emulator);
    }
    StringBuilder line = new StringBuilder(RESULT);
    out.forEach((k, v) -> line.append(k).append('=').append(v).append(' '));
    System.out.println(line.toString().trim());
    System.out.flush();
    System.exit(0);
  }

  private static ClientSettings settings(DynamoDbEmulator emulator) {
    return ClientSettings.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
        .build();
  }

  private static void createTable(DynamoDbClient client) {
    client.createTable(c -> c.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
            .attributeType(ScalarAttributeType.S).build()));
  }

  static Map<String, AttributeValue> item(int i) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put("pk", AttributeValue.fromS(key(i)));
    m.put("payload", AttributeValue.fromS(PAYLOAD));
    return m;
  }

  static String key(int i) {
    return String.format(java.util.Locale.ROOT, "item-%010d", i);
  }

  private static void put(DynamoDbClient client, int i) {
    client.putItem(p -> p.tableName(TABLE).item(item(i)));
  }

  private static void get(DynamoDbClient client, int i) {
    if (client.getItem(g -> g.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS(key(i))))).item().isEmpty()) {
      throw new IllegalStateException("item " + i + " missing");
    }
  }

  private static void writeBatches(DynamoDbClient client, int from, int to) {
    for (int start = from; start < to; start += BATCH) {
      List<WriteRequest> batch = new ArrayList<>(BATCH);
      for (int i = start; i < Math.min(to, start + BATCH); i++) {
        batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(i)).build()).build());
      }
      var result = client.batchWriteItem(b -> b.requestItems(Map.of(TABLE, batch)));
      if (result.hasUnprocessedItems() && !result.unprocessedItems().isEmpty()) {
        throw new IllegalStateException("unprocessed items");
      }
    }
  }

  /** The stats once the last answered request is counted (it is counted just after its response is written). */
  private static DynamoDbEmulator.Stats settle(DynamoDbEmulator emulator) throws InterruptedException {
    Thread.sleep(20);
    return emulator.stats();
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
