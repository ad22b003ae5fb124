import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns every {@code ```java} block of every README.md of the repository into a method of a generated test source,
 * so that the build compiles what the READMEs show. Run by the integration-tests build (generate-test-sources) as a
 * single-file program: {@code java ReadmeSnippets.java <repository root> <output directory>}.
 *
 * <p>Each block becomes the body of {@code void snippet()} in a class extending {@code ReadmeContext}, whose fields
 * stand for what a snippet uses without declaring (a client, a registry, a logger). Local classes and records are
 * legal there, so snippets that declare a test class compile too. A block that returns a value gets an
 * {@code Object} method instead.
 */
public final class ReadmeSnippets {
  private static final String IMPORTS = String.join("\n",
      "import dev.ddbkit.core.*;",
      "import dev.ddbkit.core.error.*;",
      "import dev.ddbkit.core.item.*;",
      "import dev.ddbkit.core.metrics.*;",
      "import dev.ddbkit.core.retry.*;",
      "import dev.ddbkit.core.table.*;",
      "import dev.ddbkit.core.typed.*;",
      "import dev.ddbkit.core.observation.*;",
      "import dev.ddbkit.emulator.*;",
      "import dev.ddbkit.dax.*;",
      "import dev.ddbkit.metrics.sharding.*;",
      "import dev.ddbkit.orders.*;",
      "import dev.ddbkit.testkit.*;",
      "import dev.ddbkit.testkit.fault.*;",
      "import dev.ddbkit.transactions.*;",
      "import io.micrometer.core.instrument.MeterRegistry;",
      "import io.micrometer.core.instrument.Tags;",
      "import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;",
      "import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;",
      "import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;",
      "import java.math.BigDecimal;",
      "import java.net.URI;",
      "import java.time.*;",
      "import java.util.*;",
      "import java.util.stream.*;",
      "import org.junit.jupiter.api.Test;",
      "import static org.junit.jupiter.api.Assertions.*;",
      "import software.amazon.awssdk.core.exception.SdkException;",
      "import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;",
      "import software.amazon.awssdk.enhanced.dynamodb.Key;",
      "import software.amazon.awssdk.enhanced.dynamodb.TableSchema;",
      "import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;",
      "import static software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.keyEqualTo;",
      "import software.amazon.awssdk.regions.Region;",
      "import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;",
      "import software.amazon.awssdk.services.dynamodb.DynamoDbClient;",
      "import software.amazon.awssdk.services.dynamodb.model.AttributeValue;",
      "import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;");

  private ReadmeSnippets() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    Path out = Path.of(args[1]).resolve("dev/ddbkit/readme");
    Files.createDirectories(out);
    List<Path> readmes;
    try (Stream<Path> files = Files.walk(root)) {
      readmes = files.filter(p -> p.getFileName().toString().equals("README.md"))
          .filter(p -> root.relativize(p).toString().split("[/\\\\]").length <= 3)
          .filter(p -> !root.relativize(p).toString().contains("target"))
          .sorted().toList();
    }
    int total = 0;
    for (Path readme : readmes) {
      List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
      String where = root.relativize(readme).toString().replace('\\', '/');
      String base = className(where);
      int block = 0;
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).trim().equals("```java")) {
          continue;
        }
        int start = i + 1;
        List<String> body = new ArrayList<>();
        for (i = start; i < lines.size() && !lines.get(i).trim().equals("```"); i++) {
          body.add(lines.get(i));
        }
        block++;
        total++;
        String name = base + block;
        boolean returns = body.stream().anyMatch(l -> l.trim().startsWith("return "));
        StringBuilder source = new StringBuilder()
            .append("// Generated from ").append(where).append(", line ").append(start).append(". Do not edit.\n")
            .append("package dev.ddbkit.readme;\n\n").append(IMPORTS).append("\n\n")
            .append("@SuppressWarnings(\"all\")\n")
            .append("class ").append(name).append(" extends ReadmeContext {\n")
            .append(returns ? "  Object" : "  void").append(" snippet() throws Exception {\n");
        for (String line : body) {
          source.append("    ").append(line).append('\n');
        }
        source.append("  }\n}\n");
        Files.writeString(out.resolve(name + ".java"), source.toString(), StandardCharsets.UTF_8);
      }
    }
    System.out.println("ReadmeSnippets: " + total + " java blocks from " + readmes.size() + " READMEs");
  }

  private static String className(String readme) {
    String dir = readme.contains("/") ? readme.substring(0, readme.lastIndexOf('/')) : "root";
    StringBuilder name = new StringBuilder();
    for (String part : dir.split("[/-]")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return name + "Readme";
  }
}
