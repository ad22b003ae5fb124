package dev.ddbkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class WireProtocolTest extends EmulatorTestSupport {

  private static HttpResponse<byte[]> post(String target, String body, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(emulator.endpoint().resolve("/"))
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target != null) {
      b.header("X-Amz-Target", target);
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void responses_carryCrc32AndRequestId() throws Exception {
    HttpResponse<byte[]> r = post("DynamoDB_20120810.ListTables", "{}", null);
    CRC32 crc = new CRC32();
    crc.update(r.body());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
    assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
  }

  @Test
  void unknownOperation_andMalformedJson_areClientErrors() throws Exception {
    HttpResponse<byte[]> unknown = post("DynamoDB_20120810.Frobnicate", "{}", null);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(new String(unknown.body())).contains("com.amazonaws.dynamodb.v20120810#UnknownOperationException");
    HttpResponse<byte[]> malformed = post("DynamoDB_20120810.ListTables", "{", null);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(new String(malformed.body())).contains("SerializationException");
  }

  @Test
  void tables_areScopedByRegion_andSharedAcrossAccessKeys() {
    String t = table(null);
    try (DynamoDbClient sameRegionOtherKey = client(emulator, "us-east-1", "OTHERKEY");
         DynamoDbClient otherRegion = client(emulator, "eu-central-1", "AKIDEXAMPLE")) {
      assertThat(sameRegionOtherKey.listTables().tableNames()).contains(t);
      assertThat(otherRegion.listTables().tableNames()).doesNotContain(t);
    }
  }

  @Test
  void close_releasesThePort_andEndsEveryThread() throws Exception {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    DynamoDbEmulator own = DynamoDbEmulator.start();
    int port = own.port();
    try (DynamoDbClient c = client(own, "us-east-1", "AKID")) {
      c.listTables();
    }
    own.close();
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
    Set<String> alive = Thread.getAllStackTraces().keySet().stream()
        .filter(th -> th.isAlive() && !before.contains(th))
        .map(Thread::getName)
        .filter(n -> n.startsWith("ddbkit-emulator-") || n.startsWith("HTTP-Dispatcher"))
        .collect(Collectors.toSet());
    assertThat(alive).isEmpty();
    assertThat(URI.create(emulator.endpoint().toString()).getHost()).isEqualTo("127.0.0.1");
  }
}
