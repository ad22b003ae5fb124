package dev.ddbkit.testkit.fault.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Splits a {@code BatchWriteItem} or {@code BatchGetItem} request into the part forwarded to DynamoDB and the
 * part held back, and writes the held-back part into the response as {@code UnprocessedItems} /
 * {@code UnprocessedKeys}, exactly where DynamoDB puts what it did not process.
 */
public final class BatchRewrite {

  /** One write request (put or delete) or one key of a batch. */
  public record Entry(String table, Map<String, Object> json) {
    /** The item of a put, or the key of a delete or get. */
    public Map<String, Object> itemOrKey() {
      Map<String, Object> put = Json.object(json, "PutRequest");
      if (put != null) {
        Map<String, Object> item = Json.object(put, "Item");
        return item == null ? Map.of() : item;
      }
      Map<String, Object> delete = Json.object(json, "DeleteRequest");
      if (delete != null) {
        Map<String, Object> key = Json.object(delete, "Key");
        return key == null ? Map.of() : key;
      }
      return json;
    }

    /** Whether this is a put (as opposed to a delete or a key to read). */
    public boolean isPut() {
      return json.containsKey("PutRequest");
    }
  }

  private final boolean write;
  private final Map<String, Object> body;
  private final List<Entry> entries = new ArrayList<>();
  private final Set<Map<String, Object>> held = Collections.newSetFromMap(new IdentityHashMap<>());

  private BatchRewrite(boolean write, Map<String, Object> body) {
    this.write = write;
    this.body = body;
    Map<String, Object> requestItems = Json.object(body, "RequestItems");
    if (requestItems == null) {
      return;
    }
    for (String table : requestItems.keySet()) {
      for (Object o : list(requestItems, table)) {
        if (o instanceof Map<?, ?>) {
          @SuppressWarnings("unchecked")
          Map<String, Object> m = (Map<String, Object>) o;
          entries.add(new Entry(table, m));
        }
      }
    }
  }

  /** A rewrite of {@code request}, when it is a parsable {@code BatchWriteItem} or {@code BatchGetItem}. */
  @SuppressWarnings("unchecked")
  public static Optional<BatchRewrite> of(DdbRequest request) {
    boolean write = "BatchWriteItem".equals(request.operation());
    if (!write && !"BatchGetItem".equals(request.operation())) {
      return Optional.empty();
    }
    return request.json().map(j -> new BatchRewrite(write, (Map<String, Object>) Json.copy(j)));
  }

  /** Whether this is a {@code BatchWriteItem}. */
  public boolean isWrite() {
    return write;
  }

  /** The items or keys still to be forwarded, in request order. */
  public List<Entry> remaining() {
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      if (!held.contains(e.json())) {
        out.add(e);
      }
    }
    return out;
  }

  /** Whether {@code ConsistentRead} is set for {@code table} in a {@code BatchGetItem}. */
  public boolean consistentRead(String table) {
    Map<String, Object> spec = Json.object(Json.object(body, "RequestItems"), table);
    return spec != null && Boolean.TRUE.equals(spec.get("ConsistentRead"));
  }

  /** Holds {@code entry} back: it will not be forwarded and is returned as unprocessed. */
  public void holdBack(Entry entry) {
    held.add(entry.json());
  }

  /** How many items or keys are held back. */
  public int heldBack() {
    return held.size();
  }

  /** Whether anything is left to forward. */
  public boolean anyRemaining() {
    return held.size() < entries.size();
  }

  /** The request body to forward: the original minus what is held back. */
  public byte[] forwardBody() {
    Map<String, Object> out = new LinkedHashMap<>(body);
    out.put("RequestItems", split(false));
    return Json.write(out).getBytes(StandardCharsets.UTF_8);
  }

  /** A success response for when everything was held back. */
  public String standaloneResponse() {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!write) {
      out.put("Responses", new LinkedHashMap<>());
    }
    out.put(unprocessedMember(), split(true));
    return Json.write(out);
  }

  /** {@code responseJson} (DynamoDB's answer to the forwarded part) with the held-back part added. */
  @SuppressWarnings("unchecked")
  public String mergeInto(String responseJson) {
    Map<String, Object> response = Json.parseObject(responseJson);
    Map<String, Object> unprocessed = Json.object(response, unprocessedMember());
    if (unprocessed == null) {
      unprocessed = new LinkedHashMap<>();
      response.put(unprocessedMember(), unprocessed);
    }
    Map<String, Object> mine = split(true);
    for (Map.Entry<String, Object> e : mine.entrySet()) {
      Object existing = unprocessed.get(e.getKey());
      if (existing == null) {
        unprocessed.put(e.getKey(), e.getValue());
      } else if (write && existing instanceof List<?> l) {
        ((List<Object>) l).addAll((List<Object>) e.getValue());
      } else if (!write && existing instanceof Map<?, ?> m) {
        List<Object> keys = Json.array((Map<String, Object>) m, "Keys");
        List<Object> more = Json.array((Map<String, Object>) e.getValue(), "Keys");
        if (keys != null && more != null) {
          keys.addAll(more);
        }
      }
    }
    return Json.write(response);
  }

  private String unprocessedMember() {
    return write ? "UnprocessedItems" : "UnprocessedKeys";
  }

  /** The request items restricted to the held ({@code heldPart}) or the remaining entries. */
  private Map<String, Object> split(boolean heldPart) {
    Map<String, Object> requestItems = Json.object(body, "RequestItems");
    Map<String, Object> out = new LinkedHashMap<>();
    if (requestItems == null) {
      return out;
    }
    for (Map.Entry<String, Object> t : requestItems.entrySet()) {
      List<Object> kept = new ArrayList<>();
      for (Object o : list(requestItems, t.getKey())) {
        if (held.contains(o) == heldPart) {
          kept.add(o);
        }
      }
      if (kept.isEmpty()) {
        continue;
      }
      if (write) {
        out.put(t.getKey(), kept);
      } else {
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) t.getValue());
        spec.put("Keys", kept);
        out.put(t.getKey(), spec);
      }
    }
    return out;
  }

  private List<Object> list(Map<String, Object> requestItems, String table) {
    if (write) {
      List<Object> l = Json.array(requestItems, table);
      return l == null ? List.of() : l;
    }
    @Nullable List<Object> keys = Json.array(Json.object(requestItems, table), "Keys");
    return keys == null ? List.of() : keys;
  }
}
