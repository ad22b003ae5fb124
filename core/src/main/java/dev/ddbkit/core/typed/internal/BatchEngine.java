package dev.ddbkit.core.typed.internal;

import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.error.ErrorContext;
import dev.ddbkit.core.error.ThrottlingException;
import dev.ddbkit.core.item.ItemSize;
import dev.ddbkit.core.retry.DdbkitRetry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Batch writes and reads of any number of items on one table: split to DynamoDB's limits (25 writes or 100 keys
 * a call, 16 MB a request, no key twice in a call), unprocessed items and keys sent again with the retry's
 * bounded jittered backoff, and what finally failed reported per entry. Works on attribute maps; the typed layer
 * maps entities in and out.
 */
public final class BatchEngine {
  /** DynamoDB's limit of write requests per {@code BatchWriteItem}. */
  public static final int MAX_WRITES = 25;
  /** DynamoDB's limit of keys per {@code BatchGetItem}. */
  public static final int MAX_READS = 100;
  /** DynamoDB's limit on one request's size. */
  public static final long MAX_REQUEST_BYTES = 16L * 1024 * 1024;
  /** Bytes allowed per entry beyond its item size: attribute-type tags, JSON framing and base64 growth. */
  private static final long OVERHEAD_BYTES = 256;
  private static final Logger LOG = LoggerFactory.getLogger(BatchEngine.class);

  private final DynamoDbClient client;
  private final String table;
  private final Calls calls;
  private final List<String> keyNames;

  /** An engine for {@code table}, whose primary key attributes are {@code keyNames}. */
  public BatchEngine(DynamoDbClient client, String table, Calls calls, List<String> keyNames) {
    this.client = client;
    this.table = table;
    this.calls = calls;
    this.keyNames = List.copyOf(keyNames);
  }

  /** One entry to write: a put of {@code item} or, when {@code item} is null, a delete of {@code key}. */
  public record Write<E>(E source, Map<String, AttributeValue> key, @Nullable Map<String, AttributeValue> item) {}

  /** The outcome of {@link #write}. */
  public record WriteOutcome<E>(int written, List<Map.Entry<E, DdbkitException>> failed, int requests) {}

  /** The outcome of {@link #read}: items by key, keys unread with the last error. */
  public record ReadOutcome(Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found,
      List<Map<String, AttributeValue>> unread, @Nullable DdbkitException failure) {}

  /** The primary key of {@code item}. */
  public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (String name : keyNames) {
      AttributeValue v = item.get(name);
      if (v != null) {
        key.put(name, v);
      }
    }
    return key;
  }

  /** Writes every entry; returns how many were written and each that failed, in input order. */
  public <E> WriteOutcome<E> write(List<Write<E>> writes) {
    List<List<Write<E>>> chunks = Chunks.split(writes, MAX_WRITES, MAX_REQUEST_BYTES,
        w -> (w.item() == null ? ItemSize.of(w.key()) : ItemSize.of(w.item())) + OVERHEAD_BYTES, Write::key);
    int written = 0;
    int requests = 0;
    List<Map.Entry<E, DdbkitException>> failed = new ArrayList<>();
    for (List<Write<E>> chunk : chunks) {
      int[] counters = writeChunk(chunk, failed);
      written += counters[0];
      requests += counters[1];
    }
    return new WriteOutcome<>(written, failed, requests);
  }

  private <E> int[] writeChunk(List<Write<E>> chunk, List<Map.Entry<E, DdbkitException>> failed) {
    Map<Map<String, AttributeValue>, Write<E>> pending = new LinkedHashMap<>();
    chunk.forEach(w -> pending.put(w.key(), w));
    DdbkitRetry.Session session = calls.retry().session();
    int requests = 0;
    while (true) {
      List<WriteRequest> requestItems = new ArrayList<>(pending.size());
      for (Write<E> w : pending.values()) {
        requestItems.add(w.item() == null
            ? WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(w.key()).build()).build()
            : WriteRequest.builder().putRequest(PutRequest.builder().item(w.item()).build()).build());
      }
      BatchWriteItemResponse response;
      requests++;
      try {
        response = client.batchWriteItem(b -> b.requestItems(Map.of(table, requestItems)));
      } catch (RuntimeException e) {
        DdbkitException error = DdbkitErrors.translate(e, "BatchWriteItem", table);
        if (session.awaitRetry(error)) {
          calls.retried("BatchWriteItem", table);
          continue;
        }
        pending.values().forEach(w -> failed.add(Map.entry(w.source(), error)));
        return new int[] {chunk.size() - pending.size(), requests};
      }
      List<WriteRequest> unprocessed = response.unprocessedItems().getOrDefault(table, List.of());
      Map<Map<String, AttributeValue>, Write<E>> left = new LinkedHashMap<>();
      for (WriteRequest r : unprocessed) {
        Map<String, AttributeValue> key = r.putRequest() != null ? keyOf(r.putRequest().item()) : r.deleteRequest().key();
        Write<E> w = pending.get(key);
        if (w != null) {
          left.put(key, w);
        }
      }
      if (left.isEmpty()) {
        session.succeeded();
        return new int[] {chunk.size(), requests};
      }
      pending.clear();
      pending.putAll(left);
      ThrottlingException reason = ThrottlingException.of("BatchWriteItem on table " + table + " left "
          + left.size() + " of " + chunk.size() + " items unprocessed after " + (session.retries() + 1)
          + " attempts.", ErrorContext.of("BatchWriteItem", table));
      if (!session.awaitRetry(reason)) {
        LOG.debug("{} items still unprocessed on {} after {} attempts", left.size(), table, session.retries() + 1);
        left.values().forEach(w -> failed.add(Map.entry(w.source(), reason)));
        return new int[] {chunk.size() - left.size(), requests};
      }
      calls.retried("BatchWriteItem", table);
    }
  }

  /** Reads the items of {@code keys} (duplicates read once) with {@code BatchGetItem}. */
  public ReadOutcome read(List<Map<String, AttributeValue>> keys, boolean consistentRead) {
    List<Map<String, AttributeValue>> unique = new ArrayList<>(new LinkedHashSet<>(keys));
    Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found = new HashMap<>();
    List<Map<String, AttributeValue>> unread = new ArrayList<>();
    @Nullable DdbkitException failure = null;
    for (int from = 0; from < unique.size(); from += MAX_READS) {
      @Nullable DdbkitException f = readChunk(unique.subList(from, Math.min(unique.size(), from + MAX_READS)),
          consistentRead, found, unread);
      failure = f != null ? f : failure;
    }
    return new ReadOutcome(found, unread, failure);
  }

  private @Nullable DdbkitException readChunk(List<Map<String, AttributeValue>> chunk, boolean consistentRead,
      Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found, List<Map<String, AttributeValue>> unread) {
    List<Map<String, AttributeValue>> pending = chunk;
    DdbkitRetry.Session session = calls.retry().session();
    while (true) {
      KeysAndAttributes request = KeysAndAttributes.builder().keys(pending).consistentRead(consistentRead).build();
      BatchGetItemResponse response;
      try {
        response = client.batchGetItem(b -> b.requestItems(Map.of(table, request)));
      } catch (RuntimeException e) {
        DdbkitException error = DdbkitErrors.translate(e, "BatchGetItem", table);
        if (session.awaitRetry(error)) {
          calls.retried("BatchGetItem", table);
          continue;
        }
        unread.addAll(pending);
        return error;
      }
      for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
        found.put(keyOf(item), item);
      }
      KeysAndAttributes left = response.unprocessedKeys().get(table);
      if (left == null || !left.hasKeys() || left.keys().isEmpty()) {
        session.succeeded();
        return null;
      }
      pending = left.keys();
      ThrottlingException reason = ThrottlingException.of("BatchGetItem on table " + table + " left "
          + pending.size() + " of " + chunk.size() + " keys unprocessed after " + (session.retries() + 1)
          + " attempts.", ErrorContext.of("BatchGetItem", table));
      if (!session.awaitRetry(reason)) {
        unread.addAll(pending);
        return reason;
      }
      calls.retried("BatchGetItem", table);
    }
  }

  /** Restores {@code keys}' order over what {@link #read} found. */
  public static <K> List<Map<String, AttributeValue>> inOrder(List<K> keys,
      Function<K, Map<String, AttributeValue>> keyMap, Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (K k : keys) {
      Map<String, AttributeValue> item = found.get(keyMap.apply(k));
      if (item != null) {
        items.add(item);
      }
    }
    return items;
  }
}
