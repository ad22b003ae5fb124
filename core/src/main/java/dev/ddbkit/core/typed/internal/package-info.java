/**
 * Not API: helpers of the typed layer (cursors, canonical forms, batch splitting, transaction tokens). May change
 * in any release.
 */
@NullMarked
package dev.ddbkit.core.typed.internal;

import org.jspecify.annotations.NullMarked;
