package dev.ddbkit.testkit.fault.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One DynamoDB JSON-protocol request as the proxy sees it: the operation from {@code X-Amz-Target}, the parsed
 * body and the tables it touches.
 */
public final class DdbRequest {
  /** The prefix of {@code X-Amz-Target} for DynamoDB's API version 2012-08-10. */
  public static final String TARGET_PREFIX = "DynamoDB_20120810.";
  /** The operation name given to requests that are not DynamoDB API calls. */
  public static final String UNKNOWN_OPERATION = "Unknown";

  private final String operation;
  private final byte[] body;
  private final @Nullable Map<String, Object> json;
  private final Set<String> tables;
  private final List<String> itemTables;

  private DdbRequest(String operation, byte[] body, @Nullable Map<String, Object> json) {
    this.operation = operation;
    this.body = body;
    this.json = json;
    this.itemTables = transactTables(json);
    this.tables = Collections.unmodifiableSet(tables(json, itemTables));
  }

  /** Parses a request from its {@code X-Amz-Target} header value (possibly null) and body. */
  public static DdbRequest of(@Nullable String target, byte[] body) {
    String op = target != null && target.startsWith(TARGET_PREFIX)
        ? target.substring(TARGET_PREFIX.length())
        : UNKNOWN_OPERATION;
    Map<String, Object> json = null;
    if (body.length > 0) {
      try {
        json = Json.parseObject(new String(body, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        json = null; // malformed bodies are forwarded untouched; DynamoDB answers them
      }
    }
    return new DdbRequest(op, body, json);
  }

  /** The operation, such as {@code PutItem}, or {@link #UNKNOWN_OPERATION}. */
  public String operation() {
    return operation;
  }

  /** The raw body. */
  public byte[] body() {
    return body;
  }

  /** The parsed body, when it is a JSON object. */
  public Optional<Map<String, Object>> json() {
    return Optional.ofNullable(json);
  }

  /** The tables the request touches, in order of appearance. */
  public Set<String> tables() {
    return tables;
  }

  /** For transactions, the table of each item by index; empty for other operations. */
  public List<String> transactItemTables() {
    return itemTables;
  }

  private static List<String> transactTables(@Nullable Map<String, Object> json) {
    List<Object> items = Json.array(json, "TransactItems");
    if (items == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object o : items) {
      String table = "";
      if (o instanceof Map<?, ?> m) {
        for (Object action : m.values()) {
          if (action instanceof Map<?, ?> a && a.get("TableName") instanceof String t) {
            table = t;
          }
        }
      }
      out.add(table);
    }
    return List.copyOf(out);
  }

  private static Set<String> tables(@Nullable Map<String, Object> json, List<String> itemTables) {
    Set<String> out = new LinkedHashSet<>();
    if (json == null) {
      return out;
    }
    String name = Json.string(json, "TableName");
    if (name != null) {
      out.add(name);
    }
    Map<String, Object> requestItems = Json.object(json, "RequestItems");
    if (requestItems != null) {
      out.addAll(requestItems.keySet());
    }
    for (String t : itemTables) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }
}
