package dev.ddbkit.orders.internal;

import dev.ddbkit.core.error.Require;

/** UTF-8 byte length without encoding the string. */
final class Utf8 {
  private Utf8() {}

  static int length(CharSequence s) {
    return Require.utf8Length(s);
  }
}
