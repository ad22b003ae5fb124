package dev.ddbkit.emulator.internal.value;

import java.util.Optional;

/** Ordering of scalar values as DynamoDB orders keys and comparisons. */
public final class Values {
  private Values() {}

  /**
   * Compares two values of the same scalar type (S by UTF-8 bytes, i.e. by code point; N by value; B by
   * unsigned bytes). Empty when the types differ or are not S, N or B: DynamoDB's comparison is then false.
   */
  public static Optional<Integer> compare(Value a, Value b) {
    if (a instanceof Value.S x && b instanceof Value.S y) {
      return Optional.of(compareUtf8(x.value(), y.value()));
    }
    if (a instanceof Value.N x && b instanceof Value.N y) {
      return Optional.of(x.value().compareTo(y.value()));
    }
    if (a instanceof Value.B x && b instanceof Value.B y) {
      return Optional.of(x.value().compareTo(y.value()));
    }
    return Optional.empty();
  }

  /** Compares strings as their UTF-8 bytes compare (code point order, not UTF-16 order). */
  public static int compareUtf8(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
