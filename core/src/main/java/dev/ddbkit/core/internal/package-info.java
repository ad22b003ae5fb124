/** Not API: implementation details of ddbkit-core that other ddbkit modules share. May change in any release. */
@NullMarked
package dev.ddbkit.core.internal;

import org.jspecify.annotations.NullMarked;
