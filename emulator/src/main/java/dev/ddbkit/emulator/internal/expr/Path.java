package dev.ddbkit.emulator.internal.expr;

import java.util.List;

/**
 * A resolved document path ({@code a.b[2].c}, placeholders already substituted): each element is a
 * {@link String} (map key / attribute name) or an {@link Integer} (list index). The first is always a name.
 */
public record Path(List<Object> elements) {
  public Path {
    elements = List.copyOf(elements);
  }

  public String topLevel() {
    return (String) elements.get(0);
  }

  public static Path of(String attribute) {
    return new Path(List.of(attribute));
  }
}
