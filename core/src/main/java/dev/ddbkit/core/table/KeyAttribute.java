package dev.ddbkit.core.table;

import dev.ddbkit.core.error.Require;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A key attribute: its name and scalar type ({@code S}, {@code N} or {@code B}).
 *
 * @param name the attribute name
 * @param type the attribute's scalar type
 */
public record KeyAttribute(String name, ScalarAttributeType type) {

  public KeyAttribute {
    Require.nonBlank(name, "key attribute name");
    Require.nonNull(type, "type of key attribute " + name);
    Require.argument(type != ScalarAttributeType.UNKNOWN_TO_SDK_VERSION, "type",
        "Key attribute " + name + " must have type S, N or B.");
  }

  /** A string key attribute. */
  public static KeyAttribute string(String name) {
    return new KeyAttribute(name, ScalarAttributeType.S);
  }

  /** A number key attribute. */
  public static KeyAttribute number(String name) {
    return new KeyAttribute(name, ScalarAttributeType.N);
  }

  /** A binary key attribute. */
  public static KeyAttribute binary(String name) {
    return new KeyAttribute(name, ScalarAttributeType.B);
  }
}
