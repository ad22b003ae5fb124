/** Implementation details of ddbkit transactions; not part of the API and subject to change. */
@NullMarked
package dev.ddbkit.transactions.internal;

import org.jspecify.annotations.NullMarked;
