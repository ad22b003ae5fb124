package dev.ddbkit.testkit.fault.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * An HTTP response the proxy sends: status, headers and body. Bodies the proxy writes itself carry the
 * {@code x-amz-crc32} header DynamoDB sends, computed over the bytes sent, so the SDK's checksum validation
 * passes.
 */
public record WireResponse(int status, Map<String, List<String>> headers, byte[] body) {
  /** DynamoDB's JSON protocol content type. */
  public static final String CONTENT_TYPE = "application/x-amz-json-1.0";

  public WireResponse {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    headers = copy;
  }

  /** A JSON response with DynamoDB's headers. */
  public static WireResponse json(int status, String json, String requestId) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> h = new LinkedHashMap<>();
    h.put("Content-Type", List.of(CONTENT_TYPE));
    h.put("x-amzn-RequestId", List.of(requestId));
    h.put("x-amz-crc32", List.of(crc32(body)));
    return new WireResponse(status, h, body);
  }

  /** A DynamoDB error: {@code {"__type": type, "message": message}}. */
  public static WireResponse error(int status, String type, String message, String requestId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("__type", type);
    body.put("message", message);
    return json(status, Json.write(body), requestId);
  }

  /**
   * A DynamoDB throttling error with a {@code ThrottlingReasons} member, as DynamoDB sends it:
   * {@code [{"reason": "TableWriteKeyRangeThroughputExceeded", "resource": "arn:..."}]}. {@code reasons} holds
   * pairs of reason and resource ARN (the ARN may be empty).
   */
  public static WireResponse throttlingError(int status, String type, String message, String requestId,
      List<Map.Entry<String, String>> reasons) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("__type", type);
    body.put("message", message);
    if (!reasons.isEmpty()) {
      List<Object> list = new ArrayList<>();
      for (Map.Entry<String, String> r : reasons) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reason", r.getKey());
        if (!r.getValue().isEmpty()) {
          m.put("resource", r.getValue());
        }
        list.add(m);
      }
      body.put("ThrottlingReasons", list);
    }
    return json(status, Json.write(body), requestId);
  }

  /**
   * A {@code TransactionCanceledException} with one reason per item: {@code code} at each of
   * {@code failedIndexes}, {@code None} elsewhere.
   */
  public static WireResponse transactionCanceled(
      int itemCount, List<Integer> failedIndexes, String code, String reasonMessage, String requestId) {
    List<Object> reasons = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < itemCount; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      if (failedIndexes.contains(i)) {
        r.put("Code", code);
        r.put("Message", reasonMessage);
        codes.add(code);
      } else {
        r.put("Code", "None");
        codes.add("None");
      }
      reasons.add(r);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("__type", "com.amazonaws.dynamodb.v20120810#TransactionCanceledException");
    body.put("CancellationReasons", reasons);
    body.put("Message", "Transaction cancelled, please refer cancellation reasons for specific reasons "
        + codes.toString());
    return json(400, Json.write(body), requestId);
  }

  /** The unsigned decimal CRC32 of {@code body}, as DynamoDB writes it in {@code x-amz-crc32}. */
  public static String crc32(byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body);
    return Long.toString(crc.getValue());
  }
}
