package dev.ddbkit.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ddbkit.testkit.fault.internal.Json;
import dev.ddbkit.testkit.fault.internal.WireResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Header and checksum semantics on the wire, against a stub backend that compresses its answers. */
class FaultProxyWireTest {
  private static final String BACKEND_ANSWER = "{\"UnprocessedItems\":{}}";
  private HttpServer backend;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<String> acceptEncodings = new CopyOnWriteArrayList<>();
  private byte[] gzipped;

  @BeforeEach
  void startBackend() throws IOException {
    gzipped = gzip(BACKEND_ANSWER.getBytes(StandardCharsets.UTF_8));
    backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    backend.createContext("/", ex -> {
      received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      acceptEncodings.add(String.valueOf(ex.getRequestHeaders().getFirst("Accept-Encoding")));
      ex.getResponseHeaders().add("Content-Type", WireResponse.CONTENT_TYPE);
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
      ex.getResponseHeaders().add("x-amz-crc32", WireResponse.crc32(gzipped)); // DynamoDB: over the bytes sent
      ex.getResponseHeaders().add("x-amzn-RequestId", "BACKEND");
      ex.sendResponseHeaders(200, gzipped.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(gzipped);
      }
    });
    backend.start();
  }

  @AfterEach
  void stopBackend() {
    backend.stop(0);
  }

  @Test
  void untouchedResponse_isRelayedByteForByteWithItsEncodingAndChecksum() throws Exception {
    try (FaultProxy proxy = proxy()) {
      HttpResponse<byte[]> r = send(proxy, "BatchWriteItem", batch(2));
      assertThat(r.body()).isEqualTo(gzipped);
      assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
      assertThat(r.headers().firstValue("x-amz-crc32")).hasValue(WireResponse.crc32(gzipped));
      assertThat(r.headers().firstValue("x-amzn-RequestId")).hasValue("BACKEND");
      assertThat(acceptEncodings).containsExactly("gzip");
    }
  }

  @Test
  void rewrittenResponse_isSentDecompressedWithAChecksumOfTheNewBody() throws Exception {
    try (FaultProxy proxy = proxy()) {
      proxy.addRule(FaultRule.forOperation("BatchWriteItem").unprocessed(1.0, 0.5));
      HttpResponse<byte[]> r = send(proxy, "BatchWriteItem", batch(4));
      assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(r.headers().firstValue("x-amz-crc32")).hasValue(WireResponse.crc32(r.body()));
      Map<String, Object> body = Json.parseObject(new String(r.body(), StandardCharsets.UTF_8));
      assertThat(Json.array(Json.object(body, "UnprocessedItems"), "t")).hasSize(2);
      assertThat(Json.array(Json.object(Json.parseObject(received.get(0)), "RequestItems"), "t")).hasSize(2);
    }
  }

  @Test
  void injectedError_carriesDynamoDbsHeaders() throws Exception {
    try (FaultProxy proxy = proxy()) {
      proxy.addRule(FaultRule.forAnyOperation().throttle(1.0));
      HttpResponse<byte[]> r = send(proxy, "PutItem", "{\"TableName\":\"t\",\"Item\":{}}");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
      assertThat(r.headers().firstValue("x-amz-crc32")).hasValue(WireResponse.crc32(r.body()));
      assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"__type\":\"com.amazonaws.dynamodb."
          + "v20120810#ProvisionedThroughputExceededException\",\"message\":\"The level of configured provisioned "
          + "throughput for the table was exceeded. Consider increasing your provisioning level with the "
          + "UpdateTable API.\"}");
      assertThat(received).isEmpty();
    }
  }

  @Test
  void unreachableBackend_isAnswered500AndCountedAsABackendError() throws Exception {
    int deadPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = socket.getLocalPort();
    }
    try (FaultProxy proxy = FaultProxy.builder().target(URI.create("http://127.0.0.1:" + deadPort)).start()) {
      HttpResponse<byte[]> r = send(proxy, "PutItem", "{\"TableName\":\"t\",\"Item\":{}}");

      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("InternalServerError");
      FaultCounters counters = proxy.counters();
      assertThat(counters.backendErrors("PutItem")).isEqualTo(1);
      assertThat(counters.backendErrors()).isEqualTo(1);
      assertThat(counters.injected()).isZero();
    }
  }

  @Test
  void answeringBackend_isNotCountedAsABackendError() throws Exception {
    try (FaultProxy proxy = proxy()) {
      send(proxy, "BatchWriteItem", batch(1));
      assertThat(proxy.counters().backendErrors()).isZero();
    }
  }

  @Test
  void serverErrorAfterForwarding_reachesTheBackendThenAnswers500() throws Exception {
    try (FaultProxy proxy = proxy()) {
      proxy.addRule(FaultRule.forOperation("BatchWriteItem").inject(Fault.serverErrorAfterForwarding(), 1.0));
      HttpResponse<byte[]> r = send(proxy, "BatchWriteItem", batch(1));

      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("InternalServerError");
      assertThat(received).hasSize(1);
      assertThat(proxy.counters().forwarded("BatchWriteItem")).isEqualTo(1);
      assertThat(proxy.counters().injected(FaultKind.INTERNAL_SERVER_ERROR, "BatchWriteItem")).isEqualTo(1);
    }
  }

  @Test
  void httpsTarget_isRejectedNamingTarget() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> FaultProxy.builder().target(URI.create("https://dynamodb.us-east-1.amazonaws.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("target must be an http URL");
  }

  @Test
  void close_releasesThePortAndThreads_evenWithAHeldConnection() throws Exception {
    java.util.Set<Thread> before = proxyThreads();
    FaultProxy proxy = proxy();
    proxy.addRule(FaultRule.forAnyOperation().timeout(1.0));
    HttpClient client = HttpClient.newHttpClient();
    var held = client.sendAsync(HttpRequest.newBuilder(proxy.endpoint()).header("X-Amz-Target",
        "DynamoDB_20120810.GetItem").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    org.awaitility.Awaitility.await().until(() -> proxy.counters().injected(FaultKind.TIMEOUT) == 1);
    proxy.close();
    assertThat(held).failsWithin(java.time.Duration.ofSeconds(10));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new java.net.Socket(
        proxy.endpoint().getHost(), proxy.endpoint().getPort()).close()).isInstanceOf(IOException.class);
    org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(proxyThreads()).isSubsetOf(before));
  }

  private static java.util.Set<Thread> proxyThreads() {
    java.util.Set<Thread> out = new java.util.HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("ddbkit-fault-proxy")) {
        out.add(t);
      }
    }
    return out;
  }

  private FaultProxy proxy() {
    return FaultProxy.builder().target(URI.create("http://127.0.0.1:" + backend.getAddress().getPort())).start();
  }

  private static HttpResponse<byte[]> send(FaultProxy proxy, String op, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(proxy.endpoint())
        .header("X-Amz-Target", "DynamoDB_20120810." + op)
        .header("Content-Type", WireResponse.CONTENT_TYPE)
        .header("Accept-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String batch(int n) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < n; i++) {
      items.append(i == 0 ? "" : ",").append("{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"").append(i).append("\"}}}}");
    }
    return "{\"RequestItems\":{\"t\":[" + items + "]}}";
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    return out.toByteArray();
  }
}
